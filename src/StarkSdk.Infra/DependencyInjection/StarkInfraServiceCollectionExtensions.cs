using System;
using Microsoft.Extensions.DependencyInjection;
using StarkSdk.Core;

namespace StarkSdk.Infra;

/// <summary>Registers <see cref="StarkInfraClient"/> with IHttpClientFactory.</summary>
public static class StarkInfraServiceCollectionExtensions
{
    /// <summary>The name of the options and of the HttpClient registered by <see cref="AddStarkInfra"/>.</summary>
    public const string Name = "StarkInfra";

    /// <summary>
    /// Registers <see cref="StarkInfraClient"/> as a typed HttpClient carrying the Stark retry and signing handlers, with
    /// options named <see cref="Name"/> (so a Stark Bank client can be registered next to it, with its own user).
    /// </summary>
    /// <example>
    /// <code>
    /// services.AddStarkInfra(options =>
    /// {
    ///     options.User = new Project(StarkEnvironment.Sandbox, projectId, privateKeyPem);
    ///     options.Language = "pt-BR";
    /// });
    /// </code>
    /// </example>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the user and the other client options.</param>
    /// <returns>The HttpClient builder, to add handlers or configure the primary handler.</returns>
    public static IHttpClientBuilder AddStarkInfra(this IServiceCollection services, Action<StarkClientOptions> configure) =>
        services.AddStarkClient(Name, configure, (httpClient, options) => new StarkInfraClient(httpClient, options));
}
