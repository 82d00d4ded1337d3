using System;
using System.Buffers;
using System.Text;

namespace StarkSdk.Core;

/// <summary>Builds the Access-Signature: ECDSA over <c>accessId:accessTime:body</c>, where body is the exact bytes sent.</summary>
internal static class RequestSigner
{
    internal static string Sign(User user, string accessTime, byte[] body)
    {
        // Concatenated as bytes, never re-decoded, so that the signed body is byte-for-byte the sent body; assembled in a
        // pooled buffer, so signing allocates only the signature.
        var accessId = user.AccessId;
        var length = Encoding.UTF8.GetByteCount(accessId) + 1 + Encoding.UTF8.GetByteCount(accessTime) + 1 + body.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var offset = Encoding.UTF8.GetBytes(accessId, 0, accessId.Length, buffer, 0);
            buffer[offset++] = (byte)':';
            offset += Encoding.UTF8.GetBytes(accessTime, 0, accessTime.Length, buffer, offset);
            buffer[offset++] = (byte)':';
            Buffer.BlockCopy(body, 0, buffer, offset, body.Length);
            Span<byte> der = stackalloc byte[EcdsaSignature.MaxDerLength];
            var derLength = user.PrivateKey.SignToDer(new ReadOnlySpan<byte>(buffer, 0, length), der);
#if NET5_0_OR_GREATER
            return Convert.ToBase64String(der.Slice(0, derLength));
#else
            return Convert.ToBase64String(der.Slice(0, derLength).ToArray());
#endif
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
