using System;
using System.Security.Cryptography;
using Secp256k1Net;

namespace StarkSdk.Core;

/// <summary>libsecp256k1 through Secp256k1.Net: one context for the process, which libsecp256k1 allows to be shared by threads.</summary>
internal sealed class NativeSecp256k1 : ISecp256k1
{
    private const int InternalSize = 64;

    private readonly Secp256k1Net.Secp256k1 _context;

    private NativeSecp256k1(Secp256k1Net.Secp256k1 context)
    {
        _context = context;
    }

    public Secp256k1Implementation Implementation => Secp256k1Implementation.Native;

    /// <summary>Loads the native library and checks it derives G from the secret 1; throws when it cannot run here.</summary>
    internal static NativeSecp256k1 Create()
    {
        var context = new Secp256k1Net.Secp256k1();
        var native = new NativeSecp256k1(context);
        Span<byte> one = stackalloc byte[32];
        one[31] = 1;
        Span<byte> point = stackalloc byte[65];
        native.GetPublicKey(native.TryLoadSecret(one) ?? throw new CryptographicException("libsecp256k1 rejected the secret 1."), point);
        if (!point.SequenceEqual(Secp256k1.G))
        {
            context.Dispose();
            throw new CryptographicException("libsecp256k1 failed its self-check.");
        }

        return native;
    }

    public object? TryLoadSecret(ReadOnlySpan<byte> secret32) =>
        secret32.Length == 32 && _context.EcSeckeyVerify(secret32) ? secret32.ToArray() : null;

    public void GetPublicKey(object secret, Span<byte> uncompressed65)
    {
        Span<byte> internalKey = stackalloc byte[InternalSize];
        if (!_context.EcPubkeyCreate(internalKey, (byte[])secret))
        {
            throw new CryptographicException("libsecp256k1 could not derive the public key.");
        }

        Serialize(internalKey, uncompressed65);
    }

    public object? TryParsePublicKey(ReadOnlySpan<byte> encoded, Span<byte> uncompressed65)
    {
        // Only the two lengths libsecp256k1 parses: an empty or odd-sized buffer must never reach its argument checks.
        if (encoded.Length != 33 && encoded.Length != 65)
        {
            return null;
        }

        var internalKey = new byte[InternalSize];
        if (!_context.EcPubkeyParse(internalKey, encoded))
        {
            return null;
        }

        Serialize(internalKey, uncompressed65);
        return internalKey;
    }

    public void Sign(object secret, ReadOnlySpan<byte> hash32, Span<byte> compact64)
    {
        // secp256k1_ecdsa_sign's default nonce function is RFC 6979, and it always returns the low-S form.
        Span<byte> signature = stackalloc byte[InternalSize];
        if (!_context.EcdsaSign(signature, hash32, (byte[])secret) || !_context.EcdsaSignatureSerializeCompact(compact64, signature))
        {
            throw new CryptographicException("libsecp256k1 could not sign.");
        }
    }

    public bool Verify(object publicKey, ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> compact64)
    {
        Span<byte> parsed = stackalloc byte[InternalSize];
        Span<byte> normalized = stackalloc byte[InternalSize];
        if (!_context.EcdsaSignatureParseCompact(parsed, compact64))
        {
            return false;
        }

        // libsecp256k1 rejects high-S by design; Stark's own signer emits it half of the time, and ECDSA accepts it.
        _context.EcdsaSignatureNormalize(normalized, parsed);
        return _context.EcdsaVerify(normalized, hash32, (byte[])publicKey);
    }

    private void Serialize(ReadOnlySpan<byte> internalKey, Span<byte> uncompressed65)
    {
        nuint length = 65;
        if (!_context.EcPubkeySerialize(uncompressed65, ref length, internalKey, Secp256k1EcFlags.Uncompressed) || length != 65)
        {
            throw new CryptographicException("libsecp256k1 could not serialize a public key.");
        }
    }
}
