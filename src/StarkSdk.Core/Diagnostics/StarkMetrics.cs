using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace StarkSdk.Core;

/// <summary>The instruments of the runtime's meter: one set per <see cref="IMeterFactory"/> (the host's), or a process-wide one.</summary>
internal sealed class StarkMetrics
{
    private static readonly ConditionalWeakTable<IMeterFactory, StarkMetrics> PerFactory = new ConditionalWeakTable<IMeterFactory, StarkMetrics>();
    private static readonly StarkMetrics Shared = new StarkMetrics(new Meter(StarkDiagnostics.SourceName, StarkDiagnostics.RuntimeVersion));

    private StarkMetrics(Meter meter)
    {
        RequestDuration = meter.CreateHistogram<double>(StarkMetricNames.RequestDuration, "s", "Duration of HTTP client requests.");
        Retries = meter.CreateCounter<long>(StarkMetricNames.Retries, "{retry}", "Retries of Stark API calls after a transient failure.");
        SignatureDuration = meter.CreateHistogram<double>(StarkMetricNames.SignatureDuration, "s", "Time to sign one Stark API request.");
    }

    internal Histogram<double> RequestDuration { get; }

    internal Counter<long> Retries { get; }

    internal Histogram<double> SignatureDuration { get; }

    internal static StarkMetrics For(IMeterFactory? factory) =>
        factory is null ? Shared : PerFactory.GetValue(factory, static f => new StarkMetrics(f.Create(new MeterOptions(StarkDiagnostics.SourceName) { Version = StarkDiagnostics.RuntimeVersion })));
}
