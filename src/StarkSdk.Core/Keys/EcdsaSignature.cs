using System;

namespace StarkSdk.Core;

/// <summary>
/// DER encoding of an ECDSA (r, s) pair, as the Stark APIs and OpenSSL exchange it.
/// One rule for what is accepted, whichever implementation verifies: strict DER (X.690), as OpenSSL and libsecp256k1
/// produce and as this SDK has always required. A SEQUENCE of exactly two INTEGERs with short-form lengths, each minimally
/// encoded (no superfluous leading 0x00, as starkbank-ecdsa would tolerate), positive, in [1, n-1], nothing trailing.
/// High S is accepted: ECDSA accepts it, and Stark's signer emits it.
/// </summary>
internal static class EcdsaSignature
{
    /// <summary>The longest DER encoding of a secp256k1 signature: SEQUENCE of two INTEGERs of at most 33 bytes.</summary>
    internal const int MaxDerLength = 72;

    /// <summary>Encodes r and s (32 bytes each, big-endian) as DER into <paramref name="der"/>; returns the length.</summary>
    internal static int Encode(ReadOnlySpan<byte> compact64, Span<byte> der)
    {
        var r = Secp256k1.TrimLeadingZeros(compact64.Slice(0, 32));
        var s = Secp256k1.TrimLeadingZeros(compact64.Slice(32, 32));
        var rLength = IntegerLength(r);
        var sLength = IntegerLength(s);
        der[0] = 0x30;
        der[1] = (byte)(2 + rLength + 2 + sLength);
        var offset = WriteInteger(r, rLength, der, 2);
        offset = WriteInteger(s, sLength, der, offset);
        return offset;
    }

    /// <summary>Parses base64 DER into r and s (32 bytes each); null on anything else. Never throws: signatures arrive from untrusted callers.</summary>
    internal static byte[]? TryDecode(string? base64Der)
    {
        if (string.IsNullOrWhiteSpace(base64Der))
        {
            return null;
        }

        byte[] der;
        try
        {
            der = Convert.FromBase64String(base64Der!.Trim());
        }
        catch (FormatException)
        {
            return null;
        }

        var compact = new byte[64];
        return TryDecodeDer(der, compact) ? compact : null;
    }

    /// <summary>Parses a strict-DER signature into r and s (32 bytes each, big-endian).</summary>
    internal static bool TryDecodeDer(ReadOnlySpan<byte> der, Span<byte> compact64)
    {
        if (der.Length < 8 || der.Length > MaxDerLength || der[0] != 0x30 || der[1] != der.Length - 2)
        {
            return false;
        }

        var rest = der.Slice(2);
        return TryReadInteger(ref rest, compact64.Slice(0, 32))
            && TryReadInteger(ref rest, compact64.Slice(32, 32))
            && rest.IsEmpty;
    }

    private static bool TryReadInteger(ref ReadOnlySpan<byte> input, Span<byte> target32)
    {
        if (input.Length < 3 || input[0] != 0x02)
        {
            return false;
        }

        int length = input[1];
        if (length == 0 || length > 33 || input.Length < 2 + length)
        {
            return false;
        }

        var value = input.Slice(2, length);
        input = input.Slice(2 + length);

        // Negative numbers, and a 0x00 pad that the next byte does not need, are not DER.
        if ((value[0] & 0x80) != 0 || (length > 1 && value[0] == 0 && (value[1] & 0x80) == 0))
        {
            return false;
        }

        return Secp256k1.TryWrite32(value, target32) && Secp256k1.IsScalarInRange(target32);
    }

    private static int IntegerLength(ReadOnlySpan<byte> magnitude) =>
        magnitude.IsEmpty ? 1 : magnitude.Length + ((magnitude[0] & 0x80) != 0 ? 1 : 0);

    private static int WriteInteger(ReadOnlySpan<byte> magnitude, int length, Span<byte> der, int offset)
    {
        der[offset++] = 0x02;
        der[offset++] = (byte)length;
        if (length > magnitude.Length)
        {
            der[offset++] = 0x00;
        }

        magnitude.CopyTo(der.Slice(offset));
        return offset + magnitude.Length;
    }
}
