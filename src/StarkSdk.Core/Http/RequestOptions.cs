using System;

namespace StarkSdk.Core;

/// <summary>Per-call settings that override <see cref="StarkClientOptions"/> for one request.</summary>
public sealed class RequestOptions
{
    /// <summary>The user that signs this call (e.g. <c>organization.ForWorkspace(id)</c>); null uses the client's user.</summary>
    public User? User { get; set; }

    /// <summary>The Accept-Language for this call: <c>en-US</c>, <c>pt-BR</c> or <c>es-ES</c>; null uses the client's.</summary>
    public string? Language { get; set; }

    /// <summary>The overall deadline of this call (all attempts and waits included); null uses the client's.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>The timeout of each attempt of this call (a safe call that times out is retried); null uses the client's.</summary>
    public TimeSpan? AttemptTimeout { get; set; }
}
