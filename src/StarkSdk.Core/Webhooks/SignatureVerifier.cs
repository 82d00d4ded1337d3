using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace StarkSdk.Core;

/// <summary>
/// Verifies the <c>Digital-Signature</c> header of webhooks and other signed callbacks against the API's public key
/// (fetched with GET <c>public-key</c>, cached by this verifier, and fetched again once when a check fails, to survive key rotation).
/// Each root client owns one (<see cref="StarkPipeline.Verifier"/>), shared by its generated clients, so the key is fetched once.
/// Every bad input — tampered content, a wrong, empty or malformed signature — raises <see cref="InvalidSignatureError"/> and nothing else.
/// </summary>
public sealed class SignatureVerifier
{
    /// <summary>
    /// Creates a verifier with its own key cache that fetches the public key through <paramref name="pipeline"/>; prefer the
    /// client's <see cref="StarkPipeline.Verifier"/>, which is built once.
    /// </summary>
    /// <param name="pipeline">The pipeline of the API that signs the callbacks.</param>
    public SignatureVerifier(StarkPipeline pipeline)
    {
        Keys = new PublicKeyCache(pipeline ?? throw new ArgumentNullException(nameof(pipeline)));
    }

    /// <summary>The API's public key, cached for this verifier.</summary>
    internal PublicKeyCache Keys { get; }

    /// <summary>Verifies a callback body as text (its UTF-8 bytes are checked).</summary>
    /// <param name="content">The request body exactly as received.</param>
    /// <param name="signature">The <c>Digital-Signature</c> header value (null when missing: rejected).</param>
    /// <param name="options">Per-call settings for fetching the public key, or null.</param>
    /// <param name="cancellationToken">Cancels the key fetch.</param>
    /// <returns>A task that completes when the signature is valid.</returns>
    /// <exception cref="InvalidSignatureError">The signature does not check out.</exception>
    /// <exception cref="UnknownError">The public key could not be fetched.</exception>
    public Task VerifyAsync(string content, string? signature, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        return VerifyAsync(Encoding.UTF8.GetBytes(content), signature, options, cancellationToken);
    }

    /// <summary>Verifies a callback body as raw bytes, the safest form (no re-encoding).</summary>
    /// <param name="content">The request body bytes exactly as received.</param>
    /// <param name="signature">The <c>Digital-Signature</c> header value.</param>
    /// <param name="options">Per-call settings for fetching the public key, or null.</param>
    /// <param name="cancellationToken">Cancels the key fetch.</param>
    /// <returns>A task that completes when the signature is valid.</returns>
    /// <exception cref="InvalidSignatureError">The signature does not check out.</exception>
    public async Task VerifyAsync(byte[] content, string? signature, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        // A malformed signature is rejected before any network call: no key could make it valid.
        var decoded = EcdsaSignature.TryDecode(signature) ?? throw Malformed(signature);
        var cache = Keys;
        var key = await cache.GetAsync(options, cancellationToken).ConfigureAwait(false);
        if (key.Verify(content, decoded))
        {
            return;
        }

        var fresh = await cache.RefreshAsync(key, options, cancellationToken).ConfigureAwait(false);
        if (fresh != null && fresh.Verify(content, decoded))
        {
            return;
        }

        throw Mismatch();
    }

    /// <summary>
    /// Verifies a callback and deserializes it with <see cref="StarkJson"/>; a body that is not the expected JSON also raises
    /// <see cref="InvalidSignatureError"/>, so callers handle one error for any bad callback.
    /// </summary>
    /// <typeparam name="T">The type to read.</typeparam>
    /// <param name="content">The request body exactly as received.</param>
    /// <param name="signature">The <c>Digital-Signature</c> header value.</param>
    /// <param name="key">The envelope property to read (e.g. <c>event</c> for <c>{"event": {...}}</c>), or null for the whole body.</param>
    /// <param name="options">Per-call settings for fetching the public key, or null.</param>
    /// <param name="cancellationToken">Cancels the key fetch.</param>
    /// <returns>The verified, parsed value.</returns>
    /// <exception cref="InvalidSignatureError">The signature does not check out, or the body is not the expected JSON.</exception>
    public async Task<T> ParseAsync<T>(string content, string? signature, string? key = null, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        var bytes = Encoding.UTF8.GetBytes(content);
        await VerifyAsync(bytes, signature, options, cancellationToken).ConfigureAwait(false);
        return ParseVerified<T>(bytes, key);
    }

    /// <summary>Verifies a signature with a known public key, without any network call.</summary>
    /// <param name="content">The signed text (its UTF-8 bytes are checked).</param>
    /// <param name="signature">The base64 DER signature.</param>
    /// <param name="publicKey">The key that should have signed it.</param>
    /// <exception cref="InvalidSignatureError">The signature does not check out.</exception>
    public static void Verify(string content, string? signature, EcdsaPublicKey publicKey)
    {
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        Verify(Encoding.UTF8.GetBytes(content), signature, publicKey);
    }

    /// <summary>Verifies a signature over raw bytes with a known public key, without any network call.</summary>
    /// <param name="content">The signed bytes.</param>
    /// <param name="signature">The base64 DER signature.</param>
    /// <param name="publicKey">The key that should have signed it.</param>
    /// <exception cref="InvalidSignatureError">The signature does not check out.</exception>
    public static void Verify(byte[] content, string? signature, EcdsaPublicKey publicKey)
    {
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        if (publicKey is null)
        {
            throw new ArgumentNullException(nameof(publicKey));
        }

        var decoded = EcdsaSignature.TryDecode(signature) ?? throw Malformed(signature);
        if (!publicKey.Verify(content, decoded))
        {
            throw Mismatch();
        }
    }

    internal static T ParseVerified<T>(byte[] content, string? key)
    {
        try
        {
            var result = JsonBody.Read<T>(content, 0, content.Length, key);
            if (!result.Found || result.Value is null)
            {
                throw new InvalidSignatureError(key is null ? "The signed content is empty." : $"The signed content has no '{key}'.");
            }

            return result.Value;
        }
        catch (JsonException)
        {
            throw new InvalidSignatureError("The signed content is not the expected JSON.");
        }
    }

    private static InvalidSignatureError Malformed(string? signature) =>
        new InvalidSignatureError(string.IsNullOrWhiteSpace(signature)
            ? "The Digital-Signature is missing or empty."
            : "The Digital-Signature is not a base64 DER ECDSA signature.");

    private static InvalidSignatureError Mismatch() =>
        new InvalidSignatureError("The Digital-Signature does not match the content and the API's public key.");
}
