namespace StarkSdk.Core;

/// <summary>
/// The instruments of the <c>StarkSdk.Core</c> meter. <see cref="RequestDuration"/> follows the OpenTelemetry HTTP client
/// semantic conventions (one measurement per attempt, in seconds, tagged <c>http.request.method</c>, <c>server.address</c>,
/// <c>server.port</c>, <c>http.response.status_code</c>, <c>error.type</c>); the others carry the same method tag.
/// </summary>
public static class StarkMetricNames
{
    /// <summary>Duration of one HTTP attempt, body read included (histogram, seconds).</summary>
    public const string RequestDuration = "http.client.request.duration";

    /// <summary>Retries scheduled after a transient failure (counter).</summary>
    public const string Retries = "stark.client.request.retries";

    /// <summary>Time spent computing one request signature (histogram, seconds).</summary>
    public const string SignatureDuration = "stark.client.signature.duration";
}
