using System;
using System.Collections.Generic;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace StarkSdk.Core;

/// <summary>
/// Where a pipeline's logs and measurements go: the logger and meter of <see cref="StarkClientOptions"/> (the host's, with
/// dependency injection). Never receives keys, signatures or bodies.
/// </summary>
internal sealed class StarkTelemetry
{
    private readonly ILogger? _logger;
    private readonly StarkMetrics _metrics;

    internal StarkTelemetry(StarkClientOptions options)
    {
        _logger = options.LoggerFactory?.CreateLogger(StarkDiagnostics.SourceName);
        _metrics = StarkMetrics.For(options.MeterFactory);
        // Which secp256k1 implementation signs (native or managed): said once per process, at the first client with a logger.
        Secp256k1Provider.LogChoice(_logger);
    }

    internal static double Seconds(long ticks) => ticks / (double)Stopwatch.Frequency;

    internal void Signed(StarkMessage message, long ticks) =>
        _metrics.SignatureDuration.Record(Seconds(ticks), new KeyValuePair<string, object?>("http.request.method", message.Method));

    internal void AttemptCompleted(StarkMessage message, long ticks, Exception? error)
    {
        var tags = new TagList
        {
            { "http.request.method", message.Method },
            { "server.address", message.Uri.Host },
            { "server.port", message.Uri.Port },
        };
        if (message.StatusCode != 0)
        {
            tags.Add("http.response.status_code", message.StatusCode);
        }

        if (error != null)
        {
            tags.Add("error.type", error.GetType().FullName);
        }
        else if (message.StatusCode >= 400)
        {
            tags.Add("error.type", message.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (message.Attempt > 1)
        {
            tags.Add("http.request.resend_count", message.Attempt - 1);
        }

        _metrics.RequestDuration.Record(Seconds(ticks), tags);
        _logger?.LogTrace(StarkLogEvents.AttemptCompleted, "Stark {Method} {Path} attempt {Attempt} → {StatusCode} {Error} in {ElapsedMs:0.0} ms", message.Method, message.Path, message.Attempt, message.StatusCode, error?.GetType().Name ?? string.Empty, Seconds(ticks) * 1000);
    }

    internal void Retrying(StarkMessage message, string reason, int retry, int maxRetries, TimeSpan delay)
    {
        _metrics.Retries.Add(1, new KeyValuePair<string, object?>("http.request.method", message.Method));
        _logger?.LogWarning(StarkLogEvents.RetryScheduled, "Stark {Method} {Path} failed ({Reason}); retry {Retry} of {MaxRetries} in {DelayMs} ms", message.Method, message.Path, reason, retry, maxRetries, (long)delay.TotalMilliseconds);
    }

    internal void Succeeded(StarkMessage message, long ticks, string? requestId) =>
        _logger?.LogDebug(StarkLogEvents.RequestSucceeded, "Stark {Method} {Path} → {StatusCode} in {ElapsedMs:0.0} ms (request id {RequestId})", message.Method, message.Path, message.StatusCode, Seconds(ticks) * 1000, requestId ?? "-");

    internal void Failed(StarkMessage message, long ticks, string? requestId, Exception error)
    {
        if (_logger is null)
        {
            return;
        }

        if (error is OperationCanceledException)
        {
            _logger.LogDebug(StarkLogEvents.RequestCancelled, "Stark {Method} {Path} cancelled after {ElapsedMs:0.0} ms", message.Method, message.Path, Seconds(ticks) * 1000);
            return;
        }

        // The exception object is not logged: its RawBody is the server's, but nothing of ours (keys, signatures) ever enters an error.
        _logger.LogWarning(StarkLogEvents.RequestFailed, "Stark {Method} {Path} → {StatusCode} in {ElapsedMs:0.0} ms (request id {RequestId}): {ErrorType}: {ErrorMessage}", message.Method, message.Path, message.StatusCode, Seconds(ticks) * 1000, requestId ?? "-", error.GetType().Name, error.Message);
    }
}
