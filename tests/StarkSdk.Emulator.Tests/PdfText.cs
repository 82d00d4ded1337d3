using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;

namespace StarkSdk.Emulator.Tests;

/// <summary>
/// Extracts the text of a PDF with PDFsharp's reader: the content stream's text operators (Tf, Tj, TJ) give glyph
/// ids, which each font's ToUnicode CMap maps back to characters. One string per text-showing operator.
/// </summary>
internal static class PdfText
{
    public static List<string> Extract(byte[] pdf)
    {
        using var stream = new MemoryStream(pdf);
        using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        var texts = new List<string>();
        foreach (var page in document.Pages)
        {
            var fonts = page.Resources.Elements.GetDictionary("/Font");
            Dictionary<int, string> map = new();
            foreach (var op in ContentReader.ReadContent(page).OfType<COperator>())
            {
                if (op.OpCode.OpCodeName == OpCodeName.Tf && op.Operands[0] is CName name && fonts != null)
                    map = ToUnicode(fonts.Elements.GetDictionary(name.Name));
                else if (op.OpCode.OpCodeName is OpCodeName.Tj or OpCodeName.QuoteSingle)
                    texts.Add(Decode((CString)op.Operands[0], map));
                else if (op.OpCode.OpCodeName == OpCodeName.TJ)
                    texts.Add(string.Concat(((CArray)op.Operands[0]).OfType<CString>().Select(s => Decode(s, map))));
            }
        }
        return texts;
    }

    private static string Decode(CString text, Dictionary<int, string> map)
    {
        var bytes = text.Value.Select(c => (byte)c).ToArray();
        var result = new StringBuilder();
        for (var i = 0; i + 1 < bytes.Length; i += 2)
        {
            var glyph = (bytes[i] << 8) | bytes[i + 1];
            result.Append(map.TryGetValue(glyph, out var chars) ? chars : "\uFFFD");
        }
        return result.ToString();
    }

    private static Dictionary<int, string> ToUnicode(PdfDictionary? font)
    {
        var map = new Dictionary<int, string>();
        var cmap = font?.Elements.GetDictionary("/ToUnicode")?.Stream?.UnfilteredValue;
        if (cmap == null)
            return map;
        var text = Encoding.ASCII.GetString(cmap);
        foreach (Match block in Regex.Matches(text, @"beginbfchar(.*?)endbfchar", RegexOptions.Singleline))
        {
            foreach (Match pair in Regex.Matches(block.Groups[1].Value, @"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>"))
                map[Hex(pair.Groups[1].Value)] = Utf16(pair.Groups[2].Value);
        }
        foreach (Match block in Regex.Matches(text, @"beginbfrange(.*?)endbfrange", RegexOptions.Singleline))
        {
            foreach (Match range in Regex.Matches(block.Groups[1].Value, @"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>"))
            {
                var first = Hex(range.Groups[1].Value);
                var last = Hex(range.Groups[2].Value);
                var start = Hex(range.Groups[3].Value);
                for (var g = first; g <= last; g++)
                    map[g] = char.ConvertFromUtf32(start + g - first);
            }
        }
        return map;
    }

    private static int Hex(string hex) => int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string Utf16(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        return Encoding.BigEndianUnicode.GetString(bytes);
    }
}
