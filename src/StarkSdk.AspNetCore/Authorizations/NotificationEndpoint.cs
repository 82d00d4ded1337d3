using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StarkSdk.Core;
using StarkSdk.Infra;

namespace StarkSdk.AspNetCore;

/// <summary>
/// Serves a Stark Infra callback that expects no decision (the card token activation notice): verifies and parses the raw
/// body, runs the handler, and answers 200 once it succeeds, 400 for a bad signature and 500 when it throws.
/// </summary>
internal sealed partial class NotificationEndpoint
{
    private readonly StarkInfraCallback _callback;
    private readonly ClientSource<StarkInfraClient> _client;
    private readonly Func<object, CancellationToken, Task> _handler;
    private readonly StarkCallbackMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TagList _tags;

    public NotificationEndpoint(StarkInfraCallback callback, ClientSource<StarkInfraClient> client, Func<object, CancellationToken, Task> handler, IServiceProvider services)
    {
        _callback = callback;
        _client = client;
        _handler = handler;
        _metrics = StarkCallbackMetrics.For(services);
        _logger = (services.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger("StarkSdk.AspNetCore.Authorizations");
        _tags = new TagList { { "stark.api", "StarkInfra" }, { "stark.callback", callback.Name } };
    }

    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        using var activity = StarkCallbackTelemetry.Source.StartActivity("Stark callback " + _callback.Name);
        activity?.SetTag("stark.api", "StarkInfra");
        activity?.SetTag("stark.callback", _callback.Name);
        _metrics.Received.Add(1, _tags);
        var body = await RawBody.ReadAsync(context.Request, MaxBodyBytes, aborted).ConfigureAwait(false);
        if (body.Text is null)
        {
            Reject(activity, body.IsTooLarge ? "too-large" : "encoding", body.Problem!);
            context.Response.StatusCode = body.IsTooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            return;
        }

        object notice;
        try
        {
            notice = await _callback.ParseAsync(_client.Get(), body.Text, context.Request.Headers["Digital-Signature"], aborted).ConfigureAwait(false);
        }
        catch (InvalidSignatureError e)
        {
            Reject(activity, "signature", e.Message);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        catch (StarkException e)
        {
            LogKeyUnavailable(_logger, _callback.Name, e.Message);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        _metrics.Verified.Add(1, _tags);
        var watch = Stopwatch.StartNew();
        try
        {
            await _handler(notice, aborted).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _metrics.HandlerDuration.Record(watch.Elapsed.TotalSeconds, _tags);
            _metrics.HandlerFailures.Add(1, _tags);
            LogHandlerFailed(_logger, e, _callback.Name);
            activity?.SetStatus(ActivityStatusCode.Error, "handler failed");
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        _metrics.HandlerDuration.Record(watch.Elapsed.TotalSeconds, _tags);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private void Reject(Activity? activity, string reason, string message)
    {
        _metrics.Rejected.Add(1, new TagList { { "stark.api", "StarkInfra" }, { "stark.callback", _callback.Name }, { "stark.reason", reason } });
        activity?.SetStatus(ActivityStatusCode.Error, reason);
        LogRejected(_logger, _callback.Name, reason, message);
    }

    [LoggerMessage(21, LogLevel.Warning, "Rejected a Stark Infra {Callback} delivery ({Reason}): {Message}")]
    private static partial void LogRejected(ILogger logger, string callback, string reason, string message);

    [LoggerMessage(22, LogLevel.Error, "Stark Infra {Callback}: the handler threw; answered 500")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string callback);

    [LoggerMessage(23, LogLevel.Error, "Stark Infra {Callback}: Stark Infra's public key is unavailable ({Message}); answered 503")]
    private static partial void LogKeyUnavailable(ILogger logger, string callback, string message);
}
