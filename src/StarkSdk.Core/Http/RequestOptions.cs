using System;

namespace StarkSdk.Core;

/// <summary>Per-call settings that override <see cref="StarkClientOptions"/> for one request.</summary>
public sealed class RequestOptions
{
    /// <summary>The user that signs this call (e.g. <c>organization.ForWorkspace(id)</c>); null uses the client's user.</summary>
    public User? User { get; set; }

    /// <summary>The Accept-Language for this call: <c>en-US</c>, <c>pt-BR</c> or <c>es-ES</c>; null uses the client's.</summary>
    public string? Language { get; set; }

    /// <summary>The timeout for this call (all attempts included); null uses the client's.</summary>
    public TimeSpan? Timeout { get; set; }
}
