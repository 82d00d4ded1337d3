using StarkSdk.Bank;
using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Newtonsoft.Json;
using StarkSdk.Core;

namespace StarkSdk.Benchmarks;

/// <summary>
/// What one call costs through the SDK (request building, signing, pipeline, typed deserialization) against the floor:
/// a bare HttpClient sending the same bytes unsigned to the same loopback server and reading the same DTOs with the same
/// Newtonsoft settings. The Ratio and Alloc Ratio columns are SDK / bare, per category.
/// </summary>
[MemoryDiagnoser]
[StarkJob]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PerCallOverheadBenchmarks
{
    private LoopbackServer _server = null!;
    private StarkBankClient _client = null!;
    private User _user = null!;
    private HttpClient _bare = null!;
    private Invoice[] _invoices = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = LoopbackServer.StartAsync(request =>
            request.Method == "GET" && request.Path.Value == "/v2/invoice/" + Fixtures.InvoiceId ? Fixtures.GetInvoiceResponse
            : request.Method == "POST" && request.Path.Value == "/v2/invoice" ? Fixtures.CreateInvoicesResponse
            : null).GetAwaiter().GetResult();
        _user = Fixtures.NewProject();
        _client = Fixtures.NewClient(_server, _user);
        _bare = Fixtures.NewBareClient(_server);
        _invoices = Fixtures.NewInvoices();

        // Sanity: both paths reach the server and read the same thing.
        var sdk = GetInvoiceSdk().GetAwaiter().GetResult();
        var bare = GetInvoiceBare().GetAwaiter().GetResult();
        if (sdk.Id != Fixtures.InvoiceId || bare.Id != sdk.Id || bare.Amount != sdk.Amount || bare.Status != sdk.Status)
        {
            throw new InvalidOperationException("The SDK and the bare client disagree on GET invoice.");
        }

        if (CreateInvoicesSdk().GetAwaiter().GetResult().Count != 10 || CreateInvoicesBare().GetAwaiter().GetResult().Count != 10)
        {
            throw new InvalidOperationException("Create did not return 10 invoices.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bare.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "GET invoice: bare HttpClient")]
    [BenchmarkCategory("GET 1 invoice")]
    public async Task<Invoice> GetInvoiceBare()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v2/invoice/" + Fixtures.InvoiceId);
        using var response = await _bare.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return Fixtures.Deserialize<InvoiceEnvelope>(body).Invoice!;
    }

    /// <summary>Back-to-back calls: every GET after the first of each second reuses that second's signature.</summary>
    [Benchmark(Description = "GET invoice: SDK")]
    [BenchmarkCategory("GET 1 invoice")]
    public Task<Invoice> GetInvoiceSdk() => _client.Invoices.GetAsync(Fixtures.InvoiceId);

    /// <summary>A call that finds no signature of its second to reuse (calls more than a second apart): it signs.</summary>
    [Benchmark(Description = "GET invoice: SDK, signing every call")]
    [BenchmarkCategory("GET 1 invoice")]
    public Task<Invoice> GetInvoiceSdkSigning()
    {
        _user.EmptyBodySignature = null;
        return _client.Invoices.GetAsync(Fixtures.InvoiceId);
    }

    [Benchmark(Baseline = true, Description = "POST 10 invoices: bare HttpClient")]
    [BenchmarkCategory("POST 10 invoices")]
    public async Task<IReadOnlyList<Invoice>> CreateInvoicesBare()
    {
        // The same JSON the SDK sends ({"invoices": [...]}, same serializer settings), without signing.
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), 4096, leaveOpen: true))
        using (var json = new JsonTextWriter(writer))
        {
            StarkJson.Serializer.Serialize(json, new JsonEnvelope("invoices", _invoices));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "v2/invoice")
        {
            Content = new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _bare.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return Fixtures.Deserialize<InvoicesEnvelope>(body).Invoices!;
    }

    [Benchmark(Description = "POST 10 invoices: SDK")]
    [BenchmarkCategory("POST 10 invoices")]
    public Task<IReadOnlyList<Invoice>> CreateInvoicesSdk() => _client.Invoices.CreateAsync(_invoices);
}
