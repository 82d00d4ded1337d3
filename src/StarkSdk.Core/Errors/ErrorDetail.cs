namespace StarkSdk.Core;

/// <summary>One input error reported by the API: a machine-readable code and a human message.</summary>
public sealed class ErrorDetail
{
    /// <summary>Creates the detail.</summary>
    /// <param name="code">The error code, e.g. <c>invalidAmount</c>.</param>
    /// <param name="message">The message, in the request's language.</param>
    public ErrorDetail(string code, string message)
    {
        Code = code ?? string.Empty;
        Message = message ?? string.Empty;
    }

    /// <summary>The error code, e.g. <c>invalidAmount</c>.</summary>
    public string Code { get; }

    /// <summary>The human-readable message.</summary>
    public string Message { get; }

    /// <summary>Formats as <c>code: message</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Code + ": " + Message;
}
