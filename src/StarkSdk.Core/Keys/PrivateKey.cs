using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;

namespace StarkSdk.Core;

/// <summary>
/// An ECDSA secp256k1 private key that signs requests. <see cref="ToString"/> never reveals key material.
/// </summary>
public sealed class PrivateKey
{
    private readonly ECPrivateKeyParameters _parameters;

    internal PrivateKey(BigInteger d)
    {
        _parameters = new ECPrivateKeyParameters(d, Secp256k1.Domain);
        PublicKey = new EcdsaPublicKey(Secp256k1.Multiply(d));
    }

    /// <summary>The matching public key, the one registered with Stark.</summary>
    public EcdsaPublicKey PublicKey { get; }

    /// <summary>
    /// Reads a secp256k1 private key from PEM: SEC1 <c>EC PRIVATE KEY</c> (with or without a leading <c>EC PARAMETERS</c> block)
    /// or PKCS#8 <c>PRIVATE KEY</c>. CRLF, indentation and surrounding blank lines are accepted.
    /// </summary>
    /// <param name="pem">The PEM text.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pem"/> is null.</exception>
    /// <exception cref="InvalidKeyException">The text is not such a key, or the key is not on secp256k1. The message never contains the key.</exception>
    public static PrivateKey FromPem(string pem)
    {
        if (pem is null)
        {
            throw new ArgumentNullException(nameof(pem));
        }

        var blocks = Pem.ReadAll(pem, nameof(pem));
        if (blocks.Count == 0)
        {
            throw new InvalidKeyException("No PEM block found: expected '-----BEGIN EC PRIVATE KEY-----' or '-----BEGIN PRIVATE KEY-----'.", nameof(pem));
        }

        Asn1Object? pemParameters = null;
        var parametersBlock = blocks.FirstOrDefault(b => b.Label == "EC PARAMETERS");
        if (parametersBlock != null)
        {
            pemParameters = ParseAsn1(parametersBlock.Der, "EC PARAMETERS");
            RequireSecp256k1(pemParameters);
        }

        var sec1 = blocks.FirstOrDefault(b => b.Label == "EC PRIVATE KEY");
        if (sec1 != null)
        {
            return FromSec1(ParseAsn1(sec1.Der, "EC PRIVATE KEY"), pemParameters);
        }

        var pkcs8 = blocks.FirstOrDefault(b => b.Label == "PRIVATE KEY");
        if (pkcs8 != null)
        {
            return FromPkcs8(ParseAsn1(pkcs8.Der, "PRIVATE KEY"));
        }

        if (blocks.Any(b => b.Label == "ENCRYPTED PRIVATE KEY"))
        {
            throw new InvalidKeyException("Encrypted private keys are not supported; decrypt it first (openssl ec -in key.pem -out plain.pem).", nameof(pem));
        }

        if (blocks.Any(b => b.Label == "PUBLIC KEY"))
        {
            throw new InvalidKeyException("This is a public key; a private key ('EC PRIVATE KEY' or 'PRIVATE KEY') is required to sign.", nameof(pem));
        }

        var labels = string.Join(", ", blocks.Select(b => "'" + b.Label + "'"));
        throw new InvalidKeyException($"Unsupported PEM block(s) {labels}: expected 'EC PRIVATE KEY' or 'PRIVATE KEY'.", nameof(pem));
    }

    /// <summary>Signs a message: ECDSA over SHA-256 with a deterministic RFC 6979 nonce, low-S normalized.</summary>
    /// <param name="message">The exact bytes to sign.</param>
    /// <returns>The DER-encoded signature in base64.</returns>
    public string Sign(byte[] message)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        Span<byte> der = stackalloc byte[EcdsaSignature.MaxDerLength];
        var length = SignToDer(message, der);
#if NET5_0_OR_GREATER
        return Convert.ToBase64String(der.Slice(0, length));
#else
        return Convert.ToBase64String(der.Slice(0, length).ToArray());
#endif
    }

    /// <summary>Signs the UTF-8 bytes of a text message. See <see cref="Sign(byte[])"/>.</summary>
    /// <param name="message">The text to sign.</param>
    /// <returns>The DER-encoded signature in base64.</returns>
    public string Sign(string message)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        return Sign(Encoding.UTF8.GetBytes(message));
    }

    /// <summary>Writes the key as SEC1 PEM (<c>-----BEGIN EC PRIVATE KEY-----</c>), the format OpenSSL and the Stark SDKs use.</summary>
    /// <returns>The PEM text. Treat it as a secret.</returns>
    public string ToPem()
    {
        var publicBits = new DerBitString(PublicKey.Point.GetEncoded(false));
        var structure = new ECPrivateKeyStructure(256, _parameters.D, publicBits, Secp256k1.Oid);
        return Pem.Write("EC PRIVATE KEY", structure.GetDerEncoded());
    }

    /// <summary>Describes the key without revealing it.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => "PrivateKey(" + Secp256k1.Name + ", public " + PublicKey.Fingerprint + ")";

    internal byte[] SignToDer(byte[] message)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        Span<byte> der = stackalloc byte[EcdsaSignature.MaxDerLength];
        return der.Slice(0, SignToDer(message, der)).ToArray();
    }

    /// <summary>Signs into <paramref name="der"/> (at least <see cref="EcdsaSignature.MaxDerLength"/> bytes); returns the length.</summary>
    internal int SignToDer(ReadOnlySpan<byte> message, Span<byte> der)
    {
        // BouncyCastle's signer over its GLV-accelerated secp256k1 with a precomputed base-point table (Secp256k1):
        // deterministic RFC 6979 nonces from a well-reviewed implementation, rather than curve arithmetic of our own.
        var hash = new byte[32];
        Sha256(message, hash);
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, _parameters);
        var rs = signer.GenerateSignature(hash);
        var s = rs[1];

        // Low-S keeps signatures canonical, as strict verifiers (and Bitcoin-style libraries) expect.
        if (s.CompareTo(Secp256k1.HalfN) > 0)
        {
            s = Secp256k1.N.Subtract(s);
        }

        var encoded = EcdsaSignature.Encode(rs[0], s);
        encoded.AsSpan().CopyTo(der);
        return encoded.Length;
    }

    internal static void Sha256(ReadOnlySpan<byte> data, Span<byte> hash)
    {
#if NET5_0_OR_GREATER
        SHA256.HashData(data, hash);
#else
        using var sha = SHA256.Create();
        sha.ComputeHash(data.ToArray()).AsSpan().CopyTo(hash);
#endif
    }

    internal static byte[] Sha256(byte[] data)
    {
#if NET5_0_OR_GREATER
        return SHA256.HashData(data);
#else
        using var sha = SHA256.Create();
        return sha.ComputeHash(data);
#endif
    }

    private static PrivateKey FromSec1(Asn1Object asn1, Asn1Object? pemParameters)
    {
        ECPrivateKeyStructure structure;
        try
        {
            structure = ECPrivateKeyStructure.GetInstance(asn1);
        }
        catch (Exception)
        {
            throw new InvalidKeyException("The 'EC PRIVATE KEY' block is not a valid SEC1 EC private key.", "pem");
        }

        Asn1Object? parameters;
        DerBitString? publicKey;
        BigInteger d;
        try
        {
            parameters = structure.GetParameters();
            publicKey = structure.GetPublicKey();
            d = structure.GetKey();
        }
        catch (Exception)
        {
            throw new InvalidKeyException("The 'EC PRIVATE KEY' block is not a valid SEC1 EC private key.", "pem");
        }

        // SEC1 makes the curve optional; keys without it are taken as secp256k1, the only curve Stark accepts.
        var curve = parameters ?? pemParameters;
        if (curve != null)
        {
            RequireSecp256k1(curve);
        }

        return Build(d, publicKey?.GetBytes());
    }

    private static PrivateKey FromPkcs8(Asn1Object asn1)
    {
        PrivateKeyInfo info;
        Asn1Object inner;
        try
        {
            info = PrivateKeyInfo.GetInstance(asn1);
            inner = info.ParsePrivateKey();
        }
        catch (Exception)
        {
            throw new InvalidKeyException("The 'PRIVATE KEY' block is not a valid PKCS#8 private key.", "pem");
        }

        if (!X9ObjectIdentifiers.IdECPublicKey.Equals(info.PrivateKeyAlgorithm.Algorithm))
        {
            throw new InvalidKeyException($"The 'PRIVATE KEY' block holds a non-EC key (algorithm OID {info.PrivateKeyAlgorithm.Algorithm.Id}); Stark requires an ECDSA secp256k1 key.", "pem");
        }

        RequireSecp256k1(info.PrivateKeyAlgorithm.Parameters);
        return FromSec1(inner, null);
    }

    private static PrivateKey Build(BigInteger d, byte[]? embeddedPublicKey)
    {
        if (d.SignValue <= 0 || d.CompareTo(Secp256k1.N) >= 0)
        {
            throw new InvalidKeyException("The private key is out of range for secp256k1.", "pem");
        }

        var key = new PrivateKey(d);
        if (embeddedPublicKey != null && embeddedPublicKey.Length > 0)
        {
            // A key whose embedded public half disagrees with its secret is corrupt; signing with it would only produce 401s later.
            bool matches;
            try
            {
                matches = Secp256k1.Domain.Curve.DecodePoint(embeddedPublicKey).Normalize().Equals(key.PublicKey.Point);
            }
            catch (Exception)
            {
                matches = false;
            }

            if (!matches)
            {
                throw new InvalidKeyException("The private key is corrupt: its embedded public key does not match it.", "pem");
            }
        }

        return key;
    }

    private static Asn1Object ParseAsn1(byte[] der, string label)
    {
        try
        {
            return Asn1Object.FromByteArray(der);
        }
        catch (Exception)
        {
            throw new InvalidKeyException($"The PEM block '{label}' is not valid DER.", "pem");
        }
    }

    internal static void RequireSecp256k1(Asn1Encodable? parameters)
    {
        if (parameters is null || parameters.ToAsn1Object() is Asn1Null)
        {
            throw new InvalidKeyException("The key does not name its curve; Stark requires secp256k1.", "pem");
        }

        if (!Secp256k1.IsSecp256k1(parameters, out var description))
        {
            throw new InvalidKeyException($"The key is on curve {description}, but Stark requires secp256k1 (OID {Secp256k1.Oid.Id}). Create one with Key.Create() or 'openssl ecparam -name secp256k1 -genkey'.", "pem");
        }
    }
}
