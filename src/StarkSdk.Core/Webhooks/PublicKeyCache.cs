using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace StarkSdk.Core;

/// <summary>
/// The API's current public key (GET <c>public-key?limit=1</c>), cached per verifier. Refreshes after a failed check are
/// single-flight and at most one per <see cref="RefreshCooldown"/>, so forged webhooks cannot make us hammer the API.
/// </summary>
internal sealed class PublicKeyCache
{
    private readonly StarkPipeline _pipeline;
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
    private EcdsaPublicKey? _key;
    private DateTimeOffset _cooldownUntil = DateTimeOffset.MinValue;

    internal PublicKeyCache(StarkPipeline pipeline)
    {
        _pipeline = pipeline;
        TimeProvider = pipeline.Options.TimeProvider ?? TimeProvider.System;
    }

    internal TimeSpan RefreshCooldown { get; set; } = TimeSpan.FromSeconds(30);

    internal TimeProvider TimeProvider { get; set; }

    internal int FetchCount { get; private set; }

    internal async Task<EcdsaPublicKey> GetAsync(RequestOptions? options, CancellationToken cancellationToken)
    {
        var key = Volatile.Read(ref _key);
        if (key != null)
        {
            return key;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _key ??= await FetchAsync(options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Fetches the key again after <paramref name="rejected"/> failed a check; null when there is no other key to try.</summary>
    internal async Task<EcdsaPublicKey?> RefreshAsync(EcdsaPublicKey rejected, RequestOptions? options, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_key != null && !_key.Equals(rejected))
            {
                return _key;
            }

            if (TimeProvider.GetUtcNow() < _cooldownUntil)
            {
                return null;
            }

            // The cooldown starts with the attempt, so neither forged signatures nor an unreachable API turn into a fetch per webhook.
            _cooldownUntil = TimeProvider.GetUtcNow() + RefreshCooldown;
            var fresh = await FetchAsync(options, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _key, fresh);
            return fresh.Equals(rejected) ? null : fresh;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<EcdsaPublicKey> FetchAsync(RequestOptions? options, CancellationToken cancellationToken)
    {
        FetchCount++;
        var request = new ApiRequest(HttpMethod.Get, "public-key");
        request.Query.Add("limit", (long?)1);
        var keys = await _pipeline.SendAsync<List<PublicKeyEntry>>(request, "publicKeys", options, cancellationToken).ConfigureAwait(false);
        var path = "/" + _pipeline.Api.Version + "/public-key";
        if (keys.Count == 0 || string.IsNullOrWhiteSpace(keys[0].Content))
        {
            throw new UnknownError($"GET {path} → 200: the API returned no public key", 200, "GET", path, null);
        }

        try
        {
            return EcdsaPublicKey.FromPem(keys[0].Content!);
        }
        catch (InvalidKeyException ex)
        {
            throw new UnknownError($"GET {path} → 200: the API returned an unusable public key ({ex.Message})", 200, "GET", path, null, ex);
        }
    }

    private sealed class PublicKeyEntry
    {
        [JsonProperty("content")]
        public string? Content { get; set; }
    }
}
