using System;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace StarkSdk.Core;

/// <summary>Registers an SDK's root client with IHttpClientFactory (what <c>AddStarkBank</c> and <c>AddStarkInfra</c> do).</summary>
public static class StarkServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> as a typed HttpClient carrying the Stark retry and signing handlers
    /// (<see cref="StarkHttpClientBuilderExtensions.AddStarkHandlers"/>), with <see cref="StarkClientOptions"/> and an
    /// HttpClient both named <paramref name="name"/>, so the clients of several Stark APIs live side by side.
    /// </summary>
    /// <typeparam name="TClient">The SDK's root client.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The name of the options and of the HttpClient, e.g. <c>StarkInfra</c>.</param>
    /// <param name="configure">Sets the user and the other client options.</param>
    /// <param name="create">Creates the client over the factory's HttpClient and the named options.</param>
    /// <returns>The HttpClient builder, to add handlers or configure the primary handler.</returns>
    public static IHttpClientBuilder AddStarkClient<TClient>(
        this IServiceCollection services,
        string name,
        Action<StarkClientOptions> configure,
        Func<HttpClient, StarkClientOptions, TClient> create)
        where TClient : class
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("The name must not be empty.", nameof(name));
        }

        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        if (create is null)
        {
            throw new ArgumentNullException(nameof(create));
        }

        services.AddOptions<StarkClientOptions>(name).Configure(configure);
        return services
            .AddHttpClient(name)
            .AddTypedClient<TClient>((httpClient, provider) => create(httpClient, provider.GetRequiredService<IOptionsMonitor<StarkClientOptions>>().Get(name)))
            .AddStarkHandlers();
    }
}
