using System;
using System.Linq;
using System.Text;
using System.Threading;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Math.EC;

namespace StarkSdk.Core;

/// <summary>An ECDSA secp256k1 public key, used to verify signatures made by Stark (webhooks, signed callbacks) or by a <see cref="PrivateKey"/>.</summary>
public sealed class EcdsaPublicKey : IEquatable<EcdsaPublicKey>
{
    private readonly ECPublicKeyParameters _parameters;

    // The operating system's ECDSA (OpenSSL on Linux, CNG on Windows) verifies several times faster than BouncyCastle;
    // one instance per thread, as .NET does not promise that an ECDsa object is safe for concurrent use. Null where the
    // platform lacks secp256k1 (macOS), and then BouncyCastle verifies.
    // Built on the first verification, not when the key is loaded: a private key's public half is rarely used to verify.
    private readonly Lazy<NativeEcdsaVerifier?> _native;

    internal EcdsaPublicKey(ECPoint point)
    {
        Point = point.Normalize();
        _parameters = new ECPublicKeyParameters(Point, Secp256k1.Domain);
        _native = new Lazy<NativeEcdsaVerifier?>(() => NativeEcdsaVerifier.TryCreate(Point), LazyThreadSafetyMode.ExecutionAndPublication);
        var digest = PrivateKey.Sha256(Point.GetEncoded(true));
        Fingerprint = BitConverter.ToString(digest, 0, 8).Replace("-", string.Empty).ToLowerInvariant();
    }

    internal ECPoint Point { get; }

    /// <summary>A short hex fingerprint (first 8 bytes of SHA-256 of the compressed point) to tell keys apart in logs.</summary>
    public string Fingerprint { get; }

    /// <summary>Reads a secp256k1 public key from PEM <c>-----BEGIN PUBLIC KEY-----</c> (SubjectPublicKeyInfo).</summary>
    /// <param name="pem">The PEM text; CRLF, indentation and blank lines are accepted.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pem"/> is null.</exception>
    /// <exception cref="InvalidKeyException">The text is not such a key, or not on secp256k1.</exception>
    public static EcdsaPublicKey FromPem(string pem)
    {
        if (pem is null)
        {
            throw new ArgumentNullException(nameof(pem));
        }

        var blocks = Pem.ReadAll(pem, nameof(pem));
        var block = blocks.FirstOrDefault(b => b.Label == "PUBLIC KEY");
        if (block is null)
        {
            if (blocks.Any(b => b.Label.EndsWith("PRIVATE KEY", StringComparison.Ordinal)))
            {
                throw new InvalidKeyException("A private key was given where a public key ('-----BEGIN PUBLIC KEY-----') is expected.", nameof(pem));
            }

            throw new InvalidKeyException("No '-----BEGIN PUBLIC KEY-----' PEM block found.", nameof(pem));
        }

        SubjectPublicKeyInfo info;
        try
        {
            info = SubjectPublicKeyInfo.GetInstance(Asn1Object.FromByteArray(block.Der));
        }
        catch (Exception)
        {
            throw new InvalidKeyException("The 'PUBLIC KEY' block is not a valid SubjectPublicKeyInfo.", nameof(pem));
        }

        if (!X9ObjectIdentifiers.IdECPublicKey.Equals(info.AlgorithmID.Algorithm))
        {
            throw new InvalidKeyException($"The public key is not an EC key (algorithm OID {info.AlgorithmID.Algorithm.Id}); Stark uses ECDSA secp256k1.", nameof(pem));
        }

        PrivateKey.RequireSecp256k1(info.AlgorithmID.Parameters);
        ECPoint point;
        try
        {
            point = Secp256k1.Domain.Curve.DecodePoint(info.PublicKeyData.GetBytes());
        }
        catch (Exception)
        {
            throw new InvalidKeyException("The public key is not a valid secp256k1 point.", nameof(pem));
        }

        if (point.IsInfinity || !point.IsValid())
        {
            throw new InvalidKeyException("The public key is not a valid secp256k1 point.", nameof(pem));
        }

        return new EcdsaPublicKey(point);
    }

    /// <summary>Checks an ECDSA/SHA-256 signature. Never throws on garbage: a malformed, empty or wrong signature is simply false.</summary>
    /// <param name="message">The exact bytes that were signed.</param>
    /// <param name="base64Der">The DER-encoded signature in base64.</param>
    /// <returns>True only if the signature is valid for this key and message.</returns>
    public bool Verify(byte[] message, string? base64Der)
    {
        if (message is null || !EcdsaSignature.TryDecode(base64Der, out var r, out var s))
        {
            return false;
        }

        return Verify(message, r, s);
    }

    /// <summary>Checks a signature over the UTF-8 bytes of <paramref name="message"/>. See <see cref="Verify(byte[], string)"/>.</summary>
    /// <param name="message">The text that was signed.</param>
    /// <param name="base64Der">The DER-encoded signature in base64.</param>
    /// <returns>True only if the signature is valid.</returns>
    public bool Verify(string message, string? base64Der) => message != null && Verify(Encoding.UTF8.GetBytes(message), base64Der);

    /// <summary>Writes the key as PEM <c>-----BEGIN PUBLIC KEY-----</c> (SubjectPublicKeyInfo, uncompressed point).</summary>
    /// <returns>The PEM text.</returns>
    public string ToPem()
    {
        var info = new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.IdECPublicKey, Secp256k1.Oid), Point.GetEncoded(false));
        return Pem.Write("PUBLIC KEY", info.GetDerEncoded());
    }

    /// <inheritdoc />
    public bool Equals(EcdsaPublicKey? other) => other != null && Point.Equals(other.Point);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EcdsaPublicKey);

    /// <inheritdoc />
    public override int GetHashCode() => Fingerprint.GetHashCode();

    /// <summary>Describes the key by its fingerprint.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => "EcdsaPublicKey(" + Secp256k1.Name + ", " + Fingerprint + ")";

    /// <summary>True when verification runs on the operating system's ECDSA rather than BouncyCastle.</summary>
    internal bool UsesNativeVerification => _native.Value != null;

    internal bool Verify(byte[] message, Org.BouncyCastle.Math.BigInteger r, Org.BouncyCastle.Math.BigInteger s)
    {
        if (r.SignValue <= 0 || s.SignValue <= 0 || r.CompareTo(Secp256k1.N) >= 0 || s.CompareTo(Secp256k1.N) >= 0)
        {
            return false;
        }

        var native = _native.Value;
        if (native != null)
        {
            return native.Verify(message, r, s);
        }

        return VerifyWithBouncyCastle(message, r, s);
    }

    internal bool VerifyWithBouncyCastle(byte[] message, Org.BouncyCastle.Math.BigInteger r, Org.BouncyCastle.Math.BigInteger s)
    {
        try
        {
            var verifier = new ECDsaSigner();
            verifier.Init(false, _parameters);
            return verifier.VerifySignature(PrivateKey.Sha256(message), r, s);
        }
        catch (Exception)
        {
            return false;
        }
    }
}
