using System;
using System.Threading;
using System.Threading.Tasks;

namespace StarkSdk.Core;

/// <summary>
/// How GET requests are retried on network errors, 429 and 5xx (never POST, PATCH, PUT or DELETE, which could apply twice):
/// jittered exponential backoff, honouring Retry-After up to <see cref="MaxDelay"/>.
/// </summary>
public sealed class RetryOptions
{
    /// <summary>Retries after the first attempt (default 3; 0 disables retries).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The base of the exponential backoff (default 250 ms): attempt n waits about BaseDelay × 2ⁿ, jittered.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest single wait, also the cap on a server's Retry-After (default 5 s).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Replaces the wait between attempts; tests use it to record delays instead of sleeping.</summary>
    internal Func<TimeSpan, CancellationToken, Task>? Delay { get; set; }
}
