using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace StarkSdk.Emulator.Engine;

/// <summary>Thrown by the engine or a behaviour to answer with the API's error envelope (HTTP 400 unless said otherwise).</summary>
public sealed class ApiException : Exception
{
    /// <summary>Creates the exception from one or more errors.</summary>
    public ApiException(IEnumerable<ApiError> errors, int statusCode = 400)
        : base(string.Join("; ", (errors ?? throw new ArgumentNullException(nameof(errors))).Select(e => e.Code + ": " + e.Message)))
    {
        Errors = errors.ToList();
        StatusCode = statusCode;
    }

    /// <summary>Creates the exception from a single error.</summary>
    public ApiException(string code, string message, int statusCode = 400)
        : this(new[] { new ApiError(code, message) }, statusCode)
    {
    }

    /// <summary>The errors, in order.</summary>
    public IReadOnlyList<ApiError> Errors { get; }

    /// <summary>The HTTP status of the response.</summary>
    public int StatusCode { get; }

    /// <summary>The response body <c>{"errors": [...]}</c>.</summary>
    public JObject ToEnvelope() => new() { ["errors"] = new JArray(Errors.Select(e => e.ToJson())) };
}
