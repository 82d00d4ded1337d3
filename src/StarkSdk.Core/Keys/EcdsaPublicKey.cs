using System;
using System.Linq;
using System.Text;

namespace StarkSdk.Core;

/// <summary>An ECDSA secp256k1 public key, used to verify signatures made by Stark (webhooks, signed callbacks) or by a <see cref="PrivateKey"/>.</summary>
public sealed class EcdsaPublicKey : IEquatable<EcdsaPublicKey>
{
    private readonly ISecp256k1 _backend;

    // The implementation's own parsed form of the point, so that verifying does not parse the key again.
    private readonly object _handle;

    private readonly byte[] _uncompressed;

    private EcdsaPublicKey(ISecp256k1 backend, object handle, byte[] uncompressed)
    {
        _backend = backend;
        _handle = handle;
        _uncompressed = uncompressed;
        Span<byte> compressed = stackalloc byte[33];
        compressed[0] = (byte)(0x02 | (uncompressed[64] & 1));
        uncompressed.AsSpan(1, 32).CopyTo(compressed.Slice(1));
        var digest = PrivateKey.Sha256(compressed.ToArray());
        Fingerprint = BitConverter.ToString(digest, 0, 8).Replace("-", string.Empty).ToLowerInvariant();
    }

    /// <summary>A short hex fingerprint (first 8 bytes of SHA-256 of the compressed point) to tell keys apart in logs.</summary>
    public string Fingerprint { get; }

    /// <summary>The point, uncompressed (0x04, x, y).</summary>
    internal ReadOnlySpan<byte> Uncompressed => _uncompressed;

    /// <summary>Reads a secp256k1 public key from PEM <c>-----BEGIN PUBLIC KEY-----</c> (SubjectPublicKeyInfo).</summary>
    /// <param name="pem">The PEM text; CRLF, indentation and blank lines are accepted.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pem"/> is null.</exception>
    /// <exception cref="InvalidKeyException">The text is not such a key, or not on secp256k1, or no secp256k1 implementation can run in this process.</exception>
    public static EcdsaPublicKey FromPem(string pem)
    {
        if (pem is null)
        {
            throw new ArgumentNullException(nameof(pem));
        }

        var backend = Secp256k1Provider.Backend;
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

        var point = KeyAsn.ReadSubjectPublicKeyInfo(block.Der, nameof(pem));
        return TryCreate(point, backend) ?? throw new InvalidKeyException("The public key is not a valid secp256k1 point.", nameof(pem));
    }

    /// <summary>Checks an ECDSA/SHA-256 signature. Never throws on garbage: a malformed, empty or wrong signature is simply false.</summary>
    /// <param name="message">The exact bytes that were signed.</param>
    /// <param name="base64Der">The DER-encoded signature in base64 (strict DER; high S is accepted).</param>
    /// <returns>True only if the signature is valid for this key and message.</returns>
    public bool Verify(byte[] message, string? base64Der)
    {
        var signature = EcdsaSignature.TryDecode(base64Der);
        return message != null && signature != null && Verify(message, signature);
    }

    /// <summary>Checks a signature over the UTF-8 bytes of <paramref name="message"/>. See <see cref="Verify(byte[], string)"/>.</summary>
    /// <param name="message">The text that was signed.</param>
    /// <param name="base64Der">The DER-encoded signature in base64.</param>
    /// <returns>True only if the signature is valid.</returns>
    public bool Verify(string message, string? base64Der) => message != null && Verify(Encoding.UTF8.GetBytes(message), base64Der);

    /// <summary>Writes the key as PEM <c>-----BEGIN PUBLIC KEY-----</c> (SubjectPublicKeyInfo, uncompressed point).</summary>
    /// <returns>The PEM text.</returns>
    public string ToPem() => Pem.Write("PUBLIC KEY", KeyAsn.WriteSubjectPublicKeyInfo(_uncompressed));

    /// <inheritdoc />
    public bool Equals(EcdsaPublicKey? other) => other != null && _uncompressed.AsSpan().SequenceEqual(other._uncompressed);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EcdsaPublicKey);

    /// <inheritdoc />
    public override int GetHashCode() => Fingerprint.GetHashCode();

    /// <summary>Describes the key by its fingerprint.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => "EcdsaPublicKey(" + Secp256k1.Name + ", " + Fingerprint + ")";

    /// <summary>A key from an encoded point (compressed or uncompressed); null when it is not on the curve.</summary>
    internal static EcdsaPublicKey? TryCreate(ReadOnlySpan<byte> encodedPoint, ISecp256k1 backend)
    {
        var uncompressed = new byte[65];
        var handle = backend.TryParsePublicKey(encodedPoint, uncompressed);
        return handle is null ? null : new EcdsaPublicKey(backend, handle, uncompressed);
    }

    /// <summary>Checks r and s (32 bytes each, as <see cref="EcdsaSignature"/> decodes them) over a message.</summary>
    internal bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> compact64)
    {
        Span<byte> hash = stackalloc byte[32];
        PrivateKey.Sha256(message, hash);
        return _backend.Verify(_handle, hash, compact64);
    }
}
