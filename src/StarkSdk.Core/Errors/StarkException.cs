using System;

namespace StarkSdk.Core;

/// <summary>
/// Base of every error the Stark SDKs raise for an API call or a signature check. Carries what a log line needs;
/// never key material or signatures.
/// </summary>
public abstract class StarkException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">A one-line description, e.g. <c>POST /v2/invoice → 400: invalidAmount: ...</c>.</param>
    /// <param name="statusCode">The HTTP status, or 0 when there was no response.</param>
    /// <param name="method">The request's HTTP method, or null when there was no request.</param>
    /// <param name="path">The request's path (no host, no query), or null.</param>
    /// <param name="rawBody">The response body as received, or null.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected StarkException(string message, int statusCode, string? method, string? path, string? rawBody, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Method = method;
        Path = path;
        RawBody = rawBody;
    }

    /// <summary>The HTTP status code, or 0 when no response was received (transport failure, timeout, signature check).</summary>
    public int StatusCode { get; }

    /// <summary>The HTTP method of the failed request, e.g. <c>POST</c>.</summary>
    public string? Method { get; }

    /// <summary>The path of the failed request, e.g. <c>/v2/invoice</c>.</summary>
    public string? Path { get; }

    /// <summary>The raw response body, when one was received.</summary>
    public string? RawBody { get; }

    /// <summary>
    /// When an auto-paging listing (<c>QueryAsync</c>) stopped on a page that still failed after its retries: the cursor of that
    /// page, to pass as the <c>cursor</c> of <c>PageAsync</c> or of a new listing, which then continues exactly where this one
    /// stopped (no item repeated, none skipped). Null when the failed page was the first one, or the error is not a listing's.
    /// </summary>
    public string? ResumeCursor { get; internal set; }
}
