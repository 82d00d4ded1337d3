using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.IO;
using System.Linq;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace StarkSdk.Emulator.Content;

/// <summary>
/// The PDFs the emulator serves in place of the API's receipts and boletos: a title and one line per field, in a
/// Unicode font embedded in the file (so "São Paulo" stays "São Paulo"), written by PDFsharp. Long values (BR codes)
/// wrap; pages are added as needed.
/// </summary>
internal static class PdfDocuments
{
    private const double Margin = 50;
    private const double LineHeight = 14;
    private const int WrapAt = 90;
    private static readonly DateTime FixedDate = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Renders the title and lines.</summary>
    public static byte[] Render(string title, IEnumerable<string> lines)
    {
        EmbeddedFontResolver.EnsureInstalled();
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.EmbedCompleteFontFile);
        var titleFont = new XFont(EmbeddedFontResolver.Family, 16, XFontStyleEx.Bold, options);
        var font = new XFont(EmbeddedFontResolver.Family, 10, XFontStyleEx.Regular, options);

        var wrapped = lines.SelectMany(Wrap).ToList();
        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "StarkSdk.Emulator";
        // The same entity gives the same bytes (as a stored receipt would): no clock, no random document id.
        document.Info.CreationDate = FixedDate;
        document.Info.ModificationDate = FixedDate;
        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(title + "\n" + string.Join("\n", wrapped)))).Substring(0, 32);
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;
        var index = 0;
        do
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(595);
            page.Height = XUnit.FromPoint(842);
            using var graphics = XGraphics.FromPdfPage(page);
            var y = Margin;
            if (index == 0)
            {
                graphics.DrawString(title, titleFont, XBrushes.Black, new XPoint(Margin, y));
                y += LineHeight * 2;
            }
            while (index < wrapped.Count && y < page.Height.Point - Margin)
            {
                graphics.DrawString(wrapped[index++], font, XBrushes.Black, new XPoint(Margin, y));
                y += LineHeight;
            }
        }
        while (index < wrapped.Count);

        using var output = new MemoryStream();
        document.Save(output, false);
        return Stable(output.ToArray(), id);
    }

    /// <summary>
    /// PDFsharp names embedded fonts with a random six-letter tag (<c>BBWOGS+Segoe WP</c>) and gives the XMP metadata
    /// random uuids: each is replaced by a value derived from the content, of the same length, so the cross-reference
    /// offsets stay valid.
    /// </summary>
    private static byte[] Stable(byte[] pdf, string id)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        var stable = Regex.Replace(text, @"(?<=/)[A-Z]{6}(?=\+Segoe)", m =>
        {
            if (!tags.TryGetValue(m.Value, out var tag))
                tags[m.Value] = tag = "STARK" + (char)('A' + tags.Count % 26);
            return tag;
        });
        var uuid = "uuid:" + new Guid(Convert.FromHexString(id)).ToString("D");
        stable = Regex.Replace(stable, @"uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", uuid);
        return Encoding.Latin1.GetBytes(stable);
    }

    private static IEnumerable<string> Wrap(string line)
    {
        if (line.Length <= WrapAt)
        {
            yield return line;
            yield break;
        }
        for (var start = 0; start < line.Length; start += WrapAt)
            yield return (start == 0 ? "" : "    ") + line.Substring(start, System.Math.Min(WrapAt, line.Length - start));
    }
}
