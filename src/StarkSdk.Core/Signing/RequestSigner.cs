using System;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Threading;

namespace StarkSdk.Core;

/// <summary>Builds the Access-Signature: ECDSA over <c>accessId:accessTime:body</c>, where body is the exact bytes sent.</summary>
internal static class RequestSigner
{
    /// <summary>
    /// Signs <c>accessId:accessTime:body</c>. A request without a body (every GET and DELETE) signs only
    /// <c>accessId:accessTime:</c>, which changes once a second, and RFC 6979 signatures are deterministic: so the user's
    /// last such signature is reused within its second. The reused value is byte for byte what signing again would give
    /// (the signature is public, it travels in a header); it only saves the ~25 µs of a signature per call.
    /// </summary>
    internal static SignedAccess Sign(User user, long accessTime, byte[] body)
    {
        if (body.Length == 0)
        {
            var memo = Volatile.Read(ref user.EmptyBodySignature);
            if (memo != null && memo.Seconds == accessTime)
            {
                return memo.Access;
            }

            var access = SignNow(user, accessTime, body);
            Volatile.Write(ref user.EmptyBodySignature, new EmptyBodyMemo(accessTime, access));
            return access;
        }

        return SignNow(user, accessTime, body);
    }

    private static SignedAccess SignNow(User user, long seconds, byte[] body)
    {
        // Concatenated as bytes, never re-decoded, so that the signed body is byte-for-byte the sent body; assembled in a
        // pooled buffer, so signing allocates only the signature.
        var accessTime = seconds.ToString(CultureInfo.InvariantCulture);
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
            return new SignedAccess(accessTime, Convert.ToBase64String(der.Slice(0, derLength)));
#else
            return new SignedAccess(accessTime, Convert.ToBase64String(der.Slice(0, derLength).ToArray()));
#endif
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The user's last body-less signature and its second; replaced whole, so readers never see a torn pair.</summary>
    internal sealed class EmptyBodyMemo
    {
        internal EmptyBodyMemo(long seconds, SignedAccess access)
        {
            Seconds = seconds;
            Access = access;
        }

        internal long Seconds { get; }

        internal SignedAccess Access { get; }
    }
}

/// <summary>The Access-Time header value and the Access-Signature over it.</summary>
internal readonly struct SignedAccess
{
    internal SignedAccess(string accessTime, string signature)
    {
        AccessTime = accessTime;
        Signature = signature;
    }

    internal string AccessTime { get; }

    internal string Signature { get; }
}
