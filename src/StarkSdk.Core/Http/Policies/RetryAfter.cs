using System;
using System.Net.Http;

namespace StarkSdk.Core;

/// <summary>The wait a 429 or 503 asks for in its Retry-After header (seconds or a date), capped so a server cannot stall us.</summary>
internal static class RetryAfter
{
    internal static TimeSpan? From(HttpResponseMessage? response, TimeSpan maxDelay, TimeProvider timeProvider)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null)
        {
            return null;
        }

        TimeSpan wanted;
        if (header.Delta is TimeSpan delta)
        {
            wanted = delta;
        }
        else if (header.Date is DateTimeOffset date)
        {
            wanted = date - timeProvider.GetUtcNow();
        }
        else
        {
            return null;
        }

        if (wanted < TimeSpan.Zero)
        {
            wanted = TimeSpan.Zero;
        }

        return wanted > maxDelay ? maxDelay : wanted;
    }
}
