using System.Linq;
using System.Text;
using System.Threading.Tasks;
using NUnit.Framework;

namespace StarkSdk.Emulator.Tests;

/// <summary>
/// The signature covers the body bytes exactly as sent. Each body is sent twice: signed over those exact bytes (the
/// signature is accepted, and an invalid body is then an invalidJson error), and signed over a re-encoded form of it
/// (always invalidSignature, because what was signed is not what was sent).
/// </summary>
public sealed class ByteExactSignatureTests : EmulatorTest
{
    private static readonly byte[] Bom = { 0xEF, 0xBB, 0xBF };

    private static byte[] WebhookJson(string url, string newline = "") =>
        Encoding.UTF8.GetBytes("{" + newline + "\"url\": \"" + url + "\"," + newline + "\"subscriptions\": [\"invoice\"]" + newline + "}");

    private Task<ApiResponse> PostAsync(string target, byte[] body, byte[] signed) =>
        RawHttp.SendAsync(Emulator.BaseUri, new RawHttp.Request("POST", target, body) { Headers = RawHttp.Signed(ProjectId, ProjectKey, signed) });

    private static byte[] InvoiceJson(Encoding encoding, string city) =>
        encoding.GetBytes("{\"invoices\": [{\"amount\": 1000, \"name\": \"" + city + "\", \"taxId\": \"012.345.678-90\"}]}");

    [Test]
    public async Task A_bom_prefixed_body_signed_over_its_exact_bytes_is_accepted()
    {
        var body = Bom.Concat(WebhookJson("http://127.0.0.1:9/bom")).ToArray();
        var response = await PostAsync("/v2/webhook", body, body);
        AssertOk(response);
        Assert.That((string?)response.Body["webhook"]!["url"], Is.EqualTo("http://127.0.0.1:9/bom"));
    }

    [Test]
    public async Task A_bom_prefixed_body_signed_without_its_bom_is_refused()
    {
        var json = WebhookJson("http://127.0.0.1:9/bom");
        var response = await PostAsync("/v2/webhook", Bom.Concat(json).ToArray(), json);
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "invalidSignature" }), response.ToString());
        Assert.That(Emulator.All("webhook"), Is.Empty);
    }

    [Test]
    public async Task A_latin1_body_signed_over_its_bytes_is_authentic_but_invalid_json()
    {
        var body = InvoiceJson(Encoding.Latin1, "São Paulo");
        var response = await PostAsync("/v2/invoice", body, body);
        Assert.That((int)response.Status, Is.EqualTo(400));
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "invalidJson" }), response.ToString());
        Assert.That(Emulator.All("invoice"), Is.Empty);
    }

    [Test]
    public async Task A_latin1_body_signed_over_its_replacement_character_form_is_refused()
    {
        var body = InvoiceJson(Encoding.Latin1, "São Paulo");
        var replaced = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body));
        Assert.That(replaced, Is.Not.EqualTo(body), "the UTF-8 decoding replaced the Latin-1 byte");
        var response = await PostAsync("/v2/invoice", body, replaced);
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "invalidSignature" }), response.ToString());
        Assert.That(Emulator.All("invoice"), Is.Empty);
    }

    [Test]
    public async Task Invalid_utf8_signed_over_its_bytes_is_invalid_json_after_authentication()
    {
        var body = Encoding.UTF8.GetBytes("{\"url\": \"http://127.0.0.1:9/x\", \"subscriptions\": [\"invoice\"], \"x\": \"\u00ff\"}");
        var bad = body.Select(b => b).ToArray();
        var at = System.Array.IndexOf(bad, (byte)0xC3);
        bad[at] = 0xC0; // an overlong lead byte: never valid UTF-8
        var response = await PostAsync("/v2/webhook", bad, bad);
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "invalidJson" }), response.ToString());

        var unsigned = await PostAsync("/v2/webhook", bad, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bad)));
        Assert.That(unsigned.ErrorCodes, Is.EqualTo(new[] { "invalidSignature" }), unsigned.ToString());
        Assert.That(Emulator.All("webhook"), Is.Empty);
    }

    [Test]
    public async Task A_crlf_body_is_signed_with_its_crlf()
    {
        var body = WebhookJson("http://127.0.0.1:9/crlf", "\r\n");
        var lf = WebhookJson("http://127.0.0.1:9/crlf", "\n");

        var refused = await PostAsync("/v2/webhook", body, lf);
        Assert.That(refused.ErrorCodes, Is.EqualTo(new[] { "invalidSignature" }), refused.ToString());

        AssertOk(await PostAsync("/v2/webhook", body, body));
        Assert.That(Emulator.All("webhook"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_non_ascii_utf8_body_is_stored_as_sent()
    {
        var body = InvoiceJson(Encoding.UTF8, "São Paulo — Ação");

        var refused = await PostAsync("/v2/invoice", body, InvoiceJson(Encoding.Latin1, "São Paulo — Ação"));
        Assert.That(refused.ErrorCodes, Is.EqualTo(new[] { "invalidSignature" }), refused.ToString());

        var response = await PostAsync("/v2/invoice", body, body);
        AssertOk(response);
        Assert.That((string?)response.Body["invoices"]![0]!["name"], Is.EqualTo("São Paulo — Ação"));
        Assert.That(Emulator.All("invoice").Single().GetString("name"), Is.EqualTo("São Paulo — Ação"));
    }

    [Test]
    public async Task A_get_is_signed_over_the_empty_body()
    {
        var response = await RawHttp.SendAsync(Emulator.BaseUri, new RawHttp.Request("GET", "/v2/balance", System.Array.Empty<byte>())
        {
            ContentType = null,
            Headers = RawHttp.Signed(ProjectId, ProjectKey, System.Array.Empty<byte>()),
        });
        AssertOk(response);
    }
}
