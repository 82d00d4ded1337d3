using System.Collections.Generic;
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

    /// <summary>Renders the title and lines.</summary>
    public static byte[] Render(string title, IEnumerable<string> lines)
    {
        EmbeddedFontResolver.EnsureInstalled();
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.EmbedCompleteFontFile);
        var titleFont = new XFont(EmbeddedFontResolver.Family, 16, XFontStyleEx.Bold, options);
        var font = new XFont(EmbeddedFontResolver.Family, 10, XFontStyleEx.Regular, options);

        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "StarkSdk.Emulator";
        var wrapped = lines.SelectMany(Wrap).ToList();
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
        return output.ToArray();
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
