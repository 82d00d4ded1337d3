using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StarkSdk.Core;

namespace StarkSdk.AspNetCore;

/// <summary>
/// Serves one webhook URL: reads the raw body, verifies and parses it with the API's generated <c>Events.ParseAsync</c>
/// (one client per endpoint, so its public key stays cached), claims the event id, runs the handlers and answers
/// 200 (handled or already handled), 400 (bad signature or body), 409 (the same event is being handled), 413 (too
/// large), 500 (a handler threw) or 503 (Stark's public key could not be fetched).
/// </summary>
internal sealed partial class WebhookEndpoint<TEvent>
    where TEvent : class
{
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, TEvent, CancellationToken, Task<bool>>[]> DiDispatch = new();

    private readonly string _api;
    private readonly Func<string, string?, CancellationToken, Task<TEvent>> _parse;
    private readonly Func<TEvent, string?> _idOf;
    private readonly WebhookEndpointSettings<TEvent> _settings;
    private readonly IStarkEventDeduplicator? _registeredDeduplicator;
    private readonly InMemoryStarkEventDeduplicator _defaultDeduplicator = new();
    private readonly StarkCallbackMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TagList _tags;

    public WebhookEndpoint(
        string api,
        Func<string, string?, CancellationToken, Task<TEvent>> parse,
        Func<TEvent, string?> idOf,
        WebhookEndpointSettings<TEvent> settings,
        IServiceProvider services)
    {
        _api = api;
        _parse = parse;
        _idOf = idOf;
        _settings = settings;
        _registeredDeduplicator = services.GetService<IStarkEventDeduplicator>();
        _metrics = StarkCallbackMetrics.For(services);
        _logger = (services.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger("StarkSdk.AspNetCore.Webhooks");
        _tags = new TagList { { "stark.api", api }, { "stark.callback", "Event" } };
    }

    private IStarkEventDeduplicator? Deduplicator => _settings.DeduplicatorSet ? _settings.Deduplicator : _registeredDeduplicator ?? _defaultDeduplicator;

    public async Task HandleAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        using var activity = StarkCallbackTelemetry.Source.StartActivity("Stark webhook " + _api);
        activity?.SetTag("stark.api", _api);
        activity?.SetTag("stark.callback", "Event");
        _metrics.Received.Add(1, _tags);

        var body = await RawBody.ReadAsync(context.Request, _settings.MaxBodyBytes, aborted).ConfigureAwait(false);
        if (body.Text is null)
        {
            Reject(activity, body.IsTooLarge ? "too-large" : "encoding", body.Problem!);
            context.Response.StatusCode = body.IsTooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            return;
        }

        TEvent stark;
        try
        {
            stark = await _parse(body.Text, context.Request.Headers["Digital-Signature"], aborted).ConfigureAwait(false);
        }
        catch (InvalidSignatureError e)
        {
            Reject(activity, "signature", e.Message);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        catch (StarkException e)
        {
            // Without Stark's public key nothing can be verified: a 5xx makes Stark deliver again later.
            LogKeyUnavailable(_logger, _api, e.Message);
            activity?.SetStatus(ActivityStatusCode.Error, "public key unavailable");
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        _metrics.Verified.Add(1, _tags);
        var id = _idOf(stark) ?? string.Empty;
        activity?.SetTag("stark.event.id", id);
        activity?.SetTag("stark.event.type", stark.GetType().Name);

        // An event always carries its id; one without (never seen from Stark) is handled but cannot be deduplicated.
        var deduplicator = Deduplicator;
        if (deduplicator is not null && id.Length > 0)
        {
            var claim = await deduplicator.TryClaimAsync(id, aborted).ConfigureAwait(false);
            if (claim != StarkEventClaim.Claimed)
            {
                _metrics.Duplicates.Add(1, _tags);
                LogDuplicate(_logger, _api, id, claim);
                activity?.SetTag("stark.event.duplicate", claim.ToString());
                context.Response.StatusCode = claim == StarkEventClaim.AlreadyHandled ? StatusCodes.Status200OK : StatusCodes.Status409Conflict;
                return;
            }
        }

        var watch = Stopwatch.StartNew();
        try
        {
            var handled = await RunHandlersAsync(context.RequestServices, stark, aborted).ConfigureAwait(false);
            if (!handled)
            {
                LogUnhandled(_logger, _api, id, stark.GetType().Name);
            }
        }
        catch (Exception e)
        {
            _metrics.HandlerDuration.Record(watch.Elapsed.TotalSeconds, _tags);
            _metrics.HandlerFailures.Add(1, _tags);
            LogHandlerFailed(_logger, e, _api, id, stark.GetType().Name);
            activity?.SetStatus(ActivityStatusCode.Error, "handler failed");
            if (deduplicator is not null && id.Length > 0)
            {
                await deduplicator.ReleaseAsync(id, CancellationToken.None).ConfigureAwait(false);
            }

            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        _metrics.HandlerDuration.Record(watch.Elapsed.TotalSeconds, _tags);
        if (deduplicator is not null && id.Length > 0)
        {
            await deduplicator.CompleteAsync(id, CancellationToken.None).ConfigureAwait(false);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>Runs the builder's handlers and the DI handlers that match the event's type, else the fallback; false when none ran.</summary>
    private async Task<bool> RunHandlersAsync(IServiceProvider services, TEvent stark, CancellationToken cancellationToken)
    {
        var ran = false;
        var type = stark.GetType();
        foreach (var registration in _settings.Handlers)
        {
            if (registration.EventType.IsAssignableFrom(type))
            {
                ran = true;
                await registration.Handler(stark, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var dispatch in DiDispatch.GetOrAdd(type, BuildDiDispatch))
        {
            ran |= await dispatch(services, stark, cancellationToken).ConfigureAwait(false);
        }

        if (!ran && _settings.Fallback is { } fallback)
        {
            ran = true;
            await fallback(stark, cancellationToken).ConfigureAwait(false);
        }

        return ran;
    }

    /// <summary>For each type from the event's own up to <typeparamref name="TEvent"/>: resolve and run its <see cref="IStarkEventHandler{TEvent}"/>s.</summary>
    private static Func<IServiceProvider, TEvent, CancellationToken, Task<bool>>[] BuildDiDispatch(Type type)
    {
        var list = new List<Func<IServiceProvider, TEvent, CancellationToken, Task<bool>>>();
        var method = typeof(WebhookEndpoint<TEvent>).GetMethod(nameof(RunDiHandlersAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
        for (var t = type; t is not null && typeof(TEvent).IsAssignableFrom(t); t = t.BaseType)
        {
            list.Add(method.MakeGenericMethod(t).CreateDelegate<Func<IServiceProvider, TEvent, CancellationToken, Task<bool>>>());
        }

        return [.. list];
    }

    private static async Task<bool> RunDiHandlersAsync<T>(IServiceProvider services, TEvent stark, CancellationToken cancellationToken)
    {
        var ran = false;
        foreach (var handler in services.GetServices<IStarkEventHandler<T>>())
        {
            ran = true;
            await handler.HandleAsync((T)(object)stark, cancellationToken).ConfigureAwait(false);
        }

        return ran;
    }

    private void Reject(Activity? activity, string reason, string message)
    {
        _metrics.Rejected.Add(1, new TagList { { "stark.api", _api }, { "stark.callback", "Event" }, { "stark.reason", reason } });
        activity?.SetStatus(ActivityStatusCode.Error, reason);
        // The reason only: the body is never logged (it may hold personal and banking data).
        LogRejected(_logger, _api, reason, message);
    }

    [LoggerMessage(1, LogLevel.Warning, "Rejected a {Api} webhook delivery ({Reason}): {Message}")]
    private static partial void LogRejected(ILogger logger, string api, string reason, string message);

    [LoggerMessage(2, LogLevel.Error, "Could not verify a {Api} webhook delivery: Stark's public key is unavailable ({Message}); answered 503 so it is delivered again")]
    private static partial void LogKeyUnavailable(ILogger logger, string api, string message);

    [LoggerMessage(3, LogLevel.Information, "{Api} event {EventId} delivered again ({Claim}); its handlers did not run again")]
    private static partial void LogDuplicate(ILogger logger, string api, string eventId, StarkEventClaim claim);

    [LoggerMessage(4, LogLevel.Error, "A handler of {Api} event {EventId} ({EventType}) threw; answered 500 so it is delivered again")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string api, string eventId, string eventType);

    [LoggerMessage(5, LogLevel.Information, "No handler for {Api} event {EventId} ({EventType}); acknowledged")]
    private static partial void LogUnhandled(ILogger logger, string api, string eventId, string eventType);
}
