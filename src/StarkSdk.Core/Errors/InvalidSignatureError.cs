namespace StarkSdk.Core;

/// <summary>A webhook or signed callback did not check out against the API's public key (tampered, wrong, empty or malformed).</summary>
public sealed class InvalidSignatureError : StarkException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the check failed; never the signature itself.</param>
    public InvalidSignatureError(string message)
        : base(message, 0, null, null, null)
    {
    }
}
