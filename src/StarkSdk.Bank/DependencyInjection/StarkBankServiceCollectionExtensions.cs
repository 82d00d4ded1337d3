using System;
using Microsoft.Extensions.DependencyInjection;
using StarkSdk.Core;

namespace StarkSdk.Bank;

/// <summary>Registers <see cref="StarkBankClient"/> with IHttpClientFactory.</summary>
public static class StarkBankServiceCollectionExtensions
{
    /// <summary>The name of the options and of the HttpClient registered by <see cref="AddStarkBank"/>.</summary>
    public const string Name = "StarkBank";

    /// <summary>
    /// Registers <see cref="StarkBankClient"/> as a typed HttpClient carrying the Stark retry and signing handlers, with
    /// options named <see cref="Name"/> (so a Stark Infra client can be registered next to it).
    /// </summary>
    /// <example>
    /// <code>
    /// services.AddStarkBank(options =>
    /// {
    ///     options.User = new Project(StarkEnvironment.Sandbox, projectId, privateKeyPem);
    ///     options.Language = "pt-BR";
    /// });
    /// </code>
    /// </example>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the user and the other client options.</param>
    /// <returns>The HttpClient builder, to add handlers or configure the primary handler.</returns>
    public static IHttpClientBuilder AddStarkBank(this IServiceCollection services, Action<StarkClientOptions> configure) =>
        services.AddStarkClient(Name, configure, (httpClient, options) => new StarkBankClient(httpClient, options));
}
