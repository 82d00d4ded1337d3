using System;
using System.Security.Cryptography;
using System.Threading;
using BcPoint = Org.BouncyCastle.Math.EC.ECPoint;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace StarkSdk.Core;

/// <summary>
/// Verifies secp256k1 signatures with the operating system's ECDSA (OpenSSL or CNG) for one public key. Only
/// verification goes native: signing needs deterministic RFC 6979 nonces, which the platform API does not offer.
/// </summary>
internal sealed class NativeEcdsaVerifier
{
    private readonly ECParameters _parameters;
    private readonly ThreadLocal<ECDsa> _perThread;

    private NativeEcdsaVerifier(ECParameters parameters)
    {
        _parameters = parameters;
        _perThread = new ThreadLocal<ECDsa>(() => ECDsa.Create(_parameters));
    }

    /// <summary>Null when the platform cannot do secp256k1, or fails a self-check.</summary>
    internal static NativeEcdsaVerifier? TryCreate(BcPoint point)
    {
        try
        {
            var parameters = new ECParameters
            {
                Curve = ECCurve.CreateFromValue("1.3.132.0.10"),
                Q = new ECPoint32(point).ToEcPoint(),
            };
            using (var probe = ECDsa.Create(parameters))
            {
                // Import validates that the point is on the curve; a failure here means no native support.
            }

            return new NativeEcdsaVerifier(parameters);
        }
        catch (Exception e) when (e is CryptographicException || e is PlatformNotSupportedException || e is NotSupportedException || e is ArgumentException)
        {
            return null;
        }
    }

    internal bool Verify(byte[] message, BigInteger r, BigInteger s)
    {
        // IEEE P1363: r and s as two 32-byte big-endian fields (both already checked to lie in [1, n-1]).
        var signature = new byte[64];
        WriteFixed(r, signature, 0);
        WriteFixed(s, signature, 32);
        try
        {
#if NET5_0_OR_GREATER
            return _perThread.Value!.VerifyData(message, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
#else
            return _perThread.Value!.VerifyData(message, signature, HashAlgorithmName.SHA256);
#endif
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static void WriteFixed(BigInteger value, byte[] target, int offset)
    {
        var bytes = value.ToByteArrayUnsigned();
        Buffer.BlockCopy(bytes, 0, target, offset + 32 - bytes.Length, bytes.Length);
    }

    /// <summary>The affine coordinates of a BouncyCastle point as 32-byte big-endian arrays.</summary>
    private readonly struct ECPoint32
    {
        private readonly byte[] _x;
        private readonly byte[] _y;

        internal ECPoint32(BcPoint point)
        {
            var normalized = point.Normalize();
            _x = Fixed(normalized.AffineXCoord.ToBigInteger());
            _y = Fixed(normalized.AffineYCoord.ToBigInteger());
        }

        internal System.Security.Cryptography.ECPoint ToEcPoint() => new System.Security.Cryptography.ECPoint { X = _x, Y = _y };

        private static byte[] Fixed(BigInteger value)
        {
            var result = new byte[32];
            WriteFixed(value, result, 0);
            return result;
        }
    }
}
