using System;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace StarkSdk.Core;

/// <summary>Makes a named or typed HttpClient from IHttpClientFactory a safe transport for a <see cref="StarkPipeline"/>.</summary>
public static class StarkHttpClientBuilderExtensions
{
    /// <summary>
    /// Prepares the HttpClient as the transport of a <see cref="StarkPipeline"/> (which signs and retries by itself): the
    /// SDK's transport as primary handler (pooled connections renewed every 5 minutes, so one long-lived client sees DNS
    /// changes), the client's own timeout off (the pipeline enforces <see cref="StarkClientOptions.Timeout"/>), and — after every
    /// other configuration of the client, whatever its order — redirects and cookies off on the primary handler and, innermost,
    /// a guard that refuses to send a POST, PATCH, PUT or DELETE a second time, so a resilience handler added to this client
    /// (e.g. <c>AddStandardResilienceHandler</c>) can never move money twice (see docs/resilience.md).
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
        builder.ConfigurePrimaryHttpMessageHandler(TransportSettings.CreateTransport);
        builder.SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        builder.Services.Configure<StarkHttpClientNames>(names => names.Add(builder.Name));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, StarkTransportFilter>());
        return builder;
    }
}

/// <summary>The names of the HttpClients that carry Stark calls.</summary>
internal sealed class StarkHttpClientNames : System.Collections.Generic.HashSet<string>
{
    public StarkHttpClientNames()
        : base(StringComparer.Ordinal)
    {
    }
}

/// <summary>
/// Runs after all of a Stark client's configuration actions (user ones included), so what it enforces cannot be undone by the
/// order in which an application configures its HttpClient.
/// </summary>
internal sealed class StarkTransportFilter : IHttpMessageHandlerBuilderFilter
{
    private readonly IOptions<StarkHttpClientNames> _names;

    public StarkTransportFilter(IOptions<StarkHttpClientNames> names) => _names = names;

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (builder.Name != null && _names.Value.Contains(builder.Name))
        {
            TransportSettings.Harden(builder.PrimaryHandler);
            builder.AdditionalHandlers.Add(new SendOnceGuard());
        }
    };
}
