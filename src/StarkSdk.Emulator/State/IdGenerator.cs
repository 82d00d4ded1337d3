using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace StarkSdk.Emulator.State;

/// <summary>Ids as the API makes them: 16-digit strings, plus 32-hex-digit uuids. Repeatable with a seed.</summary>
public sealed class IdGenerator
{
    private readonly Random _random;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <summary>Creates a generator; the same seed gives the same ids in the same order.</summary>
    public IdGenerator(int? seed)
    {
        _random = seed is { } s ? new Random(s) : new Random();
    }

    /// <summary>A new, unused 16-digit id (4000000000000000 to 6999999999999999).</summary>
    public string NewId()
    {
        lock (_used)
        {
            while (true)
            {
                var id = _random.NextInt64(4_000_000_000_000_000L, 7_000_000_000_000_000L).ToString(CultureInfo.InvariantCulture);
                if (_used.Add(id))
                    return id;
            }
        }
    }

    /// <summary>A new 32-character lower-case hexadecimal uuid.</summary>
    public string NewUuid()
    {
        lock (_used)
        {
            var bytes = new byte[16];
            _random.NextBytes(bytes);
            var builder = new StringBuilder(32);
            foreach (var b in bytes)
                builder.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            return builder.ToString();
        }
    }

    /// <summary>A string of <paramref name="length"/> random decimal digits.</summary>
    public string Digits(int length)
    {
        lock (_used)
        {
            var builder = new StringBuilder(length);
            for (var i = 0; i < length; i++)
                builder.Append((char)('0' + _random.Next(10)));
            return builder.ToString();
        }
    }
}
