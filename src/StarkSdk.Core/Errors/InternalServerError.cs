namespace StarkSdk.Core;

/// <summary>The API failed on its side (HTTP 500). Safe to report; reads may be retried.</summary>
public sealed class InternalServerError : StarkException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="method">The request's HTTP method.</param>
    /// <param name="path">The request's path.</param>
    /// <param name="rawBody">The raw response body.</param>
    /// <param name="statusCode">The HTTP status (500).</param>
    public InternalServerError(string? method, string? path, string? rawBody, int statusCode = 500)
        : base(ErrorText.Describe(method, path, statusCode, "internal server error" + ErrorText.BodySuffix(rawBody)), statusCode, method, path, rawBody)
    {
    }
}
