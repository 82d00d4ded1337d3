using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace StarkSdk.Emulator.Content;

/// <summary>Writes a small, valid one-page PDF 1.4 with a few lines of text (Helvetica), as a stand-in for the API's receipts and boletos.</summary>
public static class PdfWriter
{
    /// <summary>Renders the title and lines (ASCII; other characters become '?').</summary>
    public static byte[] Render(string title, IEnumerable<string> lines)
    {
        var content = new StringBuilder();
        content.Append("BT\n/F1 16 Tf\n50 790 Td\n(").Append(Escape(title)).Append(") Tj\n/F1 10 Tf\n");
        foreach (var line in lines.Take(60))
            content.Append("0 -14 Td\n(").Append(Escape(line)).Append(") Tj\n");
        content.Append("ET\n");
        var stream = content.ToString();

        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Length " + Encoding.ASCII.GetByteCount(stream).ToString(CultureInfo.InvariantCulture) + " >>\nstream\n" + stream + "endstream",
        };

        using var output = new MemoryStream();
        var offsets = new List<long>();
        Write(output, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(output.Position);
            Write(output, (i + 1).ToString(CultureInfo.InvariantCulture) + " 0 obj\n" + objects[i] + "\nendobj\n");
        }
        var xref = output.Position;
        var table = new StringBuilder();
        table.Append("xref\n0 ").Append(objects.Length + 1).Append('\n').Append("0000000000 65535 f \n");
        foreach (var offset in offsets)
            table.Append(offset.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        table.Append("trailer\n<< /Size ").Append(objects.Length + 1).Append(" /Root 1 0 R >>\nstartxref\n")
            .Append(xref.ToString(CultureInfo.InvariantCulture)).Append("\n%%EOF\n");
        Write(output, table.ToString());
        return output.ToArray();
    }

    private static void Write(Stream stream, string text)
    {
        var bytes = Encoding.Latin1.GetBytes(text);
        stream.Write(bytes, 0, bytes.Length);
    }

    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '(' or ')' or '\\')
                builder.Append('\\').Append(c);
            else if (c < 32 || c > 126)
                builder.Append('?');
            else
                builder.Append(c);
        }
        return builder.ToString();
    }
}
