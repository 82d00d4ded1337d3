using System;
using System.Diagnostics.Metrics;
using System.Net.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StarkSdk.Core;

/// <summary>
/// Registers an SDK's root client with dependency injection. <c>AddStarkBank</c>, <c>AddStarkInfra</c> and their keyed forms
/// forward here. The client is a singleton (it owns the webhook key cache) over a long-lived HttpClient from IHttpClientFactory
/// whose transport renews its connections; its options are named after the registration, its logger and meter are the host's.
/// </summary>
public static class StarkServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> as the application's client of an API (resolvable as <typeparamref name="TClient"/>
    /// and as a keyed service under <paramref name="name"/>), with <see cref="StarkClientOptions"/> and an HttpClient both named
    /// <paramref name="name"/>, so the clients of several Stark APIs live side by side.
    /// </summary>
    /// <typeparam name="TClient">The SDK's root client.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The name of the options, of the HttpClient and of the keyed service, e.g. <c>StarkInfra</c>.</param>
    /// <param name="configure">Sets the user and the other client options.</param>
    /// <param name="create">Creates the client over the factory's HttpClient and the named options.</param>
    /// <returns>The HttpClient builder, to configure the primary handler or add handlers.</returns>
    public static IHttpClientBuilder AddStarkClient<TClient>(this IServiceCollection services, string name, Action<StarkClientOptions> configure, Func<HttpClient, StarkClientOptions, TClient> create)
        where TClient : class
    {
        var builder = Register(services, name, configure, create);
        services.AddSingleton(provider => provider.GetRequiredKeyedService<TClient>(name));
        return builder;
    }

    /// <summary>
    /// Registers <typeparamref name="TClient"/> as with <see cref="AddStarkClient{TClient}(IServiceCollection, string, Action{StarkClientOptions}, Func{HttpClient, StarkClientOptions, TClient})"/>,
    /// its options bound from a configuration section (see <see cref="StarkConfiguration"/>), then passed to <paramref name="configure"/>.
    /// </summary>
    /// <typeparam name="TClient">The SDK's root client.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The name of the options, of the HttpClient and of the keyed service.</param>
    /// <param name="section">The section, e.g. <c>configuration.GetSection("StarkBank")</c>; re-read when the options are first built.</param>
    /// <param name="create">Creates the client over the factory's HttpClient and the named options.</param>
    /// <param name="configure">Adjusts the bound options, or null.</param>
    /// <returns>The HttpClient builder.</returns>
    public static IHttpClientBuilder AddStarkClient<TClient>(this IServiceCollection services, string name, IConfiguration section, Func<HttpClient, StarkClientOptions, TClient> create, Action<StarkClientOptions>? configure = null)
        where TClient : class =>
        services.AddStarkClient(name, Bind(section, configure), create);

    /// <summary>
    /// Registers one more <typeparamref name="TClient"/> as a keyed service only (<c>[FromKeyedServices("acme")]</c>,
    /// <c>GetRequiredKeyedService&lt;TClient&gt;("acme")</c>): a second project or workspace next to the default client.
    /// </summary>
    /// <typeparam name="TClient">The SDK's root client.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="key">The service key, also the name of its options and HttpClient; unique across the application's Stark clients.</param>
    /// <param name="configure">Sets the user and the other client options.</param>
    /// <param name="create">Creates the client over the factory's HttpClient and the named options.</param>
    /// <returns>The HttpClient builder.</returns>
    public static IHttpClientBuilder AddKeyedStarkClient<TClient>(this IServiceCollection services, string key, Action<StarkClientOptions> configure, Func<HttpClient, StarkClientOptions, TClient> create)
        where TClient : class =>
        Register(services, key, configure, create);

    /// <summary>Registers one more keyed <typeparamref name="TClient"/>, its options bound from a configuration section.</summary>
    /// <typeparam name="TClient">The SDK's root client.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="key">The service key, also the name of its options and HttpClient.</param>
    /// <param name="section">The section holding this client's settings.</param>
    /// <param name="create">Creates the client over the factory's HttpClient and the named options.</param>
    /// <param name="configure">Adjusts the bound options, or null.</param>
    /// <returns>The HttpClient builder.</returns>
    public static IHttpClientBuilder AddKeyedStarkClient<TClient>(this IServiceCollection services, string key, IConfiguration section, Func<HttpClient, StarkClientOptions, TClient> create, Action<StarkClientOptions>? configure = null)
        where TClient : class =>
        Register(services, key, Bind(section, configure), create);

    private static Action<StarkClientOptions> Bind(IConfiguration section, Action<StarkClientOptions>? configure)
    {
        if (section is null)
        {
            throw new ArgumentNullException(nameof(section));
        }

        return options =>
        {
            StarkConfiguration.Bind(section, options);
            configure?.Invoke(options);
        };
    }

    private static IHttpClientBuilder Register<TClient>(IServiceCollection services, string name, Action<StarkClientOptions> configure, Func<HttpClient, StarkClientOptions, TClient> create)
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

        services.AddOptions<StarkClientOptions>(name)
            .Configure(configure)
            .PostConfigure<IServiceProvider>((options, provider) =>
            {
                // The host's logging and metrics, unless the application chose others.
                options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
                options.MeterFactory ??= provider.GetService<IMeterFactory>();
                options.TimeProvider ??= provider.GetService<TimeProvider>();
            });
        services.AddKeyedSingleton<TClient>(name, (provider, _) => create(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(name),
            provider.GetRequiredService<IOptionsMonitor<StarkClientOptions>>().Get(name)));
        return services.AddHttpClient(name).AddStarkHandlers();
    }
}
