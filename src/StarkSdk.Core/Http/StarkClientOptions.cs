using System;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace StarkSdk.Core;

/// <summary>Settings of a client (one <see cref="StarkPipeline"/>). With dependency injection they are bound from configuration.</summary>
public class StarkClientOptions
{
    /// <summary>The default overall deadline of a call, retries included: 60 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The default timeout of one attempt: 15 seconds.</summary>
    public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(15);

    /// <summary>The user that signs requests unless <see cref="RequestOptions.User"/> says otherwise.</summary>
    public User? User { get; set; }

    /// <summary>
    /// Replaces the environment's base URL (e.g. <c>http://127.0.0.1:8080/</c> for a local emulator or a proxy path);
    /// the version root (<c>v2/</c>) is appended to it.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The Accept-Language of responses: <c>en-US</c> (API default), <c>pt-BR</c> or <c>es-ES</c>.</summary>
    public string? Language { get; set; }

    /// <summary>
    /// The overall deadline of one call, all attempts and waits between them included (default 60 s). When it passes the call
    /// raises <see cref="UnknownError"/> and is not retried.
    /// </summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>
    /// The timeout of each attempt, body read included (default 15 s). A safe call whose attempt times out is retried while
    /// the overall <see cref="Timeout"/> allows.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = DefaultAttemptTimeout;

    /// <summary>Retry policy for safe calls (GET, HEAD, OPTIONS).</summary>
    public RetryOptions Retry { get; set; } = new RetryOptions();

    /// <summary>Where request logs go (method, path, status, duration; never keys or signatures). Null disables logging.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Creates the <c>StarkSdk.Core</c> meter (see <see cref="StarkMetricNames"/>); null uses a process-wide meter.</summary>
    public IMeterFactory? MeterFactory { get; set; }

    /// <summary>The clock of Access-Time, Retry-After dates and retry waits; null uses the system clock. Tests pass a fake one.</summary>
    public TimeProvider? TimeProvider { get; set; }
}
