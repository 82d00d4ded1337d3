using System;
using System.Numerics;

namespace StarkSdk.Core.Tests.Keys;

/// <summary>Arithmetic on signatures for tests: read r and s, build the high-S twin, write non-canonical DER.</summary>
internal static class SignatureMath
{
    internal static readonly BigInteger N = Unsigned(Secp256k1.N);

    internal static (BigInteger R, BigInteger S) Decode(string base64Der)
    {
        var compact = EcdsaSignature.TryDecode(base64Der) ?? throw new ArgumentException("not a DER signature", nameof(base64Der));
        return (Unsigned(compact.AsSpan(0, 32)), Unsigned(compact.AsSpan(32, 32)));
    }

    internal static string Encode(BigInteger r, BigInteger s)
    {
        var compact = new byte[64];
        Write32(r, compact.AsSpan(0, 32));
        Write32(s, compact.AsSpan(32, 32));
        var der = new byte[EcdsaSignature.MaxDerLength];
        var length = EcdsaSignature.Encode(compact, der);
        return Convert.ToBase64String(der, 0, length);
    }

    /// <summary>The malleated twin (r, n - s) of a signature: equally valid ECDSA, high-S when the original was low-S.</summary>
    internal static string Malleate(string base64Der)
    {
        var (r, s) = Decode(base64Der);
        return Encode(r, N - s);
    }

    internal static bool IsLowS(string base64Der) => Decode(base64Der).S <= N / 2;

    internal static BigInteger Unsigned(ReadOnlySpan<byte> bigEndian) => new BigInteger(bigEndian, isUnsigned: true, isBigEndian: true);

    internal static void Write32(BigInteger value, Span<byte> target)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        target.Clear();
        bytes.CopyTo(target.Slice(32 - bytes.Length));
    }
}
