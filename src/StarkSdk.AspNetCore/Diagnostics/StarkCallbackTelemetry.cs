using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;

namespace StarkSdk.AspNetCore;

/// <summary>
/// The names under which the Stark endpoints report: one <see cref="Activity"/> per delivery from the
/// <see cref="ActivitySourceName"/> source, and metrics on the <see cref="MeterName"/> meter (created through the host's
/// <see cref="IMeterFactory"/>). Add both to your OpenTelemetry setup (<c>AddSource</c>, <c>AddMeter</c>).
/// </summary>
/// <remarks>
/// Instruments: <c>stark.callback.received</c>, <c>stark.callback.verified</c>, <c>stark.callback.rejected</c> (tag
/// <c>stark.reason</c>), <c>stark.callback.duplicates</c>, <c>stark.callback.handler.failures</c>,
/// <c>stark.callback.deadline.misses</c> (counters) and <c>stark.callback.handler.duration</c> (histogram, seconds); each
/// carries <c>stark.callback</c>, the callback's name (<c>Event</c>, <c>PixRequestAuthorization</c>, ...), and
/// <c>stark.api</c> (<c>StarkBank</c> or <c>StarkInfra</c>).
/// </remarks>
public static class StarkCallbackTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and of the meter: <c>StarkSdk.AspNetCore</c>.</summary>
    public const string ActivitySourceName = "StarkSdk.AspNetCore";

    /// <summary>The name of the meter: <c>StarkSdk.AspNetCore</c>.</summary>
    public const string MeterName = "StarkSdk.AspNetCore";

    internal static ActivitySource Source { get; } = new(ActivitySourceName);
}

/// <summary>The instruments, one set per meter factory (the host's, normally one per application).</summary>
internal sealed class StarkCallbackMetrics
{
    private static readonly ConditionalWeakTable<IMeterFactory, StarkCallbackMetrics> ByFactory = new();
    private static readonly Lazy<StarkCallbackMetrics> WithoutFactory = new(() => new StarkCallbackMetrics(new Meter(StarkCallbackTelemetry.MeterName)));

    private StarkCallbackMetrics(Meter meter)
    {
        Received = meter.CreateCounter<long>("stark.callback.received", "{delivery}", "Deliveries received from Stark (webhook events and authorization callbacks).");
        Verified = meter.CreateCounter<long>("stark.callback.verified", "{delivery}", "Deliveries whose Digital-Signature checked out.");
        Rejected = meter.CreateCounter<long>("stark.callback.rejected", "{delivery}", "Deliveries refused before any handler ran (bad signature, unreadable body).");
        Duplicates = meter.CreateCounter<long>("stark.callback.duplicates", "{delivery}", "Redeliveries of an event already handled, acknowledged without running the handlers.");
        HandlerFailures = meter.CreateCounter<long>("stark.callback.handler.failures", "{delivery}", "Deliveries whose handler threw.");
        DeadlineMisses = meter.CreateCounter<long>("stark.callback.deadline.misses", "{delivery}", "Authorizations answered with the safe default because the handler missed the deadline.");
        HandlerDuration = meter.CreateHistogram<double>("stark.callback.handler.duration", "s", "Time spent in the handlers of a delivery.");
    }

    public Counter<long> Received { get; }

    public Counter<long> Verified { get; }

    public Counter<long> Rejected { get; }

    public Counter<long> Duplicates { get; }

    public Counter<long> HandlerFailures { get; }

    public Counter<long> DeadlineMisses { get; }

    public Histogram<double> HandlerDuration { get; }

    public static StarkCallbackMetrics For(IServiceProvider services)
    {
        var factory = services.GetService<IMeterFactory>();
        return factory is null
            ? WithoutFactory.Value
            : ByFactory.GetValue(factory, static f => new StarkCallbackMetrics(f.Create(StarkCallbackTelemetry.MeterName)));
    }
}
