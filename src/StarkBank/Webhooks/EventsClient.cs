using System;
using System.Threading;
using System.Threading.Tasks;
using StarkCore;

namespace StarkBank;

public partial class EventsClient
{
    private SignatureVerifier? _verifier;

    /// <summary>
    /// Verifies the <c>Digital-Signature</c> of an event Stark Bank POSTed to a webhook URL and parses it. The event
    /// is of the subclass its <c>subscription</c> names (<see cref="InvoiceEvent"/>, <see cref="TransferEvent"/>, ...), its
    /// <c>Log</c> typed accordingly; an unknown subscription gives a plain <see cref="Event"/>.
    /// </summary>
    /// <param name="content">The request body exactly as received (before any JSON parsing).</param>
    /// <param name="signature">The value of the <c>Digital-Signature</c> header.</param>
    /// <param name="options">Per-call options for fetching Stark Bank's public key, or null.</param>
    /// <param name="cancellationToken">Cancels the public key fetch.</param>
    /// <returns>The verified event.</returns>
    /// <exception cref="InvalidSignatureError">The signature does not match the content, or the content is not an event.</exception>
    public virtual Task<Event> ParseAsync(string content, string signature, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        var verifier = LazyInitializer.EnsureInitialized(ref _verifier, () => new SignatureVerifier(_pipeline))!;
        return verifier.ParseAsync<Event>(content, signature, "event", options, cancellationToken);
    }
}
