using QRCoder;

namespace StarkSdk.Emulator.Content;

/// <summary>
/// Scannable QR codes of BR codes (and other payment strings) as PNG, drawn by QRCoder: error correction level M, as
/// Pix QR codes use, with the standard four-module quiet zone.
/// </summary>
internal static class QrCodeImage
{
    /// <summary>The QR code's modules, quiet zone included (true = dark).</summary>
    public static QRCodeData Encode(string content) => QRCodeGenerator.GenerateQrCode(content, QRCodeGenerator.ECCLevel.M);

    /// <summary>A PNG of <paramref name="content"/> with <paramref name="pixelsPerModule"/> pixels per module.</summary>
    public static byte[] Png(string content, int pixelsPerModule)
    {
        using var data = Encode(content);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(pixelsPerModule);
    }
}
