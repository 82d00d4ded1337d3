using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using StarkSdk.Core;

namespace StarkSdk.Emulator.Tests;

/// <summary>
/// Hostile or malformed requests, one per row: each must get the documented status and the error envelope
/// <c>{"errors": [{"code", "message"}]}</c> with the expected code, and must leave the emulator's state as it was.
/// One emulator serves the whole table (the state check proves the rows cannot affect each other).
/// </summary>
[NonParallelizable]
public sealed class HostileRequestTests
{
    private const string ProjectId = "project/7878787878787878";
    private const long BodyLimit = 64 * 1024;
    private static readonly KeyPair Keys = Key.Create();
    private static readonly PrivateKey Signer = PrivateKey.FromPem(Keys.PrivatePem);
    private static readonly PrivateKey Stranger = PrivateKey.FromPem(Key.Create().PrivatePem);

    private StarkBankEmulator _emulator = null!;
    private string _invoiceCursor = "";
    private string _boletoCursor = "";
    private string _logCursor = "";

    /// <summary>How a row is signed.</summary>
    public enum Signing
    {
        /// <summary>Over the exact body bytes with the registered key.</summary>
        Exact,

        /// <summary>No Access-* headers.</summary>
        None,

        /// <summary>Headers given by the row.</summary>
        Custom,
    }

    /// <summary>One hostile request and what it must get.</summary>
    public sealed record Case(string Name, string Method, string Target, byte[] Body, int Status, string Code)
    {
        public string? ContentType { get; init; } = "application/json";

        public Signing Signing { get; init; } = Signing.Exact;

        public Func<byte[], Dictionary<string, string>>? Headers { get; init; }

        public bool Chunked { get; init; }

        public override string ToString() => Name;
    }

    [OneTimeSetUp]
    public async Task Start()
    {
        _emulator = await StarkBankEmulator.StartAsync(new EmulatorOptions { Seed = 3, MaxRequestBodyBytes = BodyLimit });
        _emulator.RegisterPublicKey(ProjectId, Keys.PublicPem);
        using var client = new EmulatorClient(_emulator.BaseUrl, ProjectId, Signer);
        for (var i = 0; i < 2; i++)
        {
            await client.PostAsync("/v2/invoice", new JObject { ["invoices"] = new JArray(new JObject { ["amount"] = 100 + i, ["name"] = "Arya Stark", ["taxId"] = "012.345.678-90" }) });
            await client.PostAsync("/v2/boleto", new JObject { ["boletos"] = new JArray(EmulatorTest.NewBoleto(5000 + i)) });
        }
        _invoiceCursor = (string)(await client.GetAsync("/v2/invoice?limit=1")).Body["cursor"]!;
        _boletoCursor = (string)(await client.GetAsync("/v2/boleto?limit=1")).Body["cursor"]!;
        _logCursor = (string)(await client.GetAsync("/v2/invoice/log?limit=1")).Body["cursor"]!;
    }

    [OneTimeTearDown]
    public async Task Stop() => await _emulator.DisposeAsync();

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Invoice(string amount, string extra = "") =>
        Utf8("{\"invoices\": [{\"amount\": " + amount + ", \"name\": \"Arya Stark\", \"taxId\": \"012.345.678-90\"" + extra + "}]}");

    private static readonly byte[] ValidInvoice = Invoice("1000");

    private static Case Post(string name, byte[] body, int status, string code, string target = "/v2/invoice") => new(name, "POST", target, body, status, code);

    private static Case Get(string name, string target, int status, string code) => new(name, "GET", target, Array.Empty<byte>(), status, code) { ContentType = null };

    private static Case WithHeaders(string name, Func<byte[], Dictionary<string, string>> headers, string code, byte[]? body = null) =>
        new(name, "POST", "/v2/invoice", body ?? ValidInvoice, 400, code) { Signing = Signing.Custom, Headers = headers };

    private static Dictionary<string, string> Header(byte[] body, string name, string value)
    {
        var headers = RawHttp.Signed(ProjectId, Signer, body);
        headers[name] = value;
        return headers;
    }

    private static Dictionary<string, string> Without(byte[] body, string name)
    {
        var headers = RawHttp.Signed(ProjectId, Signer, body);
        headers.Remove(name);
        return headers;
    }

    public static IEnumerable<Case> Cases()
    {
        // Authentication: every failure is a 400 with the API's auth codes, and nothing is stored.
        yield return new Case("no Access-* headers", "POST", "/v2/invoice", ValidInvoice, 400, "invalidAccessId") { Signing = Signing.None };
        yield return WithHeaders("malformed Access-Id", b => Header(b, "Access-Id", "project"), "invalidAccessId");
        yield return WithHeaders("unknown Access-Id", b => Header(b, "Access-Id", "project/1"), "invalidAccessId");
        yield return WithHeaders("Access-Id with spaces", b => Header(b, "Access-Id", "project/1 2"), "invalidAccessId");
        yield return WithHeaders("no Access-Time", b => Without(b, "Access-Time"), "invalidAccessTime");
        yield return WithHeaders("Access-Time not a number", b => Header(b, "Access-Time", "yesterday"), "invalidAccessTime");
        yield return WithHeaders("Access-Time NaN", b => Header(b, "Access-Time", "NaN"), "invalidAccessTime");
        yield return WithHeaders("Access-Time infinity", b => Header(b, "Access-Time", "1e400"), "invalidAccessTime");
        yield return WithHeaders("Access-Time an hour old", b => RawHttp.Signed(ProjectId, Signer, b, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 3600), "invalidAccessTime");
        yield return WithHeaders("no Access-Signature", b => Without(b, "Access-Signature"), "invalidSignature");
        yield return WithHeaders("Access-Signature not base64", b => Header(b, "Access-Signature", "not base64!"), "invalidSignature");
        yield return WithHeaders("Access-Signature not DER", b => Header(b, "Access-Signature", "AAAA"), "invalidSignature");
        yield return WithHeaders("signed by another key", b => RawHttp.Signed(ProjectId, Stranger, b), "invalidSignature");
        yield return WithHeaders("signature of another body", _ => RawHttp.Signed(ProjectId, Signer, Invoice("1001")), "invalidSignature");
        yield return WithHeaders("signature with a trailing space in the body", b => RawHttp.Signed(ProjectId, Signer, b.Concat(Utf8(" ")).ToArray()), "invalidSignature");
        yield return WithHeaders("signature of the body without its BOM", b => RawHttp.Signed(ProjectId, Signer, b.Skip(3).ToArray()), "invalidSignature",
            new byte[] { 0xEF, 0xBB, 0xBF }.Concat(ValidInvoice).ToArray());
        yield return WithHeaders("signature of the U+FFFD form of a Latin-1 body", b => RawHttp.Signed(ProjectId, Signer, Utf8(Encoding.UTF8.GetString(b))), "invalidSignature",
            Encoding.Latin1.GetBytes("{\"invoices\": [{\"amount\": 1, \"name\": \"São\", \"taxId\": \"012.345.678-90\"}]}"));

        // Encodings and JSON syntax: authenticated first, then invalidJson.
        yield return Post("Latin-1 body", Encoding.Latin1.GetBytes("{\"invoices\": [{\"amount\": 1, \"name\": \"São\", \"taxId\": \"012.345.678-90\"}]}"), 400, "invalidJson");
        yield return Post("invalid UTF-8 byte", ValidInvoice.Take(20).Concat(new byte[] { 0xFF }).Concat(ValidInvoice.Skip(20)).ToArray(), 400, "invalidJson");
        yield return Post("overlong UTF-8 slash", Utf8("{\"invoices\": ").Concat(new byte[] { 0xC0, 0xAF }).ToArray(), 400, "invalidJson");
        yield return Post("UTF-16 body", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("{\"invoices\": []}")).ToArray(), 400, "invalidJson");
        yield return Post("truncated JSON", ValidInvoice.Take(ValidInvoice.Length - 3).ToArray(), 400, "invalidJson");
        yield return Post("content after the JSON value", ValidInvoice.Concat(Utf8(" {}")).ToArray(), 400, "invalidJson");
        yield return Post("empty body", Array.Empty<byte>(), 400, "invalidJson");
        yield return Post("whitespace body", Utf8("  \r\n "), 400, "invalidJson");
        yield return Post("single quotes", Utf8("{'invoices': []}"), 400, "invalidJson");
        yield return Post("nested 10 000 deep", Utf8(new string('[', 10_000) + new string(']', 10_000)), 400, "invalidJson");
        yield return Post("an integer of 500 digits", Invoice("1" + new string('0', 500)), 400, "invalidJson");
        yield return Post("a number beyond double", Invoice("1e400"), 400, "invalidJson");
        yield return Post("NaN literal", Invoice("NaN"), 400, "invalidJson");

        // Content types: the API takes JSON only.
        yield return Post("text/plain", ValidInvoice, 415, "invalidContentType") with { ContentType = "text/plain" };
        yield return Post("application/xml", ValidInvoice, 415, "invalidContentType") with { ContentType = "application/xml" };
        yield return Post("form-urlencoded", ValidInvoice, 415, "invalidContentType") with { ContentType = "application/x-www-form-urlencoded" };
        yield return Post("multipart", ValidInvoice, 415, "invalidContentType") with { ContentType = "multipart/form-data; boundary=x" };
        yield return Post("JSON in Latin-1", ValidInvoice, 415, "invalidContentType") with { ContentType = "application/json; charset=iso-8859-1" };
        yield return Post("malformed Content-Type", ValidInvoice, 415, "invalidContentType") with { ContentType = ";;;" };

        // Size: decided from Content-Length before reading, or while reading a chunked body.
        yield return Post("body over the limit", Utf8("{\"invoices\": [\"" + new string('x', (int)BodyLimit) + "\"]}"), 413, "bodyTooLarge");
        yield return Post("chunked body over the limit", Utf8("{\"invoices\": [\"" + new string('x', (int)BodyLimit) + "\"]}"), 413, "bodyTooLarge") with { Chunked = true };
        yield return Post("unsigned body over the limit", Utf8(new string(' ', (int)BodyLimit + 1)), 413, "bodyTooLarge") with { Signing = Signing.None };

        // Paths.
        yield return Get("control character in the path", "/v2/invoice/%01abc", 400, "invalidPath");
        yield return Get("malformed percent-escape", "/v2/invoice/%ZZ", 400, "invalidPath");
        yield return Get("truncated percent-escape", "/v2/invoice/%4", 400, "invalidPath");
        yield return Get("percent-escape of invalid UTF-8", "/v2/invoice/%FF", 400, "invalidPath");
        yield return Get("overlong UTF-8 in the path", "/v2/invoice/%C0%AF", 400, "invalidPath");
        yield return Get("unknown route", "/v2/dragon", 404, "routeNotFound");
        yield return new Case("wrong method", "DELETE", "/v2/balance", Array.Empty<byte>(), 405, "invalidMethod") { ContentType = null };
        yield return Get("unknown invoice", "/v2/invoice/1234", 400, "invalidInvoiceId");

        // Numbers: integers must be integer literals within 64 bits; no overflow reaches the engine.
        yield return Post("amount 2^63", Invoice("9223372036854775808"), 400, "invalidAmount");
        yield return Post("amount -2^63-1", Invoice("-9223372036854775809"), 400, "invalidAmount");
        yield return Post("amount 2^96", Invoice("79228162514264337593543950336"), 400, "invalidAmount");
        yield return Post("amount 2^200", Invoice("1606938044258990275541962092341162602522202993782792835301376"), 400, "invalidAmount");
        yield return Post("amount 1e18", Invoice("1e18"), 400, "invalidAmount");
        yield return Post("amount 1.5", Invoice("1.5"), 400, "invalidAmount");
        yield return Post("amount 10.0", Invoice("10.0"), 400, "invalidAmount");
        yield return Post("amount 1e-7", Invoice("1e-7"), 400, "invalidAmount");
        yield return Post("amount as a string", Invoice("\"1000\""), 400, "invalidAmount");
        yield return Post("amount true", Invoice("true"), 400, "invalidAmount");
        yield return Post("amount null", Invoice("null"), 400, "invalidAmount");
        yield return Post("amount an object", Invoice("{\"value\": 1}"), 400, "invalidAmount");
        yield return Post("transfer amount 2^96", Utf8("{\"transfers\": [{\"amount\": 79228162514264337593543950336, \"name\": \"Jon Snow\", \"taxId\": \"012.345.678-90\", \"bankCode\": \"20018183\", \"branchCode\": \"0001\", \"accountNumber\": \"10000-0\"}]}"), 400, "invalidAmount", "/v2/transfer");

        // Bodies of the wrong shape.
        yield return Post("unknown field", Invoice("1000", ", \"dragon\": true"), 400, "invalidDragon");
        yield return Post("invoices an object", Utf8("{\"invoices\": {\"amount\": 1}}"), 400, "invalidInvoices");
        yield return Post("body an array", Utf8("[]"), 400, "invalidBody");
        yield return Post("body a string", Utf8("\"invoice\""), 400, "invalidBody");
        yield return Post("body null", Utf8("null"), 400, "invalidBody");
        yield return Post("due not a date", Invoice("1000", ", \"due\": \"tomorrow\""), 400, "invalidDue");
        yield return Post("webhook url not a URL", Utf8("{\"url\": \"not a url\", \"subscriptions\": [\"invoice\"]}"), 400, "invalidUrl", "/v2/webhook");
        yield return new Case("patch of an unknown invoice", "PATCH", "/v2/invoice/1234", Utf8("{\"amount\": 1}"), 400, "invalidInvoiceId");

        // Queries and cursors.
        yield return Get("limit not a number", "/v2/invoice?limit=ten", 400, "invalidLimit");
        yield return Get("limit beyond 64 bits", "/v2/invoice?limit=99999999999999999999", 400, "invalidLimit");
        yield return Get("unknown query parameter on GET", "/v2/invoice?dragon=1", 400, "invalidDragon");
        yield return Get("after not a date", "/v2/invoice?after=yesterday", 400, "invalidAfter");
        yield return Get("forged cursor with invalid UTF-8", "/v2/invoice?cursor=" + Uri.EscapeDataString(Convert.ToBase64String(new byte[] { (byte)'1', (byte)'\n', 0xFF, 0xFE })), 400, "invalidCursor");
        yield return Get("cursor of the old unsigned format", "/v2/invoice?cursor=MQpmb28", 400, "invalidCursor");
        yield return Get("cursor not base64", "/v2/invoice?cursor=%21%21%21", 400, "invalidCursor");
        yield return Get("cursor with a forged MAC", "/v2/invoice?cursor=MQpmb28.AAAAAAAAAAAAAAAAAAAAAA", 400, "invalidCursor");
    }

    /// <summary>Rows that need a cursor the emulator returned (known only once it runs).</summary>
    private IEnumerable<Case> CursorCases()
    {
        yield return Get("cursor of another collection", "/v2/invoice?limit=1&cursor=" + _boletoCursor, 400, "invalidCursor");
        yield return Get("cursor of the invoice logs", "/v2/invoice?limit=1&cursor=" + _logCursor, 400, "invalidCursor");
        static string Flip(string cursor, int at) => cursor.Substring(0, at) + (cursor[at] == 'A' ? 'B' : 'A') + cursor.Substring(at + 1);
        yield return Get("cursor with its payload altered", "/v2/invoice?limit=1&cursor=" + Flip(_invoiceCursor, 1), 400, "invalidCursor");
        yield return Get("cursor with its MAC altered", "/v2/invoice?limit=1&cursor=" + Flip(_invoiceCursor, _invoiceCursor.Length - 5), 400, "invalidCursor");
        // The last character's low bits are unused by base64: a non-canonical spelling is refused too.
        yield return Get("cursor with its last character altered", "/v2/invoice?limit=1&cursor=" + Flip(_invoiceCursor, _invoiceCursor.Length - 1), 400, "invalidCursor");
        var dot = _invoiceCursor.IndexOf('.', StringComparison.Ordinal);
        yield return Get("cursor without its MAC", "/v2/invoice?limit=1&cursor=" + _invoiceCursor.Substring(0, dot), 400, "invalidCursor");
    }

    [Test]
    public void The_table_has_at_least_sixty_rows() => Assert.That(Cases().Count() + CursorCases().Count(), Is.GreaterThanOrEqualTo(60));

    [TestCaseSource(nameof(Cases))]
    public Task A_hostile_request_gets_the_envelope_and_changes_nothing(Case row) => CheckAsync(row);

    [Test]
    public async Task Forged_and_foreign_cursors_get_the_envelope_and_change_nothing()
    {
        foreach (var row in CursorCases())
            await CheckAsync(row);
    }

    [Test]
    public async Task A_nul_in_the_path_is_refused_by_kestrel_before_the_emulator()
    {
        // Kestrel answers a bare 400 itself, before any application code runs (documented in docs/emulator.md).
        var response = await RawHttp.SendAsync(_emulator.BaseUri, new RawHttp.Request("GET", "/v2/invoice/%00", Array.Empty<byte>()) { ContentType = null });
        Assert.That((int)response.Status, Is.EqualTo(400));
    }

    [Test]
    public async Task A_genuine_cursor_still_pages()
    {
        using var client = new EmulatorClient(_emulator.BaseUrl, ProjectId, Signer);
        var next = await client.GetAsync("/v2/invoice?limit=1&cursor=" + _invoiceCursor);
        Assert.That((int)next.Status, Is.EqualTo(200), next.ToString());
        Assert.That(next.Body["invoices"]!.Count(), Is.EqualTo(1));
    }

    private async Task CheckAsync(Case row)
    {
        var before = Snapshot();
        var headers = row.Signing switch
        {
            Signing.Exact => RawHttp.Signed(ProjectId, Signer, row.Body),
            Signing.Custom => row.Headers!(row.Body),
            _ => new Dictionary<string, string>(),
        };
        var response = await RawHttp.SendAsync(_emulator.BaseUri, new RawHttp.Request(row.Method, row.Target, row.Body)
        {
            ContentType = row.ContentType,
            Headers = headers,
            Chunked = row.Chunked,
        });

        Assert.That((int)response.Status, Is.EqualTo(row.Status), $"{row.Name}: {response}");
        Assert.That(response.ContentType, Does.StartWith("application/json"), row.Name);
        var errors = response.Body["errors"] as JArray;
        Assert.That(errors, Is.Not.Null.And.Not.Empty, $"{row.Name}: {response}");
        foreach (var error in errors!)
        {
            Assert.That(error["code"]?.Type, Is.EqualTo(JTokenType.String), row.Name);
            Assert.That((string?)error["message"], Is.Not.Null.And.Not.Empty, row.Name);
        }
        Assert.That(response.ErrorCodes, Does.Contain(row.Code), $"{row.Name}: {response}");
        Assert.That(Snapshot(), Is.EqualTo(before), $"{row.Name} changed the emulator's state");
    }

    /// <summary>Every stored entity, in a stable order, plus the webhook deliveries.</summary>
    private string Snapshot()
    {
        var store = _emulator.Runtime.Store;
        lock (store.SyncRoot)
        {
            var text = new StringBuilder();
            foreach (var name in store.Names.OrderBy(n => n, StringComparer.Ordinal))
            {
                foreach (var record in store.Collection(name).Items)
                    text.Append(name).Append(' ').Append(record.Key).Append(' ').Append(record.Entity.ToString(Formatting.None)).Append('\n');
            }
            text.Append("deliveries ").Append(_emulator.WebhookDeliveries.Count);
            return text.ToString();
        }
    }
}
