using Microsoft.Extensions.Logging;

namespace StarkSdk.Core;

/// <summary>The <see cref="EventId"/>s of the runtime's log lines (category <see cref="StarkDiagnostics.SourceName"/>), for filters and alerts.</summary>
public static class StarkLogEvents
{
    /// <summary>A call completed with a 2xx response (Debug).</summary>
    public static readonly EventId RequestSucceeded = new EventId(1001, nameof(RequestSucceeded));

    /// <summary>A call failed: an error response, a transport failure or a timeout (Warning).</summary>
    public static readonly EventId RequestFailed = new EventId(1002, nameof(RequestFailed));

    /// <summary>The caller cancelled a call (Debug).</summary>
    public static readonly EventId RequestCancelled = new EventId(1003, nameof(RequestCancelled));

    /// <summary>A safe call failed transiently and will be retried (Warning).</summary>
    public static readonly EventId RetryScheduled = new EventId(1004, nameof(RetryScheduled));

    /// <summary>One attempt ended, with its status or error (Trace).</summary>
    public static readonly EventId AttemptCompleted = new EventId(1005, nameof(AttemptCompleted));
}
