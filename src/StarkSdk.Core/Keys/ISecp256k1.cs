using System;

namespace StarkSdk.Core;

/// <summary>
/// The secp256k1 operations the SDK needs, implemented once natively (libsecp256k1) and once in managed code, which must
/// agree byte for byte: signatures use RFC 6979 nonces and are low-S, so both produce the same bytes for the same input.
/// Keys and signatures cross this boundary as big-endian bytes; the handles are each implementation's own parsed form.
/// </summary>
internal interface ISecp256k1
{
    Secp256k1Implementation Implementation { get; }

    /// <summary>Prepares a 32-byte big-endian secret for signing; null when it is not in [1, n-1].</summary>
    object? TryLoadSecret(ReadOnlySpan<byte> secret32);

    /// <summary>Writes the public point of a secret as a 65-byte uncompressed point.</summary>
    void GetPublicKey(object secret, Span<byte> uncompressed65);

    /// <summary>Parses a compressed or uncompressed point into a handle for <see cref="Verify"/>; null when it is not on the curve.</summary>
    object? TryParsePublicKey(ReadOnlySpan<byte> encoded, Span<byte> uncompressed65);

    /// <summary>Signs a 32-byte hash with an RFC 6979 nonce; writes r and s (low-S), 32 bytes each.</summary>
    void Sign(object secret, ReadOnlySpan<byte> hash32, Span<byte> compact64);

    /// <summary>Checks r and s (each in [1, n-1]; high S accepted, as ECDSA itself does) against a 32-byte hash.</summary>
    bool Verify(object publicKey, ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> compact64);
}
