using System;
using System.Globalization;

namespace StarkSdk.Emulator.State;

/// <summary>The emulator's time, from a <see cref="TimeProvider"/> (tests can pass a fake one), and the API's date formats.</summary>
public sealed class Clock
{
    private readonly TimeProvider _time;

    /// <summary>Creates a clock.</summary>
    public Clock(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>Now, in UTC.</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>UTC ISO 8601 with microseconds, as the API writes date-times: <c>2020-04-23T23:00:00.000000+00:00</c>.</summary>
    public static string Iso(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);

    /// <summary>A date as <c>yyyy-MM-dd</c>.</summary>
    public static string Date(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary><see cref="Now"/> formatted by <see cref="Iso"/>.</summary>
    public string NowIso() => Iso(Now);
}
