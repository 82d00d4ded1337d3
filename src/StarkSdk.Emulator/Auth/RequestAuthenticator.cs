using System;
using System.Globalization;
using System.Text;
using StarkSdk.Emulator.Engine;
using StarkSdk.Emulator.Http;

namespace StarkSdk.Emulator.Auth;

/// <summary>
/// Checks a request's Access-Id, Access-Time and Access-Signature: the signature is ECDSA secp256k1/SHA-256 over
/// <c>accessId:accessTime:</c> followed by the body bytes exactly as received (empty for GET and DELETE), verified with
/// the key registered for the access id: a body is never re-decoded before its signature is checked.
/// Errors (HTTP 400, as every input error of the API): <c>invalidAccessId</c> (missing, malformed or unknown),
/// <c>invalidAccessTime</c> (missing, not Unix seconds, or too far from now) and <c>invalidSignature</c>
/// (missing, or it does not verify).
/// </summary>
public sealed class RequestAuthenticator
{
    private readonly KeyRegistry _keys;
    private readonly Func<DateTimeOffset> _now;
    private readonly TimeSpan _maxSkew;

    /// <summary>Creates an authenticator.</summary>
    public RequestAuthenticator(KeyRegistry keys, Func<DateTimeOffset> now, TimeSpan maxSkew)
    {
        _keys = keys;
        _now = now;
        _maxSkew = maxSkew;
    }

    /// <summary>Returns null when the request is authentic, else the error to answer (the body is signed as its UTF-8 bytes).</summary>
    public ApiError? Check(string? accessId, string? accessTime, string? signature, string body) =>
        Check(accessId, accessTime, signature, Encoding.UTF8.GetBytes(body ?? ""));

    /// <summary>Returns null when the request is authentic, else the error to answer.</summary>
    /// <param name="accessId">The Access-Id header.</param>
    /// <param name="accessTime">The Access-Time header.</param>
    /// <param name="signature">The Access-Signature header.</param>
    /// <param name="body">The body bytes exactly as received.</param>
    public ApiError? Check(string? accessId, string? accessTime, string? signature, byte[] body)
    {
        if (string.IsNullOrWhiteSpace(accessId))
            return new ApiError("invalidAccessId", "The Access-Id header is missing.");
        if (!KeyRegistry.IsAccessId(accessId))
            return new ApiError("invalidAccessId", $"The Access-Id '{accessId}' is not valid: use project/{{id}}, organization/{{id}} or organization/{{id}}/workspace/{{workspaceId}}.");
        var key = _keys.Find(accessId);
        if (key == null)
            return new ApiError("invalidAccessId", $"No public key is registered for the Access-Id '{accessId}'.");
        if (string.IsNullOrWhiteSpace(accessTime))
            return new ApiError("invalidAccessTime", "The Access-Time header is missing.");
        if (!double.TryParse(accessTime, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || double.IsNaN(seconds) || double.IsInfinity(seconds))
            return new ApiError("invalidAccessTime", $"The Access-Time '{accessTime}' is not a Unix time in seconds.");
        var skew = Math.Abs(_now().ToUnixTimeMilliseconds() / 1000.0 - seconds);
        if (skew > _maxSkew.TotalSeconds)
            return new ApiError("invalidAccessTime", $"The Access-Time is {skew:0} seconds away from the server's time; the limit is {_maxSkew.TotalSeconds:0}. Check the clock.");
        if (string.IsNullOrWhiteSpace(signature))
            return new ApiError("invalidSignature", "The Access-Signature header is missing.");
        if (!key.Verify(RequestBody.SignedMessage(accessId, accessTime, body ?? Array.Empty<byte>()), signature))
            return new ApiError("invalidSignature", "The Access-Signature does not match the request: sign accessId:accessTime: followed by the exact body bytes with the private key of the registered public key.");
        return null;
    }
}
