using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using StarkSdk.Emulator.Engine;

namespace StarkSdk.Emulator.Http;

/// <summary>
/// Reads a request body as the exact bytes received, refusing oversized ones before reading them: the signature covers
/// these bytes, so nothing may re-encode them before authentication.
/// </summary>
internal static class RequestBody
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The exact body bytes.</summary>
    /// <exception cref="ApiException">413 <c>bodyTooLarge</c> when the declared or actual length exceeds <paramref name="limit"/>.</exception>
    public static async Task<byte[]> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared && declared > limit)
            throw TooLarge(limit);
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            while (true)
            {
                var read = await request.Body.ReadAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                    break;
                // Chunked bodies have no declared length: stop as soon as the limit is passed.
                if (buffer.Length + read > limit)
                    throw TooLarge(limit);
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// The body as text when it is valid UTF-8 (a leading byte order mark is skipped, as RFC 8259 allows parsers to);
    /// null when it is not.
    /// </summary>
    public static string? DecodeUtf8(byte[] body)
    {
        var start = body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(body, start, body.Length - start);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The signed message: <c>accessId:accessTime:</c> in UTF-8 followed by the body bytes as received.</summary>
    public static byte[] SignedMessage(string accessId, string accessTime, byte[] body)
    {
        var prefix = Encoding.UTF8.GetBytes(accessId + ":" + accessTime + ":");
        var message = new byte[prefix.Length + body.Length];
        Buffer.BlockCopy(prefix, 0, message, 0, prefix.Length);
        Buffer.BlockCopy(body, 0, message, prefix.Length, body.Length);
        return message;
    }

    private static ApiException TooLarge(long limit) =>
        new("bodyTooLarge", $"body: is larger than the limit of {limit} bytes", 413);
}
