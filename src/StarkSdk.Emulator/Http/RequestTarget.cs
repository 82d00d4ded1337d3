using System;
using System.Text;
using StarkSdk.Emulator.Engine;

namespace StarkSdk.Emulator.Http;

/// <summary>
/// Checks the raw request path before routing: percent-escapes must be well formed and decode to UTF-8 without control
/// characters, so a malformed path gets the error envelope instead of reaching the router half-decoded.
/// </summary>
internal static class RequestTarget
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <exception cref="ApiException">400 <c>invalidPath</c>.</exception>
    public static void Check(string? rawTarget, string decodedPath)
    {
        var raw = rawTarget ?? decodedPath;
        var query = raw.IndexOf('?', StringComparison.Ordinal);
        var path = query >= 0 ? raw.Substring(0, query) : raw;
        var bytes = new byte[path.Length];
        var count = 0;
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '%')
            {
                if (i + 2 >= path.Length || !IsHex(path[i + 1]) || !IsHex(path[i + 2]))
                    throw Invalid("has a malformed percent-escape");
                bytes[count++] = (byte)Convert.ToInt32(path.Substring(i + 1, 2), 16);
                i += 2;
            }
            else if (c > 0x7F)
            {
                throw Invalid("has characters that are not percent-encoded");
            }
            else
            {
                bytes[count++] = (byte)c;
            }
        }
        string decoded;
        try
        {
            decoded = StrictUtf8.GetString(bytes, 0, count);
        }
        catch (DecoderFallbackException)
        {
            throw Invalid("does not decode to UTF-8");
        }
        foreach (var c in decoded + decodedPath)
        {
            if (char.IsControl(c))
                throw Invalid("has control characters");
        }
    }

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

    private static ApiException Invalid(string why) => new("invalidPath", "path: " + why);
}
