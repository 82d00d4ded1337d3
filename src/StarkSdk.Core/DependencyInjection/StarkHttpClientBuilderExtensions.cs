using System;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;

namespace StarkSdk.Core;

/// <summary>Registers the Stark handlers on a named or typed HttpClient from IHttpClientFactory.</summary>
public static class StarkHttpClientBuilderExtensions
{
    /// <summary>
    /// Adds the retry and signing handlers (in that order, so every retry is signed afresh), turns off the client's own timeout
    /// (the pipeline enforces <see cref="StarkClientOptions.Timeout"/>), and turns off redirects and cookies on the primary handler
    /// so signed headers never follow a redirect to another host. Build a <see cref="StarkPipeline"/> over the resulting HttpClient.
    /// </summary>
    /// <param name="builder">The HttpClient builder.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder AddStarkHandlers(this IHttpClientBuilder builder)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        builder.ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.ConfigurePrimaryHttpMessageHandler((handler, _) => TransportSettings.Harden(handler));
        builder.AddHttpMessageHandler(() => new RetryHandler());
        builder.AddHttpMessageHandler(() => new SigningHandler());
        return builder;
    }
}
