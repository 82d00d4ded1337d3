using System.Diagnostics;
using System.Reflection;

namespace StarkSdk.Core;

/// <summary>Tracing and logging names of the runtime.</summary>
public static class StarkDiagnostics
{
    /// <summary>The name of the <see cref="ActivitySource"/> (one span per API call) and of the log category.</summary>
    public const string SourceName = "StarkSdk.Core";

    /// <summary>The source of the per-request spans, tagged <c>http.method</c>, <c>url.path</c> and <c>http.status_code</c>.</summary>
    public static readonly ActivitySource ActivitySource = new ActivitySource(SourceName, RuntimeVersion);

    internal static string RuntimeVersion => typeof(StarkDiagnostics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "0.0.0";
}
