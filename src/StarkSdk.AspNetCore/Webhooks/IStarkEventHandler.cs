using System.Threading;
using System.Threading.Tasks;

namespace StarkSdk.AspNetCore;

/// <summary>
/// Handles verified webhook events of type <typeparamref name="TEvent"/> (for example <c>StarkSdk.Bank.InvoiceEvent</c>),
/// resolved from the request's scope for each delivery. Register it with
/// <see cref="StarkWebhookServiceCollectionExtensions.AddStarkEventHandler{TEvent, THandler}"/>; a handler for a base type
/// (<c>Event</c>) receives every event.
/// </summary>
/// <typeparam name="TEvent">The event type handled.</typeparam>
public interface IStarkEventHandler<in TEvent>
{
    /// <summary>Handles one event. Throwing makes the endpoint answer 500, so Stark delivers the event again later.</summary>
    /// <param name="starkEvent">The verified event.</param>
    /// <param name="cancellationToken">Fires when the request is aborted.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    Task HandleAsync(TEvent starkEvent, CancellationToken cancellationToken);
}
