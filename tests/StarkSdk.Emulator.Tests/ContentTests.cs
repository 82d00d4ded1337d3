using System.Linq;
using System.Text;
using System.Threading.Tasks;
using NUnit.Framework;
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
    public async Task Invoice_qrcode_is_a_png_of_the_requested_size()
    {
        var invoice = await CreateInvoiceAsync();

        var response = await Client.GetAsync($"/v2/invoice/{invoice["id"]}/qrcode?size=5");
        var tooBig = await Client.GetAsync($"/v2/invoice/{invoice["id"]}/qrcode?size=51");

        AssertOk(response);
        Assert.That(response.ContentType, Is.EqualTo("image/png"));
        Assert.That(response.Bytes.Take(8), Is.EqualTo(PngSignature));
        var width = (response.Bytes[16] << 24) | (response.Bytes[17] << 16) | (response.Bytes[18] << 8) | response.Bytes[19];
        Assert.That(width, Is.EqualTo((29 + 8) * 5), "29 modules plus the quiet zone, 5 pixels each");
        Assert.That(tooBig.ErrorCodes, Is.EqualTo(new[] { "invalidSize" }));
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
    public void The_pdf_has_a_correct_cross_reference_table()
    {
        var pdf = PdfWriter.Render("Title (with parentheses)", new[] { "line one", "ação" });
        var text = Encoding.Latin1.GetString(pdf);

        var startxref = int.Parse(text.Substring(text.LastIndexOf("startxref\n", System.StringComparison.Ordinal) + 10).Split('\n')[0]);
        Assert.That(text.Substring(startxref, 4), Is.EqualTo("xref"));
        var offsets = text.Substring(startxref).Split('\n').Skip(3).Take(5).Select(l => int.Parse(l.Substring(0, 10))).ToList();
        for (var i = 0; i < offsets.Count; i++)
            Assert.That(text.Substring(offsets[i]), Does.StartWith($"{i + 1} 0 obj"));
    }

    [Test]
    public void The_png_chunks_have_valid_crcs()
    {
        var png = PngWriter.QrLike("hello", 3);
        var position = 8;
        var chunks = 0;
        while (position < png.Length)
        {
            var length = (png[position] << 24) | (png[position + 1] << 16) | (png[position + 2] << 8) | png[position + 3];
            var crc = Crc32(png, position + 4, length + 4);
            var stored = (uint)((png[position + 8 + length] << 24) | (png[position + 9 + length] << 16) | (png[position + 10 + length] << 8) | png[position + 11 + length]);
            Assert.That(stored, Is.EqualTo(crc));
            position += 12 + length;
            chunks++;
        }
        Assert.That(chunks, Is.EqualTo(3));
    }

    /// <summary>Bit-by-bit CRC-32 (IEEE), independent of the table-driven one under test.</summary>
    private static uint Crc32(byte[] data, int offset, int count)
    {
        var crc = 0xFFFFFFFFu;
        for (var i = offset; i < offset + count; i++)
        {
            crc ^= data[i];
            for (var k = 0; k < 8; k++)
                crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
        }
        return ~crc;
    }

    private static void AssertPdf(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes);
        Assert.That(text, Does.StartWith("%PDF-1.4"));
        Assert.That(text.TrimEnd(), Does.EndWith("%%EOF"));
    }
}
