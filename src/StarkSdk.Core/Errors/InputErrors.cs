using System;
using System.Collections.Generic;
using System.Linq;

namespace StarkSdk.Core;

/// <summary>The API rejected the input (HTTP 400). <see cref="Errors"/> lists every problem.</summary>
public sealed class InputErrors : StarkException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errors">The problems the API reported.</param>
    /// <param name="method">The request's HTTP method.</param>
    /// <param name="path">The request's path.</param>
    /// <param name="rawBody">The raw response body.</param>
    /// <param name="statusCode">The HTTP status (400).</param>
    public InputErrors(IReadOnlyList<ErrorDetail> errors, string? method, string? path, string? rawBody, int statusCode = 400)
        : base(ErrorText.Describe(method, path, statusCode, string.Join("; ", (errors ?? throw new ArgumentNullException(nameof(errors))).Select(e => e.ToString()))), statusCode, method, path, rawBody)
    {
        Errors = errors.ToList().AsReadOnly();
    }

    /// <summary>Every input error the API reported, in order.</summary>
    public IReadOnlyList<ErrorDetail> Errors { get; }
}
