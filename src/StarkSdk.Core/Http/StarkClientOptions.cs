using System;
using Microsoft.Extensions.Logging;

namespace StarkSdk.Core;

/// <summary>Settings of a client (one <see cref="StarkPipeline"/>).</summary>
public class StarkClientOptions
{
    /// <summary>The default timeout of a call: 15 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    /// <summary>The user that signs requests unless <see cref="RequestOptions.User"/> says otherwise.</summary>
    public User? User { get; set; }

    /// <summary>
    /// Replaces the environment's base URL (e.g. <c>http://127.0.0.1:8080/</c> for a local emulator or a proxy path);
    /// the version root (<c>v2/</c>) is appended to it.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The Accept-Language of responses: <c>en-US</c> (API default), <c>pt-BR</c> or <c>es-ES</c>.</summary>
    public string? Language { get; set; }

    /// <summary>The timeout of one call including its retries (default 15 s). A timeout raises <see cref="UnknownError"/>.</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>Retry policy for GET requests.</summary>
    public RetryOptions Retry { get; set; } = new RetryOptions();

    /// <summary>Where request logs go (method, path, status, duration; never keys or signatures). Null disables logging.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
