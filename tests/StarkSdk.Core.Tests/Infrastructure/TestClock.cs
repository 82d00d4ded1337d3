using System;
using System.Collections.Concurrent;
using System.Threading;

namespace StarkSdk.Core.Tests.Infrastructure;

/// <summary>
/// A clock for tests: every reading is one second after the previous one (so each attempt gets its own Access-Time), and
/// every wait is recorded and then skipped at once (so retry tests never sleep), unless <see cref="OnWait"/> says otherwise.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _seconds = 1_700_000_000;

    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    /// <summary>Called with each wait; return false to leave it pending forever (e.g. after cancelling the call).</summary>
    public Func<TimeSpan, bool> OnWait { get; set; } = _ => true;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeSeconds(Interlocked.Increment(ref _seconds));

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Waits.Enqueue(dueTime);
            if (OnWait(dueTime))
            {
                ThreadPool.QueueUserWorkItem(_ => callback(state));
            }
        }

        return new NoTimer();
    }

    private sealed class NoTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public System.Threading.Tasks.ValueTask DisposeAsync() => default;
    }
}
