using System;

namespace StarkSdk.Core;

/// <summary>The constants of the one curve Stark accepts, as the big-endian bytes the key formats and signatures use.</summary>
internal static class Secp256k1
{
    internal const string Name = "secp256k1";

    internal const string Oid = "1.3.132.0.10";

    internal const string EcPublicKeyOid = "1.2.840.10045.2.1";

    internal const string PrimeFieldOid = "1.2.840.10045.1.1";

    /// <summary>The field prime p.</summary>
    internal static readonly byte[] P = Hex("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f");

    /// <summary>The curve coefficient b (a is zero): y² = x³ + 7.</summary>
    internal static readonly byte[] B = Hex("0000000000000000000000000000000000000000000000000000000000000007");

    /// <summary>The group order n.</summary>
    internal static readonly byte[] N = Hex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");

    /// <summary>The base point G, uncompressed.</summary>
    internal static readonly byte[] G = Hex(
        "04" +
        "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798" +
        "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8");

    /// <summary>Compares two big-endian unsigned numbers of any length (leading zeros allowed).</summary>
    internal static int Compare(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        left = TrimLeadingZeros(left);
        right = TrimLeadingZeros(right);
        if (left.Length != right.Length)
        {
            return left.Length < right.Length ? -1 : 1;
        }

        return left.SequenceCompareTo(right);
    }

    /// <summary>True when the 32-byte big-endian value lies in [1, n-1], the range of secrets and of signature components.</summary>
    internal static bool IsScalarInRange(ReadOnlySpan<byte> value32) => !IsZero(value32) && Compare(value32, N) < 0;

    internal static ReadOnlySpan<byte> TrimLeadingZeros(ReadOnlySpan<byte> value)
    {
        var i = 0;
        while (i < value.Length && value[i] == 0)
        {
            i++;
        }

        return value.Slice(i);
    }

    /// <summary>Copies a big-endian number of at most 32 significant bytes into a 32-byte field; false when it is larger.</summary>
    internal static bool TryWrite32(ReadOnlySpan<byte> value, Span<byte> target32)
    {
        value = TrimLeadingZeros(value);
        if (value.Length > 32)
        {
            return false;
        }

        target32.Slice(0, 32 - value.Length).Clear();
        value.CopyTo(target32.Slice(32 - value.Length));
        return true;
    }

    private static bool IsZero(ReadOnlySpan<byte> value)
    {
        foreach (var b in value)
        {
            if (b != 0)
            {
                return false;
            }
        }

        return true;
    }

    private static byte[] Hex(string hex)
    {
        var bytes = new byte[hex.Length / 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = Convert.ToByte(hex.Substring(i * 2, 2), 16);
        }

        return bytes;
    }
}
