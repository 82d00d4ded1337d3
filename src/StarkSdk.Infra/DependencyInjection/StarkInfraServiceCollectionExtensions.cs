using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StarkSdk.Core;

namespace StarkSdk.Infra;

/// <summary>
/// Registers <see cref="StarkInfraClient"/> with dependency injection: a singleton over IHttpClientFactory, with the host's logging and
/// metrics. Each method forwards to <see cref="StarkServiceCollectionExtensions"/> in the runtime.
/// </summary>
public static class StarkInfraServiceCollectionExtensions
{
    /// <summary>The name of the options, of the HttpClient and of the configuration section of the default client.</summary>
    public const string Name = "StarkInfra";

    /// <summary>
    /// Registers <see cref="StarkInfraClient"/> (also keyed as <see cref="Name"/>), configured in code, next to which a Stark Bank
    /// client can be registered with its own user.
    /// </summary>
    /// <example>
    /// <code>
    /// services.AddStarkInfra(options =>
    /// {
    ///     options.User = new Project(StarkEnvironment.Sandbox, projectId, PrivateKeySource.FromEnvironment("STARK_PRIVATE_KEY"));
    ///     options.Language = "pt-BR";
    /// });
    /// </code>
    /// </example>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the user and the other client options.</param>
    /// <returns>The HttpClient builder, to configure the primary handler or add handlers.</returns>
    public static IHttpClientBuilder AddStarkInfra(this IServiceCollection services, Action<StarkClientOptions> configure) =>
        services.AddStarkClient(Name, configure, static (httpClient, options) => new StarkInfraClient(httpClient, options));

    /// <summary>
    /// Registers <see cref="StarkInfraClient"/> (also keyed as <see cref="Name"/>) from the <c>"StarkInfra"</c> section of
    /// <paramref name="configuration"/> (see <see cref="StarkConfiguration"/>), e.g. <c>builder.Configuration</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The application's configuration.</param>
    /// <param name="configure">Adjusts the bound options, or null.</param>
    /// <returns>The HttpClient builder.</returns>
    public static IHttpClientBuilder AddStarkInfra(this IServiceCollection services, IConfiguration configuration, Action<StarkClientOptions>? configure = null) =>
        services.AddStarkClient(Name, (configuration ?? throw new ArgumentNullException(nameof(configuration))).GetSection(Name), static (httpClient, options) => new StarkInfraClient(httpClient, options), configure);

    /// <summary>Registers one more <see cref="StarkInfraClient"/> as a keyed service (another project or workspace), configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="key">The service key, e.g. <c>"acme"</c>; resolve with <c>[FromKeyedServices("acme")]</c>.</param>
    /// <param name="configure">Sets the user and the other client options.</param>
    /// <returns>The HttpClient builder.</returns>
    public static IHttpClientBuilder AddKeyedStarkInfra(this IServiceCollection services, string key, Action<StarkClientOptions> configure) =>
        services.AddKeyedStarkClient(key, configure, static (httpClient, options) => new StarkInfraClient(httpClient, options));

    /// <summary>Registers one more keyed <see cref="StarkInfraClient"/> from a configuration section, e.g. <c>configuration.GetSection("StarkInfra:Acme")</c>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="key">The service key.</param>
    /// <param name="section">This client's section.</param>
    /// <param name="configure">Adjusts the bound options, or null.</param>
    /// <returns>The HttpClient builder.</returns>
    public static IHttpClientBuilder AddKeyedStarkInfra(this IServiceCollection services, string key, IConfiguration section, Action<StarkClientOptions>? configure = null) =>
        services.AddKeyedStarkClient(key, section, static (httpClient, options) => new StarkInfraClient(httpClient, options), configure);
}
