using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using StarkSdk.Core;
using StarkSdk.Infra;

namespace StarkSdk.AspNetCore;

/// <summary>
/// Serves one Stark Infra authorization callback: verifies and parses the raw body with the generated parse method, asks
/// the handler, and answers its decision as JSON; when the deadline passes first (the handler's token fires then), when
/// the handler throws or returns something else than the callback's answer type, it answers the spec's documented safe
/// default (a denial), which is what Stark Infra assumes anyway without an answer in time. A bad signature gets 400.
/// </summary>
internal sealed partial class AuthorizationEndpoint
{
    private readonly AuthorizationEndpointSettings _settings;
    private readonly ClientSource<StarkInfraClient> _client;
    private readonly Func<object, CancellationToken, Task<object?>> _handler;
    private readonly StarkCallbackMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TagList _tags;

    public AuthorizationEndpoint(AuthorizationEndpointSettings settings, ClientSource<StarkInfraClient> client, Func<object, CancellationToken, Task<object?>> handler, IServiceProvider services)
    {
        _settings = settings;
        _client = client;
        _handler = handler;
        _metrics = StarkCallbackMetrics.For(services);
        _logger = (services.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger("StarkSdk.AspNetCore.Authorizations");
        _tags = new TagList { { "stark.api", "StarkInfra" }, { "stark.callback", settings.Callback.Name } };
    }

    private string Name => _settings.Callback.Name;

    public async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var deadline = _settings.Deadline;
        using var activity = StarkCallbackTelemetry.Source.StartActivity("Stark authorization " + Name);
        activity?.SetTag("stark.api", "StarkInfra");
        activity?.SetTag("stark.callback", Name);
        _metrics.Received.Add(1, _tags);

        // The deadline covers the whole answer (reading, verifying, deciding): Stark Infra times the request, not the handler.
        // Disposed only once the work is over: a handler still running after the deadline answer keeps a live token.
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        cancellation.CancelAfter(deadline);
        var work = DecideAsync(context, activity, cancellation.Token);
        _ = work.ContinueWith(static (_, state) => ((CancellationTokenSource)state!).Dispose(), cancellation, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        Outcome outcome;
        try
        {
            var remaining = deadline - Stopwatch.GetElapsedTime(started);
            outcome = await work.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException && !context.RequestAborted.IsCancellationRequested)
        {
            // Fire the handler's token now (the timer may be a tick behind), without waiting for its callbacks.
            _ = Task.Run(() =>
            {
                try
                {
                    cancellation.Cancel();
                }
                catch (Exception e) when (e is ObjectDisposedException or AggregateException)
                {
                    // The work ended meanwhile, or a callback on the handler's token threw: the handler's own problem.
                }
            });
            _metrics.DeadlineMisses.Add(1, _tags);
            activity?.SetTag("stark.authorization.deadline_missed", true);
            LogDeadlineMissed(_logger, Name, deadline.TotalMilliseconds);
            ObserveLate(work);
            outcome = SafeDefaultOutcome;
        }

        context.Response.StatusCode = outcome.Status;
        if (outcome.Json is not null)
        {
            activity?.SetTag("stark.authorization.answer", outcome.IsSafeDefault ? "safe-default" : "handler");
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(outcome.Json, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private async Task<Outcome> DecideAsync(HttpContext context, Activity? activity, CancellationToken cancellationToken)
    {
        string content;
        if (_settings.QueryParameter is { } parameter)
        {
            // A GET callback (the BR code read): the signature covers one query value, not a body.
            content = context.Request.Query[parameter].ToString();
            if (content.Length == 0)
            {
                Reject(activity, "missing-value", $"The '{parameter}' query parameter is missing.");
                return new Outcome(StatusCodes.Status400BadRequest, null, false);
            }
        }
        else
        {
            var body = await RawBody.ReadAsync(context.Request, _settings.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
            if (body.Text is null)
            {
                Reject(activity, body.IsTooLarge ? "too-large" : "encoding", body.Problem!);
                return new Outcome(body.IsTooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, null, false);
            }

            content = body.Text;
        }

        object request;
        try
        {
            request = await _settings.Callback.ParseAsync(_client.Get(), content, context.Request.Headers["Digital-Signature"], cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidSignatureError e)
        {
            Reject(activity, "signature", e.Message);
            return new Outcome(StatusCodes.Status400BadRequest, null, false);
        }
        catch (StarkException e)
        {
            // Unverifiable (no public key): the safe default denies, and a denial needs no trust in the body.
            LogKeyUnavailable(_logger, Name, e.Message);
            return SafeDefaultOutcome;
        }

        _metrics.Verified.Add(1, _tags);
        var watch = Stopwatch.StartNew();
        object? answer;
        try
        {
            answer = await _handler(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            _metrics.HandlerDuration.Record(watch.Elapsed.TotalSeconds, _tags);
            _metrics.HandlerFailures.Add(1, _tags);
            LogHandlerFailed(_logger, e, Name);
            activity?.SetStatus(ActivityStatusCode.Error, "handler failed");
            return SafeDefaultOutcome;
        }

        _metrics.HandlerDuration.Record(watch.Elapsed.TotalSeconds, _tags);
        string? json;
        try
        {
            json = answer is null ? null : _settings.Serialize(answer);
        }
        catch (InvalidOperationException e)
        {
            // An incomplete answer (the BR code answers check their required fields).
            _metrics.HandlerFailures.Add(1, _tags);
            LogHandlerFailed(_logger, e, Name);
            return SafeDefaultOutcome;
        }

        if (json is null)
        {
            _metrics.HandlerFailures.Add(1, _tags);
            LogWrongAnswer(_logger, Name, answer?.GetType().Name ?? "null", _settings.ExpectedAnswer);
            return SafeDefaultOutcome;
        }

        return new Outcome(StatusCodes.Status200OK, json, false);
    }

    private Outcome SafeDefaultOutcome => new(_settings.SafeStatus, _settings.SafeJson, true);

    /// <summary>The answer as the API expects it: StarkSdk.Core's JSON settings, compact.</summary>
    internal static string Serialize(object answer)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var json = new JsonTextWriter(writer) { Formatting = Formatting.None })
        {
            StarkJson.Serializer.Serialize(json, answer);
        }

        return writer.ToString();
    }

    /// <summary>The handler goes on after the deadline answer; its failure is logged, never unobserved.</summary>
    private void ObserveLate(Task<Outcome> work) =>
        _ = work.ContinueWith(
            static (task, state) =>
            {
                var (logger, name) = ((ILogger, string))state!;
                if (task.Exception?.GetBaseException() is { } e and not OperationCanceledException)
                {
                    LogLateFailure(logger, e, name);
                }
            },
            (_logger, Name),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    private void Reject(Activity? activity, string reason, string message)
    {
        _metrics.Rejected.Add(1, new TagList { { "stark.api", "StarkInfra" }, { "stark.callback", Name }, { "stark.reason", reason } });
        activity?.SetStatus(ActivityStatusCode.Error, reason);
        LogRejected(_logger, Name, reason, message);
    }

    /// <summary>What to answer: a status and, for 200, the JSON decision.</summary>
    private readonly record struct Outcome(int Status, string? Json, bool IsSafeDefault);

    [LoggerMessage(11, LogLevel.Warning, "Rejected a Stark Infra {Callback} delivery ({Reason}): {Message}")]
    private static partial void LogRejected(ILogger logger, string callback, string reason, string message);

    [LoggerMessage(12, LogLevel.Warning, "Stark Infra {Callback}: the handler did not answer within {DeadlineMs} ms; answered the safe default")]
    private static partial void LogDeadlineMissed(ILogger logger, string callback, double deadlineMs);

    [LoggerMessage(13, LogLevel.Error, "Stark Infra {Callback}: the handler threw or answered incompletely; answered the safe default")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string callback);

    [LoggerMessage(14, LogLevel.Error, "Stark Infra {Callback}: the handler answered {Actual}, not {Expected}; answered the safe default")]
    private static partial void LogWrongAnswer(ILogger logger, string callback, string actual, string expected);

    [LoggerMessage(15, LogLevel.Error, "Stark Infra {Callback}: Stark Infra's public key is unavailable ({Message}); answered the safe default")]
    private static partial void LogKeyUnavailable(ILogger logger, string callback, string message);

    [LoggerMessage(16, LogLevel.Error, "Stark Infra {Callback}: the handler failed after the deadline answer")]
    private static partial void LogLateFailure(ILogger logger, Exception exception, string callback);
}
