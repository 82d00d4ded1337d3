using System;

namespace StarkSdk.Emulator.Webhooks;

/// <summary>One POST of an event to a webhook URL, as the emulator recorded it.</summary>
/// <param name="EventId">The event delivered.</param>
/// <param name="WebhookId">The webhook subscription it was sent for.</param>
/// <param name="Url">The URL posted to.</param>
/// <param name="Body">The exact body sent (<c>{"event": {...}}</c>).</param>
/// <param name="Signature">The Digital-Signature header sent.</param>
/// <param name="StatusCode">The HTTP status received, or 0 when no response came.</param>
/// <param name="Error">What went wrong, or null on a 2xx.</param>
/// <param name="Sent">When it was sent (emulator clock).</param>
public sealed record WebhookDelivery(string EventId, string WebhookId, string Url, string Body, string Signature, int StatusCode, string? Error, DateTimeOffset Sent)
{
    /// <summary>Whether the receiver answered 2xx.</summary>
    public bool Succeeded => Error == null;
}
