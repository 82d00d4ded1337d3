using System.Diagnostics;
using System.Reflection;

namespace StarkSdk.Core;

/// <summary>Tracing, metrics and logging names of the runtime.</summary>
public static class StarkDiagnostics
{
    /// <summary>
    /// The name of the <see cref="ActivitySource"/> (one span per API call), of the <see cref="System.Diagnostics.Metrics.Meter"/>
    /// (see <see cref="StarkMetricNames"/>) and of the log category.
    /// </summary>
    public const string SourceName = "StarkSdk.Core";

    /// <summary>The source of the per-call spans, tagged <c>http.request.method</c>, <c>url.path</c> and <c>http.response.status_code</c>.</summary>
    public static readonly ActivitySource ActivitySource = new ActivitySource(SourceName, RuntimeVersion);

    internal static string RuntimeVersion => typeof(StarkDiagnostics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "0.0.0";
}
