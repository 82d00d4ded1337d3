using System;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Math;

namespace StarkSdk.Core;

/// <summary>DER encoding of an ECDSA (r, s) pair, as the Stark APIs and OpenSSL exchange it.</summary>
internal static class EcdsaSignature
{
    /// <summary>The longest DER encoding of a secp256k1 signature: SEQUENCE of two INTEGERs of at most 33 bytes.</summary>
    internal const int MaxDerLength = 72;

    internal static byte[] Encode(BigInteger r, BigInteger s) => new DerSequence(new DerInteger(r), new DerInteger(s)).GetDerEncoded();

    /// <summary>Parses base64 DER; never throws, because signatures arrive from untrusted callers.</summary>
    internal static bool TryDecode(string? base64Der, out BigInteger r, out BigInteger s)
    {
        r = BigInteger.Zero;
        s = BigInteger.Zero;
        if (string.IsNullOrWhiteSpace(base64Der))
        {
            return false;
        }

        try
        {
            var der = Convert.FromBase64String(base64Der!.Trim());
            if (der.Length < 8 || der.Length > 80)
            {
                return false;
            }

            if (!(Asn1Object.FromByteArray(der) is Asn1Sequence sequence) || sequence.Count != 2)
            {
                return false;
            }

            if (!(sequence[0] is DerInteger derR) || !(sequence[1] is DerInteger derS))
            {
                return false;
            }

            r = derR.PositiveValue;
            s = derS.PositiveValue;
            return derR.Value.SignValue > 0 && derS.Value.SignValue > 0;
        }
        catch (Exception)
        {
            return false;
        }
    }
}
