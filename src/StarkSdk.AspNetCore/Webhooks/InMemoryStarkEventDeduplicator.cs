using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace StarkSdk.AspNetCore;

/// <summary>
/// An <see cref="IStarkEventDeduplicator"/> in process memory, remembering the ids of the last <see cref="Capacity"/>
/// handled events (the oldest are forgotten first). It is the webhook endpoints' default; it does not survive a restart
/// nor span several instances: implement <see cref="IStarkEventDeduplicator"/> over a shared store for that.
/// </summary>
public sealed class InMemoryStarkEventDeduplicator : IStarkEventDeduplicator
{
    /// <summary>The default number of handled event ids remembered.</summary>
    public const int DefaultCapacity = 10_000;

    private readonly object _gate = new();
    private readonly Dictionary<string, bool> _states = new(StringComparer.Ordinal); // id -> handled (false: in progress)
    private readonly Queue<string> _handledOrder = new();

    /// <summary>Creates a deduplicator remembering up to <paramref name="capacity"/> handled event ids.</summary>
    /// <param name="capacity">How many handled event ids to remember (at least 1).</param>
    public InMemoryStarkEventDeduplicator(int capacity = DefaultCapacity)
    {
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The capacity must be at least 1.");
        }

        Capacity = capacity;
    }

    /// <summary>How many handled event ids are remembered.</summary>
    public int Capacity { get; }

    /// <inheritdoc/>
    public ValueTask<StarkEventClaim> TryClaimAsync(string eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        lock (_gate)
        {
            if (_states.TryGetValue(eventId, out var handled))
            {
                return new(handled ? StarkEventClaim.AlreadyHandled : StarkEventClaim.InProgress);
            }

            _states[eventId] = false;
            return new(StarkEventClaim.Claimed);
        }
    }

    /// <inheritdoc/>
    public ValueTask CompleteAsync(string eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        lock (_gate)
        {
            if (_states.TryGetValue(eventId, out var handled) && handled)
            {
                return default;
            }

            _states[eventId] = true;
            _handledOrder.Enqueue(eventId);
            while (_handledOrder.Count > Capacity)
            {
                _states.Remove(_handledOrder.Dequeue());
            }
        }

        return default;
    }

    /// <inheritdoc/>
    public ValueTask ReleaseAsync(string eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        lock (_gate)
        {
            if (_states.TryGetValue(eventId, out var handled) && !handled)
            {
                _states.Remove(eventId);
            }
        }

        return default;
    }
}
