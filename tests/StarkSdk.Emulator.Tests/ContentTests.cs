using System.Linq;
using System.Text;
using System.Threading.Tasks;
using NUnit.Framework;
using QRCoder;
using StarkSdk.Emulator.Content;

namespace StarkSdk.Emulator.Tests;

public sealed class ContentTests : EmulatorTest
{
    private static readonly byte[] PngSignature = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

    [Test]
    public async Task Invoice_pdf_is_a_pdf()
    {
        var invoice = await CreateInvoiceAsync();

        var response = await Client.GetAsync($"/v2/invoice/{invoice["id"]}/pdf");

        AssertOk(response);
        Assert.That(response.ContentType, Is.EqualTo("application/pdf"));
        AssertPdf(response.Bytes);
    }

    [Test]
    public async Task Invoice_qrcode_is_the_qr_code_of_its_brcode()
    {
        var invoice = await CreateInvoiceAsync();
        var brcode = (string)invoice["brcode"]!;

        var response = await Client.GetAsync($"/v2/invoice/{invoice["id"]}/qrcode?size=5");
        var tooBig = await Client.GetAsync($"/v2/invoice/{invoice["id"]}/qrcode?size=51");

        AssertOk(response);
        Assert.That(response.ContentType, Is.EqualTo("image/png"));
        Assert.That(response.Bytes.Take(8), Is.EqualTo(PngSignature));
        // QRCoder's own module matrix of the BR code (quiet zone included) is what the image must show, pixel for module.
        using var expected = QRCodeGenerator.GenerateQrCode(brcode, QRCodeGenerator.ECCLevel.M);
        var modules = expected.ModuleMatrix.Count;
        var (width, height, _) = PngModules.Pixels(response.Bytes);
        Assert.That((width, height), Is.EqualTo((modules * 5, modules * 5)));
        var shown = PngModules.Modules(response.Bytes, modules);
        for (var y = 0; y < modules; y++)
            for (var x = 0; x < modules; x++)
                Assert.That(shown[x, y], Is.EqualTo(expected.ModuleMatrix[y][x]), $"module ({x}, {y})");
        Assert.That(tooBig.ErrorCodes, Is.EqualTo(new[] { "invalidSize" }));
    }

    [Test]
    public void The_qr_code_has_the_structure_of_a_qr_code()
    {
        const string brcode = "00020101021226890014br.gov.bcb.pix2567brcode-h.sandbox.starkinfra.com/v2/9a8b7c6d5e4f40a1b2c3d4e5f6a7b8c95204000053039865802BR5915Stark Bank S.A.6009Sao Paulo62070503***6304ABCD";
        var png = QrCodeImage.Png(brcode, 4);
        using var data = QrCodeImage.Encode(brcode);
        var count = data.ModuleMatrix.Count;
        var shown = PngModules.Modules(png, count);
        var size = count - 8;
        Assert.That((size - 17) % 4, Is.EqualTo(0), "a QR code is 17 + 4 × version modules wide");
        // The three finder patterns: a dark 7×7 ring, a light ring, a dark 3×3 centre, inside the 4-module quiet zone.
        foreach (var (ox, oy) in new[] { (4, 4), (4 + size - 7, 4), (4, 4 + size - 7) })
        {
            for (var y = 0; y < 7; y++)
                for (var x = 0; x < 7; x++)
                {
                    var ring = x == 0 || y == 0 || x == 6 || y == 6;
                    var centre = x is >= 2 and <= 4 && y is >= 2 and <= 4;
                    Assert.That(shown[ox + x, oy + y], Is.EqualTo(ring || centre), $"finder at ({ox}, {oy}), ({x}, {y})");
                }
        }
        // Timing patterns alternate between the finders; the quiet zone is light.
        for (var i = 8; i < size - 8; i++)
        {
            Assert.That(shown[4 + i, 4 + 6], Is.EqualTo(i % 2 == 0), $"horizontal timing {i}");
            Assert.That(shown[4 + 6, 4 + i], Is.EqualTo(i % 2 == 0), $"vertical timing {i}");
        }
        for (var i = 0; i < count; i++)
            Assert.That(shown[i, 0] || shown[0, i] || shown[i, count - 1] || shown[count - 1, i], Is.False, "quiet zone");
    }

    [Test]
    public async Task Log_and_transfer_pdfs_are_pdfs()
    {
        await CreateInvoiceAsync();
        var logs = await Client.GetAsync("/v2/invoice/log");
        var logPdf = await Client.GetAsync($"/v2/invoice/log/{logs.Body["logs"]![0]!["id"]}/pdf");

        Assert.That(logPdf.ContentType, Is.EqualTo("application/pdf"));
        AssertPdf(logPdf.Bytes);
    }

    [Test]
    public async Task The_invoice_pdf_carries_utf8_names_the_amount_and_the_brcode()
    {
        var created = await Client.PostAsync("/v2/invoice", new Newtonsoft.Json.Linq.JObject
        {
            ["invoices"] = new Newtonsoft.Json.Linq.JArray(new Newtonsoft.Json.Linq.JObject
            {
                ["amount"] = 123456,
                ["name"] = "João da Silva — São Paulo",
                ["taxId"] = "012.345.678-90",
            }),
        });
        AssertOk(created);
        var invoice = created.Body["invoices"]![0]!;

        var pdf = await Client.GetAsync($"/v2/invoice/{invoice["id"]}/pdf");

        AssertOk(pdf);
        var text = PdfText.Extract(pdf.Bytes);
        var all = string.Join("\n", text);
        Assert.That(text, Has.Some.Contains("João da Silva — São Paulo"), all);
        Assert.That(text, Has.Some.Contains("123456").And.Some.Contains("R$ 1,234.56"), all);
        // The BR code wraps over lines; joined back it is the invoice's BR code.
        var joined = string.Concat(text.Select(t => t.Trim()));
        Assert.That(joined, Does.Contain((string)invoice["brcode"]!), all);
    }

    [Test]
    public void The_same_content_gives_the_same_pdf_bytes()
    {
        var a = PdfDocuments.Render("Recibo", new[] { "São Paulo" });
        var b = PdfDocuments.Render("Recibo", new[] { "São Paulo" });
        var at = Enumerable.Range(0, a.Length).FirstOrDefault(i => a[i] != b[i]);
        Assert.That(a, Is.EqualTo(b), Encoding.Latin1.GetString(a, System.Math.Max(0, at - 80), 160));
    }

    [Test]
    public void A_long_document_gets_more_pages_and_keeps_every_line()
    {
        var lines = Enumerable.Range(1, 130).Select(i => $"line {i}: ação").ToList();
        var text = PdfText.Extract(PdfDocuments.Render("Título", lines));
        Assert.That(text[0], Is.EqualTo("Título"));
        Assert.That(text.Skip(1), Is.EqualTo(lines));
    }

    private static void AssertPdf(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes);
        Assert.That(text, Does.StartWith("%PDF-"));
        Assert.That(text.TrimEnd(), Does.EndWith("%%EOF"));
    }
}
