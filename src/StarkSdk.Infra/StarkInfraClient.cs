using System;
using System.Net.Http;
using StarkSdk.Core;

namespace StarkSdk.Infra;

/// <summary>
/// The Stark Infra API client: one property per resource (<c>client.PixRequests</c>, <c>client.IssuingCards</c>,
/// <c>client.PixRequests.Logs</c>, ...), each with the async methods of its operations, including the verification of the
/// signed callbacks Stark Infra sends (<c>client.PixRequests.ParseAsync</c>, <c>client.IssuingPurchases.ParseAsync</c>, ...).
/// Thread-safe; create one and reuse it.
/// </summary>
/// <example>
/// <code>
/// var client = new StarkInfraClient(new Project(StarkEnvironment.Sandbox, "5656565656565656", privateKeyPem));
/// var requests = await client.PixRequests.CreateAsync(new PixRequest { Amount = 1000, EndToEndId = EndToEndId.Create("20018183"), ... });
/// </code>
/// </example>
public partial class StarkInfraClient
{
    /// <summary>Creates a client that signs every request as <paramref name="user"/>.</summary>
    /// <param name="user">The project or organization the requests are made as.</param>
    public StarkInfraClient(User user)
        : this(new StarkClientOptions { User = user ?? throw new ArgumentNullException(nameof(user)) })
    {
    }

    /// <summary>Creates a client with the given options, over the SDK's shared HttpClient.</summary>
    /// <param name="options">The user, environment URL, language, timeout, retries and logging.</param>
    public StarkInfraClient(StarkClientOptions options)
    {
        Pipeline = StarkPipeline.Create(Api, options ?? throw new ArgumentNullException(nameof(options)));
        Request = new RawRequests(Pipeline);
    }

    /// <summary>
    /// Creates a client over an HttpClient used as its transport (prepared by
    /// <see cref="StarkHttpClientBuilderExtensions.AddStarkHandlers"/>); this is what <c>services.AddStarkInfra(...)</c> does.
    /// </summary>
    /// <param name="httpClient">The HttpClient, e.g. from IHttpClientFactory.</param>
    /// <param name="options">The user, environment URL, language, timeout, retries and logging.</param>
    public StarkInfraClient(HttpClient httpClient, StarkClientOptions options)
    {
        Pipeline = new StarkPipeline(
            httpClient ?? throw new ArgumentNullException(nameof(httpClient)),
            Api,
            options ?? throw new ArgumentNullException(nameof(options)));
        Request = new RawRequests(Pipeline);
    }

    /// <summary>For mocking frameworks: a client whose members are all overridden.</summary>
    protected StarkInfraClient()
    {
        Pipeline = null!;
        Request = null!;
    }

    /// <summary>The Stark Infra API: its name, sandbox and production URLs, version and this SDK's version.</summary>
    public static ApiDescriptor Api { get; } = new ApiDescriptor(
        "StarkInfra",
        new Uri("https://sandbox.api.starkinfra.com"),
        new Uri("https://api.starkinfra.com"),
        ApiDescriptor.VersionOf(typeof(StarkInfraClient).Assembly));

    /// <summary>
    /// Raw requests to any path of the API (<c>client.Request.GetAsync("pix-request", ...)</c>), signed like every other
    /// call, for endpoints this SDK does not type yet.
    /// </summary>
    public virtual RawRequests Request { get; }

    /// <summary>The pipeline every generated client sends its requests through.</summary>
    internal StarkPipeline Pipeline { get; }
}
