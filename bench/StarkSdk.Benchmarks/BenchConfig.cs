using System;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace StarkSdk.Benchmarks;

/// <summary>Where the run writes: BenchmarkDotNet's own artifacts go to raw/ under the results folder (gitignored).</summary>
internal static class BenchPaths
{
    /// <summary>Set by the host process for the benchmark processes it starts (they inherit its environment).</summary>
    internal const string RawVariable = "STARK_BENCH_RAW";

    internal static string? Raw => Environment.GetEnvironmentVariable(RawVariable);
}

/// <summary>The suite's configuration: BenchmarkDotNet's defaults, with only the GitHub Markdown and CSV exporters.</summary>
internal static class BenchConfig
{
    internal static IConfig Create(string artifactsPath)
    {
        var defaults = DefaultConfig.Instance;
        return ManualConfig.CreateEmpty()
            .AddColumnProvider(defaults.GetColumnProviders().ToArray())
            .AddLogger(defaults.GetLoggers().ToArray())
            .AddAnalyser(defaults.GetAnalysers().ToArray())
            .AddValidator(defaults.GetValidators().ToArray())
            .AddExporter(MarkdownExporter.GitHub, CsvExporter.Default)
            .WithOptions(defaults.Options)
            // Building the benchmark process can take minutes on a loaded 2-core machine; BenchmarkDotNet's default is 2.
            .WithBuildTimeout(TimeSpan.FromMinutes(15))
            .WithArtifactsPath(artifactsPath);
    }
}

/// <summary>
/// A short job so the whole suite fits in about ten minutes on 2 cores: 3 warm-up and 10 measured iterations, one launch.
/// <c>oneCore</c> pins the benchmark process to CPU 0 (affinity mask 1), for "per core" figures.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class StarkJobAttribute : JobConfigBaseAttribute
{
    public StarkJobAttribute(bool oneCore = false)
        : base(Create(oneCore))
    {
    }

    private static Job Create(bool oneCore)
    {
        var job = Job.Default.WithWarmupCount(3).WithIterationCount(10).WithLaunchCount(1);
        return oneCore ? job.WithAffinity((IntPtr)1).WithId("OneCore") : job.WithId("Short");
    }
}

/// <summary>Units per second from the mean time of an operation that handles <c>unitsPerOp</c> units (items/s, events/s).</summary>
internal sealed class PerSecondColumn(string name, Func<BenchmarkCase, double> unitsPerOp) : IColumn
{
    public string Id => nameof(PerSecondColumn) + "." + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"{name}: units handled per second of mean time (units per operation / mean)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var perSecond = Results.PerSecond(summary, benchmarkCase, unitsPerOp(benchmarkCase));
        return perSecond is null ? "-" : perSecond.Value.ToString("N0", CultureInfo.InvariantCulture);
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}

/// <summary>Bytes allocated per unit handled (B/item).</summary>
internal sealed class BytesPerUnitColumn(string name, Func<BenchmarkCase, double> unitsPerOp) : IColumn
{
    public string Id => nameof(BytesPerUnitColumn) + "." + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"{name}: bytes allocated per operation / units per operation";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var bytes = Results.AllocatedPerOp(summary, benchmarkCase);
        return bytes is null ? "-" : (bytes.Value / unitsPerOp(benchmarkCase)).ToString("N0", CultureInfo.InvariantCulture);
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}

/// <summary>The peak live heap sampled in the paging set-up (see PagingBenchmarks), read from raw/.</summary>
internal sealed class PeakLiveHeapColumn : IColumn
{
    public string Id => nameof(PeakLiveHeapColumn);

    public string ColumnName => "Peak live heap";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 2;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Peak live heap: largest GC.GetTotalMemory(true) of the benchmark process, sampled mid-page during one SDK listing";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (benchmarkCase.Descriptor.WorkloadMethod.Name != nameof(PagingBenchmarks.ListSdk))
        {
            return "-";
        }

        var peak = Results.PagingPeak((int)benchmarkCase.Parameters["Items"]);
        return peak is null ? "?" : (peak.Value / (1024.0 * 1024.0)).ToString("N2", CultureInfo.InvariantCulture) + " MB";
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}

/// <summary>Paging columns: items/s, B/item, peak live heap.</summary>
public sealed class PagingColumnsConfig : ManualConfig
{
    public PagingColumnsConfig()
    {
        static double Items(BenchmarkCase c) => (int)c.Parameters["Items"];
        AddColumn(new PerSecondColumn("Items/s", Items), new BytesPerUnitColumn("B/item", Items), new PeakLiveHeapColumn());
    }
}

/// <summary>Webhook columns: events/s.</summary>
public sealed class EventsColumnsConfig : ManualConfig
{
    public EventsColumnsConfig()
    {
        AddColumn(new PerSecondColumn("Events/s", _ => 1));
    }
}
