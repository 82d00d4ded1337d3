using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace StarkSdk.Core;

/// <summary>What the response body becomes once an attempt succeeds.</summary>
internal enum ResponseKind
{
    /// <summary>JSON, read whole inside the attempt.</summary>
    Json,

    /// <summary>Binary (PDF, PNG), read whole inside the attempt.</summary>
    Bytes,

    /// <summary>Binary, handed over as a stream: the attempt ends with the headers, so a cut while reading it is the caller's.</summary>
    Stream,
}

/// <summary>
/// One API call travelling through the policies: what the call asks for, what request building resolved, and the current
/// attempt's signed request and response. All state lives here, so the policies stay stateless and shared.
/// </summary>
internal sealed class StarkMessage : IDisposable
{
    internal StarkMessage(ApiRequest request, RequestOptions? options, ResponseKind kind, CancellationToken cancellationToken)
    {
        Request = request;
        Options = options;
        Kind = kind;
        CancellationToken = cancellationToken;
    }

    internal ApiRequest Request { get; }

    internal RequestOptions? Options { get; }

    internal ResponseKind Kind { get; }

    /// <summary>The token of the current scope: the call's deadline, then inside retry the attempt's own timeout.</summary>
    internal CancellationToken CancellationToken { get; set; }

    // Resolved once by RequestBuildingPolicy, the same for every attempt.
    internal User User { get; set; } = null!;

    internal string? Language { get; set; }

    internal Uri Uri { get; set; } = null!;

    internal string Method => Request.Method.Method;

    internal string Path { get; set; } = string.Empty;

    /// <summary>The serialized body: the exact bytes signed and sent on every attempt; null sends none.</summary>
    internal byte[]? Body { get; set; }

    internal RetryOptions Retry { get; set; } = null!;

    internal TimeSpan AttemptTimeout { get; set; }

    internal TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    // The current attempt.
    internal int Attempt { get; set; }

    /// <summary>Set only by <see cref="SigningPolicy"/>; the transport sends nothing else.</summary>
    internal SigningPolicy.SignedRequest? Signed { get; set; }

    internal HttpResponseMessage? Response { get; set; }

    /// <summary>The whole body of <see cref="Response"/>, read inside the attempt (null for <see cref="ResponseKind.Stream"/>).</summary>
    internal PooledBody? ResponseBody { get; set; }

    /// <summary>Reads the result from a 2xx response, inside the attempt.</summary>
    internal Func<StarkMessage, Task<object?>>? Reader { get; set; }

    internal object? Result { get; set; }

    internal bool HasResult { get; set; }

    internal int StatusCode => Response is null ? 0 : (int)Response.StatusCode;

    /// <summary>Hands the response over to the caller (a stream): disposing the message no longer closes it.</summary>
    internal HttpResponseMessage DetachResponse()
    {
        var response = Response ?? throw new InvalidOperationException("No response to detach.");
        Response = null;
        return response;
    }

    /// <summary>Releases the failed attempt's request and response before the next one.</summary>
    internal void ResetAttempt()
    {
        Result = null;
        HasResult = false;
        ResponseBody?.Dispose();
        ResponseBody = null;
        Response?.Dispose();
        Response = null;
        Signed?.Dispose();
        Signed = null;
    }

    public void Dispose() => ResetAttempt();
}
