using System;

namespace StarkSdk.Core;

/// <summary>
/// Any other failure of an API call: an unexpected status, a body that is not the expected JSON, a transport failure or a timeout.
/// <see cref="StarkException.StatusCode"/> is 0 when no response was received.
/// </summary>
public sealed class UnknownError : StarkException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The full message.</param>
    /// <param name="statusCode">The HTTP status, or 0.</param>
    /// <param name="method">The request's HTTP method.</param>
    /// <param name="path">The request's path.</param>
    /// <param name="rawBody">The raw response body, if any.</param>
    /// <param name="innerException">The cause, if any.</param>
    public UnknownError(string message, int statusCode, string? method, string? path, string? rawBody, Exception? innerException = null)
        : base(message, statusCode, method, path, rawBody, innerException)
    {
    }
}
