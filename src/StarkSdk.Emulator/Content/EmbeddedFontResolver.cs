using System;
using PdfSharp.Fonts;
using PdfSharp.WPFonts;

namespace StarkSdk.Emulator.Content;

/// <summary>
/// Resolves the emulator's PDF font to the Segoe WP font files that ship inside the PDFsharp package
/// (PdfSharp.WPFonts), so PDFs render the same on any machine, including a bare Linux CI without system fonts.
/// </summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    /// <summary>The family name the emulator's PDFs ask for.</summary>
    public const string Family = "StarkEmulator";

    private const string Regular = "StarkEmulator#Regular";
    private const string Bold = "StarkEmulator#Bold";
    private static readonly object Gate = new();

    /// <summary>Installs the resolver once per process, unless the host application installed its own.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver == null)
                GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase)
            ? new FontResolverInfo(isBold ? Bold : Regular, false, isItalic)
            : null;

    public byte[]? GetFont(string faceName) => faceName switch
    {
        Regular => FontDataHelper.SegoeWP,
        Bold => FontDataHelper.SegoeWPBold,
        _ => null,
    };
}
