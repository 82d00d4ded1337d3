using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace StarkSdk.AspNetCore;

/// <summary>
/// Reads a callback's body exactly as sent, without model binding. The signature covers the raw bytes: they are decoded
/// as strict UTF-8 (invalid bytes are refused, never replaced), so the text handed to the SDK's parse methods encodes back
/// to the very same bytes.
/// </summary>
internal static class RawBody
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<RawBodyResult> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length && length > limit)
        {
            return RawBodyResult.TooLarge;
        }

        using var buffer = new MemoryStream(request.ContentLength is { } known and > 0 ? (int)known : 1024);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return RawBodyResult.TooLarge;
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return new RawBodyResult(StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), null);
        }
        catch (DecoderFallbackException)
        {
            return new RawBodyResult(null, "The body is not valid UTF-8.");
        }
    }
}

/// <summary>The body as text, or why it was refused.</summary>
internal readonly record struct RawBodyResult(string? Text, string? Problem)
{
    public static RawBodyResult TooLarge { get; } = new(null, "The body is larger than the endpoint accepts.");

    public bool IsTooLarge => ReferenceEquals(Problem, TooLarge.Problem);
}
