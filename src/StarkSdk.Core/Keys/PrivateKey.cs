using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace StarkSdk.Core;

/// <summary>
/// An ECDSA secp256k1 private key that signs requests. <see cref="ToString"/> never reveals key material.
/// </summary>
public sealed class PrivateKey
{
    private readonly ISecp256k1 _backend;

    private readonly byte[] _secret;

    // The implementation's own form of the secret, prepared once.
    private readonly object _handle;

    internal PrivateKey(ReadOnlySpan<byte> secret32)
        : this(secret32, Secp256k1Provider.Backend)
    {
    }

    internal PrivateKey(ReadOnlySpan<byte> secret32, ISecp256k1 backend)
    {
        _backend = backend;
        _handle = backend.TryLoadSecret(secret32) ?? throw new InvalidKeyException("The private key is out of range for secp256k1.", "pem");
        _secret = secret32.ToArray();
        Span<byte> point = stackalloc byte[65];
        backend.GetPublicKey(_handle, point);
        PublicKey = EcdsaPublicKey.TryCreate(point, backend) ?? throw new CryptographicException("The derived public key is not on the curve.");
    }

    /// <summary>The matching public key, the one registered with Stark.</summary>
    public EcdsaPublicKey PublicKey { get; }

    /// <summary>
    /// Reads a secp256k1 private key from PEM: SEC1 <c>EC PRIVATE KEY</c> (with or without a leading <c>EC PARAMETERS</c> block,
    /// the curve named or given as explicit parameters, the public point compressed, uncompressed or absent) or PKCS#8
    /// <c>PRIVATE KEY</c>. CRLF, indentation, surrounding blank lines and literal <c>\n</c> escapes are accepted.
    /// </summary>
    /// <param name="pem">The PEM text.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pem"/> is null.</exception>
    /// <exception cref="InvalidKeyException">
    /// The text is not such a key, or the key is not on secp256k1, or no secp256k1 implementation can run in this process.
    /// The message never contains the key.
    /// </exception>
    public static PrivateKey FromPem(string pem)
    {
        if (pem is null)
        {
            throw new ArgumentNullException(nameof(pem));
        }

        var backend = Secp256k1Provider.Backend;
        var blocks = Pem.ReadAll(pem, nameof(pem));
        if (blocks.Count == 0)
        {
            throw new InvalidKeyException("No PEM block found: expected '-----BEGIN EC PRIVATE KEY-----' or '-----BEGIN PRIVATE KEY-----'.", nameof(pem));
        }

        var parametersBlock = blocks.FirstOrDefault(b => b.Label == "EC PARAMETERS");
        if (parametersBlock != null)
        {
            KeyAsn.RequireSecp256k1Block(parametersBlock.Der);
        }

        var sec1 = blocks.FirstOrDefault(b => b.Label == "EC PRIVATE KEY");
        if (sec1 != null)
        {
            return Build(KeyAsn.ReadSec1(sec1.Der, "EC PRIVATE KEY"), backend);
        }

        var pkcs8 = blocks.FirstOrDefault(b => b.Label == "PRIVATE KEY");
        if (pkcs8 != null)
        {
            return Build(KeyAsn.ReadPkcs8(pkcs8.Der), backend);
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
    public string ToPem() => Pem.Write("EC PRIVATE KEY", KeyAsn.WriteSec1(_secret, PublicKey.Uncompressed));

    /// <summary>Describes the key without revealing it.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => "PrivateKey(" + Secp256k1.Name + ", public " + PublicKey.Fingerprint + ")";

    /// <summary>Signs into <paramref name="der"/> (at least <see cref="EcdsaSignature.MaxDerLength"/> bytes); returns the length.</summary>
    internal int SignToDer(ReadOnlySpan<byte> message, Span<byte> der)
    {
        Span<byte> hash = stackalloc byte[32];
        Sha256(message, hash);
        Span<byte> compact = stackalloc byte[64];
        _backend.Sign(_handle, hash, compact);
        return EcdsaSignature.Encode(compact, der);
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

    private static PrivateKey Build(KeyAsn.EcPrivateKey parsed, ISecp256k1 backend)
    {
        // SEC1 makes the curve optional; keys without it are taken as secp256k1, the only curve Stark accepts.
        if (parsed.Curve != null)
        {
            KeyAsn.RequireSecp256k1(parsed.Curve);
        }

        Span<byte> secret = stackalloc byte[32];
        if (!Secp256k1.TryWrite32(parsed.Secret, secret) || !Secp256k1.IsScalarInRange(secret))
        {
            throw new InvalidKeyException("The private key is out of range for secp256k1.", "pem");
        }

        var key = new PrivateKey(secret, backend);
        secret.Clear();
        Array.Clear(parsed.Secret, 0, parsed.Secret.Length);
        if (parsed.PublicPoint != null && parsed.PublicPoint.Length > 0)
        {
            // A key whose embedded public half disagrees with its secret is corrupt; signing with it would only produce 401s later.
            var embedded = EcdsaPublicKey.TryCreate(parsed.PublicPoint, backend);
            if (embedded is null || !embedded.Equals(key.PublicKey))
            {
                throw new InvalidKeyException("The private key is corrupt: its embedded public key does not match it.", "pem");
            }
        }

        return key;
    }
}
