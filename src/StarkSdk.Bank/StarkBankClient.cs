using System;
using System.Net.Http;
using StarkSdk.Core;

namespace StarkSdk.Bank;

/// <summary>
/// The Stark Bank API client: one property per resource (<c>client.Invoices</c>, <c>client.Boletos</c>,
/// <c>client.Invoices.Logs</c>, ...), each with the async methods of its operations. Thread-safe; create one and reuse it.
/// </summary>
/// <example>
/// <code>
/// var client = new StarkBankClient(new Project(StarkEnvironment.Sandbox, "5656565656565656", privateKeyPem));
/// var invoice = await client.Invoices.CreateAsync(new Invoice { Amount = 10_000, Name = "Arya Stark", TaxId = "012.345.678-90" });
/// </code>
/// </example>
public partial class StarkBankClient
{
    /// <summary>Creates a client that signs every request as <paramref name="user"/>.</summary>
    /// <param name="user">The project or organization the requests are made as.</param>
    public StarkBankClient(User user)
        : this(new StarkClientOptions { User = user ?? throw new ArgumentNullException(nameof(user)) })
    {
    }

    /// <summary>Creates a client with the given options, over the SDK's shared HttpClient.</summary>
    /// <param name="options">The user, environment URL, language, timeout, retries and logging.</param>
    public StarkBankClient(StarkClientOptions options)
    {
        Pipeline = StarkPipeline.Create(Api, options ?? throw new ArgumentNullException(nameof(options)));
        Request = new RawRequests(Pipeline);
    }

    /// <summary>
    /// Creates a client over an HttpClient used as its transport (prepared by
    /// <see cref="StarkHttpClientBuilderExtensions.AddStarkHandlers"/>); this is what <c>services.AddStarkBank(...)</c> does.
    /// </summary>
    /// <param name="httpClient">The HttpClient, e.g. from IHttpClientFactory.</param>
    /// <param name="options">The user, environment URL, language, timeout, retries and logging.</param>
    public StarkBankClient(HttpClient httpClient, StarkClientOptions options)
    {
        Pipeline = new StarkPipeline(
            httpClient ?? throw new ArgumentNullException(nameof(httpClient)),
            Api,
            options ?? throw new ArgumentNullException(nameof(options)));
        Request = new RawRequests(Pipeline);
    }

    /// <summary>For mocking frameworks: a client whose members are all overridden.</summary>
    protected StarkBankClient()
    {
        Pipeline = null!;
        Request = null!;
    }

    /// <summary>The Stark Bank API: its name, sandbox and production URLs, version and this SDK's version.</summary>
    public static ApiDescriptor Api { get; } = new ApiDescriptor(
        "StarkBank",
        new Uri("https://sandbox.api.starkbank.com"),
        new Uri("https://api.starkbank.com"),
        ApiDescriptor.VersionOf(typeof(StarkBankClient).Assembly));

    /// <summary>
    /// Raw requests to any path of the API (<c>client.Request.GetAsync("invoice", ...)</c>), signed like every other
    /// call, for endpoints this SDK does not type yet.
    /// </summary>
    public virtual RawRequests Request { get; }

    /// <summary>The pipeline every generated client sends its requests through.</summary>
    internal StarkPipeline Pipeline { get; }
}
