using System.Threading;
using System.Threading.Tasks;

namespace StarkSdk.AspNetCore;

/// <summary>
/// Makes redeliveries of one event idempotent: Stark delivers an event again when an answer did not arrive or was not a
/// 2xx, so the webhook endpoint claims each event id before running the handlers, and remembers it once they succeed.
/// </summary>
/// <remarks>
/// <see cref="InMemoryStarkEventDeduplicator"/> serves one process; implement this over a shared store (a database unique
/// key, Redis <c>SET NX</c>) when several instances receive the webhooks. Register it with
/// <see cref="StarkWebhookServiceCollectionExtensions.AddStarkEventDeduplicator{TDeduplicator}"/>.
/// </remarks>
public interface IStarkEventDeduplicator
{
    /// <summary>Claims <paramref name="eventId"/> for handling.</summary>
    /// <param name="eventId">The verified event's id.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    /// <returns>Whether the caller may handle the event now.</returns>
    ValueTask<StarkEventClaim> TryClaimAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>Records that the handlers of a claimed event succeeded: later deliveries are acknowledged without handling.</summary>
    /// <param name="eventId">The event's id.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when it is recorded.</returns>
    ValueTask CompleteAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>Gives up a claim after the handlers failed, so that the next delivery handles the event again.</summary>
    /// <param name="eventId">The event's id.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the claim is released.</returns>
    ValueTask ReleaseAsync(string eventId, CancellationToken cancellationToken);
}

/// <summary>The result of <see cref="IStarkEventDeduplicator.TryClaimAsync"/>.</summary>
public enum StarkEventClaim
{
    /// <summary>The event was not seen (or its earlier handling failed): handle it now.</summary>
    Claimed,

    /// <summary>The event was already handled: acknowledge it (HTTP 200) without handling it again.</summary>
    AlreadyHandled,

    /// <summary>Another delivery of the event is being handled right now: answer a non-2xx so Stark tries again later.</summary>
    InProgress,
}
