#if NETSTANDARD2_1_OR_GREATER || NETCOREAPP3_0_OR_GREATER
using System;
using NBitcoin.Secp256k1;

namespace StarkSdk.Core;

/// <summary>NBitcoin.Secp256k1, a managed port of libsecp256k1: the fallback where the native library cannot load.</summary>
internal sealed class ManagedSecp256k1 : ISecp256k1
{
    private readonly Context _context = Context.Instance;

    public Secp256k1Implementation Implementation => Secp256k1Implementation.Managed;

    public object? TryLoadSecret(ReadOnlySpan<byte> secret32) =>
        secret32.Length == 32 && ECPrivKey.TryCreate(secret32, _context, out var key) ? key : null;

    public void GetPublicKey(object secret, Span<byte> uncompressed65) =>
        ((ECPrivKey)secret).CreatePubKey().WriteToSpan(false, uncompressed65, out _);

    public object? TryParsePublicKey(ReadOnlySpan<byte> encoded, Span<byte> uncompressed65)
    {
        if ((encoded.Length != 33 && encoded.Length != 65) || !ECPubKey.TryCreate(encoded, _context, out _, out var key) || key is null)
        {
            return null;
        }

        key.WriteToSpan(false, uncompressed65, out _);
        return key;
    }

    public void Sign(object secret, ReadOnlySpan<byte> hash32, Span<byte> compact64) =>
        ((ECPrivKey)secret).SignECDSARFC6979(hash32).WriteCompactToSpan(compact64);

    public bool Verify(object publicKey, ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> compact64)
    {
        if (!SecpECDSASignature.TryCreateFromCompact(compact64, out var signature) || signature is null)
        {
            return false;
        }

        // As libsecp256k1, the port rejects high-S; normalize first (see NativeSecp256k1.Verify).
        signature.TryNormalize(out var normalized);
        return ((ECPubKey)publicKey).SigVerify(normalized ?? signature, hash32);
    }
}
#endif
