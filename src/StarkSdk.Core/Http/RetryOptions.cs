using System;

namespace StarkSdk.Core;

/// <summary>
/// How safe calls (GET, HEAD, OPTIONS) are retried on resets, cuts mid-body, attempt timeouts, 429 and 5xx (never POST,
/// PATCH, PUT or DELETE, which could apply twice): jittered exponential backoff (Polly.Core), honouring Retry-After up to
/// <see cref="MaxDelay"/>. Bindable from configuration (<c>"Retry": { "MaxRetries": 3, "BaseDelay": "00:00:00.250" }</c>).
/// </summary>
public sealed class RetryOptions
{
    /// <summary>Retries after the first attempt (default 3; 0 disables retries).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The base of the exponential backoff (default 250 ms): attempt n waits about BaseDelay × 2ⁿ, jittered.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest single wait, also the cap on a server's Retry-After (default 5 s).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);
}
