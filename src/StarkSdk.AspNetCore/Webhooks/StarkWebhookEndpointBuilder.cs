using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;

namespace StarkSdk.AspNetCore;

/// <summary>
/// A mapped Stark webhook endpoint: add typed handlers with <see cref="On{T}(Func{T, CancellationToken, Task})"/>, a
/// fallback with <see cref="OnOther(Func{TEvent, CancellationToken, Task})"/>, and any endpoint convention
/// (authorization policies, host filters, rate limiting) as on any other endpoint.
/// </summary>
/// <typeparam name="TEvent">The API's event type (<c>StarkSdk.Bank.Event</c> or <c>StarkSdk.Infra.Event</c>).</typeparam>
public sealed class StarkWebhookEndpointBuilder<TEvent> : IEndpointConventionBuilder
    where TEvent : class
{
    private readonly IEndpointConventionBuilder _inner;

    internal StarkWebhookEndpointBuilder(IEndpointConventionBuilder inner, WebhookEndpointSettings<TEvent> settings)
    {
        _inner = inner;
        Settings = settings;
    }

    internal WebhookEndpointSettings<TEvent> Settings { get; }

    /// <summary>
    /// Runs <paramref name="handler"/> for each verified event of type <typeparamref name="T"/> (or derived from it), for
    /// example <c>.On&lt;InvoiceEvent&gt;((e, ct) =&gt; ...)</c>. Every matching handler runs, in the order added; the
    /// delivery is answered 200 only when they all succeed, and 500 (so Stark delivers it again) when one throws.
    /// </summary>
    /// <typeparam name="T">The event type, e.g. <c>InvoiceEvent</c> or <c>TransferEvent</c>.</typeparam>
    /// <param name="handler">Handles the event; its token fires when the request is aborted.</param>
    /// <returns>This builder.</returns>
    public StarkWebhookEndpointBuilder<TEvent> On<T>(Func<T, CancellationToken, Task> handler)
        where T : TEvent
    {
        ArgumentNullException.ThrowIfNull(handler);
        Settings.Add(new EventHandlerRegistration<TEvent>(typeof(T), (e, ct) => handler((T)e, ct)));
        return this;
    }

    /// <summary>Runs a synchronous <paramref name="handler"/> for each verified event of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <param name="handler">Handles the event.</param>
    /// <returns>This builder.</returns>
    public StarkWebhookEndpointBuilder<TEvent> On<T>(Action<T, CancellationToken> handler)
        where T : TEvent
    {
        ArgumentNullException.ThrowIfNull(handler);
        return On<T>((e, ct) =>
        {
            handler(e, ct);
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Runs <paramref name="handler"/> for the events no other handler took: subscriptions without a handler, and
    /// subscriptions newer than this SDK (a plain <typeparamref name="TEvent"/>, its fields kept in <c>AdditionalData</c>).
    /// Without a fallback such events are acknowledged (200) and logged.
    /// </summary>
    /// <param name="handler">Handles the event.</param>
    /// <returns>This builder.</returns>
    public StarkWebhookEndpointBuilder<TEvent> OnOther(Func<TEvent, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Settings.Fallback = handler;
        return this;
    }

    /// <summary>Uses <paramref name="deduplicator"/> instead of the registered one (or the in-memory default); null turns deduplication off.</summary>
    /// <param name="deduplicator">The deduplicator, or null to run the handlers for every delivery.</param>
    /// <returns>This builder.</returns>
    public StarkWebhookEndpointBuilder<TEvent> WithDeduplicator(IStarkEventDeduplicator? deduplicator)
    {
        Settings.Deduplicator = deduplicator;
        Settings.DeduplicatorSet = true;
        return this;
    }

    /// <summary>The largest body accepted, in bytes (default 1 MiB); larger deliveries get 413.</summary>
    /// <param name="bytes">The limit.</param>
    /// <returns>This builder.</returns>
    public StarkWebhookEndpointBuilder<TEvent> WithMaxBodySize(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 1);
        Settings.MaxBodyBytes = bytes;
        return this;
    }

    /// <inheritdoc/>
    public void Add(Action<EndpointBuilder> convention) => _inner.Add(convention);

    /// <inheritdoc/>
    public void Finally(Action<EndpointBuilder> finallyConvention) => _inner.Finally(finallyConvention);
}

/// <summary>A handler added with <c>On&lt;T&gt;</c>.</summary>
internal sealed record EventHandlerRegistration<TEvent>(Type EventType, Func<TEvent, CancellationToken, Task> Handler);

/// <summary>What a webhook endpoint was configured with; read on each request (handlers may be added after mapping).</summary>
internal sealed class WebhookEndpointSettings<TEvent>
{
    private readonly object _gate = new();
    private volatile EventHandlerRegistration<TEvent>[] _handlers = [];

    public IReadOnlyList<EventHandlerRegistration<TEvent>> Handlers => _handlers;

    public Func<TEvent, CancellationToken, Task>? Fallback { get; set; }

    public IStarkEventDeduplicator? Deduplicator { get; set; }

    public bool DeduplicatorSet { get; set; }

    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    public void Add(EventHandlerRegistration<TEvent> registration)
    {
        lock (_gate)
        {
            _handlers = [.. _handlers, registration];
        }
    }
}
