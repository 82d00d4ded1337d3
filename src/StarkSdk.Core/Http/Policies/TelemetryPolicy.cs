using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace StarkSdk.Core;

/// <summary>Measures every attempt — sending and reading the body — as <c>http.client.request.duration</c>, with a trace log line.</summary>
internal sealed class TelemetryPolicy : PipelinePolicy
{
    private readonly StarkTelemetry _telemetry;

    internal TelemetryPolicy(StarkTelemetry telemetry) => _telemetry = telemetry;

    internal override async Task ProcessAsync(StarkMessage message, PolicyChain next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next.ProcessNextAsync(message).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _telemetry.AttemptCompleted(message, Stopwatch.GetTimestamp() - started, ex);
            throw;
        }

        _telemetry.AttemptCompleted(message, Stopwatch.GetTimestamp() - started, null);
    }
}
