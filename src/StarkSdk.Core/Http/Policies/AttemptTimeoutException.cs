using System;

namespace StarkSdk.Core;

/// <summary>One attempt exceeded <see cref="StarkClientOptions.AttemptTimeout"/> (the call's deadline had not passed).</summary>
internal sealed class AttemptTimeoutException : TimeoutException
{
    internal AttemptTimeoutException(TimeSpan timeout, Exception inner)
        : base($"The attempt timed out after {timeout.TotalSeconds:0.###} s.", inner)
    {
        Timeout = timeout;
    }

    internal TimeSpan Timeout { get; }
}
