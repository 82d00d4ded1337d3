namespace StarkSdk.E2E.Tests.Infrastructure;

internal static class Binary
{
    public static bool IsPdf(byte[] bytes) => bytes.Length > 8 && System.Text.Encoding.ASCII.GetString(bytes, 0, 5) == "%PDF-";

    public static bool IsPng(byte[] bytes) => bytes.Length > 8 && bytes[0] == 0x89 && bytes[1] == (byte)'P' && bytes[2] == (byte)'N' && bytes[3] == (byte)'G';
}
