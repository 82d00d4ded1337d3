using StarkSdk.Bank;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text;
using Newtonsoft.Json;
using StarkSdk.Core;

namespace StarkSdk.Benchmarks;

/// <summary>The canned data the benchmarks share: a typical invoice (the API reference sample), envelopes and keys.</summary>
internal static class Fixtures
{
    internal const string InvoiceId = "4600131349381120";

    /// <summary>The API reference sample of GET /v2/invoice/{id} (openapi/starkbank.yaml), one invoice.</summary>
    internal static string InvoiceJson(string id = InvoiceId) => """
        {"id": "ID", "status": "created", "amount": 400000, "nominalAmount": 400000, "fineAmount": 0, "interestAmount": 0,
         "discountAmount": 0, "expiration": 123456789, "discounts": [{"percentage": 5.0, "due": "2021-03-12T01:50:50.264656+00:00"}],
         "descriptions": [{"key": "Arya", "value": "Not today"}], "name": "Arya Stark", "taxId": "012.345.678-90", "fee": 0,
         "pdf": "https://invoice-h.sandbox.starkbank.com/pdf/851ff545535c40ba88e24a05accb9978",
         "link": "https://invoice-h.sandbox.starkbank.com/invoicelink/851ff545535c40ba88e24a05accb9978",
         "fine": 2.5, "interest": 1.3, "tags": ["War supply", "Invoice #1234"], "transactionIds": [],
         "brcode": "00020101021226600014br.gov.bcb.pix2538invoice-h.sandbox.starkbank.com/57301741758054405204000053039865802BR5910NightKing6010Winterfell62280524invoice/573017417580544063046B79",
         "created": "2020-10-26T01:50:50.264656+00:00", "updated": "2020-10-26T01:50:50.264656+00:00", "due": "2020-05-12T17:59:26.000000+00:00"}
        """.Replace("\"ID\"", "\"" + id + "\"", StringComparison.Ordinal);

    /// <summary>GET /v2/invoice/{id}: <c>{"invoice": {...}}</c>.</summary>
    internal static byte[] GetInvoiceResponse { get; } = Encoding.UTF8.GetBytes("{\"invoice\": " + InvoiceJson() + "}");

    /// <summary>POST /v2/invoice with 10 invoices: <c>{"message": ..., "invoices": [10]}</c>.</summary>
    internal static byte[] CreateInvoicesResponse { get; } = Encoding.UTF8.GetBytes(
        "{\"message\": \"Invoice(s) successfully created\", \"invoices\": [" +
        string.Join(", ", Enumerable.Range(0, 10).Select(i => InvoiceJson((4600131349381120L + i).ToString(CultureInfo.InvariantCulture)))) + "]}");

    /// <summary>
    /// The 100 invoices of a page of GET /v2/invoice, <c>[...]}</c>: shared by every page, so that the server's canned data
    /// is the same whatever the number of pages (see <see cref="PageHead"/>).
    /// </summary>
    internal static byte[] PageItems(int size) => Encoding.UTF8.GetBytes(
        string.Join(", ", Enumerable.Range(0, size).Select(i => InvoiceJson((5000000000000000L + i).ToString(CultureInfo.InvariantCulture)))) + "]}");

    /// <summary>The start of a page, <c>{"cursor": ..., "invoices": [</c>, with the next cursor (null on the last page).</summary>
    internal static byte[] PageHead(string? nextCursor) =>
        Encoding.UTF8.GetBytes("{\"cursor\": " + (nextCursor is null ? "null" : "\"" + nextCursor + "\"") + ", \"invoices\": [");

    /// <summary>Ten invoices as a user creates them.</summary>
    internal static Invoice[] NewInvoices() => Enumerable.Range(0, 10).Select(i => new Invoice
    {
        Amount = 400_000 + i,
        Name = "Arya Stark",
        TaxId = "012.345.678-90",
        Due = new DateTimeOffset(2030, 5, 12, 17, 59, 26, TimeSpan.Zero),
        Expiration = 123456789,
        Fine = 2.5m,
        Interest = 1.3m,
        Tags = new List<string> { "War supply", "Invoice #" + i.ToString(CultureInfo.InvariantCulture) },
        Descriptions = new List<InvoiceDescription> { new InvoiceDescription { Key = "Arya", Value = "Not today" } },
    }).ToArray();

    /// <summary>A typical webhook: an invoice "credited" event carrying its log and the invoice.</summary>
    internal static string InvoiceEventJson { get; } = """
        {"event": {"id": "5717090394144768", "created": "2020-10-26T01:50:51.264656+00:00", "isDelivered": false,
         "subscription": "invoice", "workspaceId": "6341320293482496",
         "log": {"id": "5124037561937920", "type": "credited", "errors": [], "created": "2020-10-26T01:50:51.264656+00:00",
          "invoice": INVOICE}}}
        """.Replace("INVOICE", InvoiceJson(), StringComparison.Ordinal);

    /// <summary>A project signing with a key made for this run (never a real one).</summary>
    internal static Project NewProject() => new Project(StarkEnvironment.Sandbox, "5656565656565656", Key.Create().PrivatePem);

    /// <summary>A Stark Bank client over the loopback server; retries off, so every call is one request.</summary>
    internal static StarkBankClient NewClient(LoopbackServer server, User user) => new StarkBankClient(new StarkClientOptions
    {
        User = user,
        BaseUrl = server.BaseUrl,
        Retry = new RetryOptions { MaxRetries = 0 },
    });

    /// <summary>The baseline's HttpClient: what a user without the SDK would write (no handlers, defaults).</summary>
    internal static HttpClient NewBareClient(LoopbackServer server) => new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        BaseAddress = server.BaseUrl,
    };

    /// <summary>Reads a JSON body into <typeparamref name="T"/> with the SDK's settings and Newtonsoft's reflection (same DTOs, no generated converters).</summary>
    internal static T Deserialize<T>(Stream body)
    {
        using var text = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        using var reader = new JsonTextReader(text);
        // Reflection-based Newtonsoft over the same classes: the baseline a hand-written client pays.
        return StarkJson.Reflection.Deserialize<T>(reader)!;
    }

    /// <summary>The repository root (written into the assembly at build time).</summary>
    internal static string RepositoryRoot =>
        typeof(Fixtures).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
}

/// <summary>The envelopes the baseline reads into (a user of a bare HttpClient writes these).</summary>
internal sealed class InvoiceEnvelope
{
    [JsonProperty("invoice")]
    public Invoice? Invoice { get; set; }
}

internal sealed class InvoicesEnvelope
{
    [JsonProperty("cursor")]
    public string? Cursor { get; set; }

    [JsonProperty("invoices")]
    public List<Invoice>? Invoices { get; set; }
}
