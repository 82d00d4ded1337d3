using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace StarkSdk.Core;

/// <summary>Date and date-time text formats shared by the JSON converters and the query builder.</summary>
internal static class IsoDates
{
    internal const string DateFormat = "yyyy-MM-dd";

    internal const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'";

    private static readonly Regex DateTimePattern = new Regex(
        @"^(?<date>\d{4}-\d{2}-\d{2})(?:[T ](?<time>\d{2}:\d{2}(?::\d{2})?)(?:\.(?<fraction>\d+))?(?<offset>Z|[+-]\d{2}(?::?\d{2})?)?)?$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    internal static string FormatDate(DateTime value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    internal static string FormatDateTime(DateTimeOffset value) => value.ToUniversalTime().ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    internal static bool TryParseDate(string text, out DateTime date)
    {
        if (DateTime.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        // The API sometimes returns a full timestamp for a date field; its calendar date (in UTC) is what is meant.
        if (TryParseDateTime(text, out var dateTime))
        {
            date = DateTime.SpecifyKind(dateTime.UtcDateTime.Date, DateTimeKind.Unspecified);
            return true;
        }

        return false;
    }

    /// <summary>Reads any ISO 8601 date or date-time; no offset means UTC; more than 7 fraction digits are truncated.</summary>
    internal static bool TryParseDateTime(string text, out DateTimeOffset value)
    {
        value = default;
        if (text is null)
        {
            return false;
        }

        // The API's own form (yyyy-MM-ddTHH:mm:ss.ffffff+00:00) and plain dates are read without a regex or any allocation;
        // everything else (spaces, lower case, offsets without a colon, no offset, ...) takes the general path below.
        return TryParseCanonical(text, out value) || TryParseGeneral(text, out value);
    }

    /// <summary>The general reader of <see cref="TryParseDateTime"/> (a regex, then DateTimeOffset.TryParse).</summary>
    internal static bool TryParseGeneral(string text, out DateTimeOffset value)
    {
        value = default;

        var match = DateTimePattern.Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var normalized = match.Groups["date"].Value;
        if (match.Groups["time"].Success)
        {
            var time = match.Groups["time"].Value;
            normalized += "T" + (time.Length == 5 ? time + ":00" : time);
            if (match.Groups["fraction"].Success)
            {
                var fraction = match.Groups["fraction"].Value;
                normalized += "." + (fraction.Length > 7 ? fraction.Substring(0, 7) : fraction);
            }

            var offset = match.Groups["offset"].Value;
            if (offset.Length == 0 || offset.Equals("Z", StringComparison.OrdinalIgnoreCase))
            {
                offset = "+00:00";
            }
            else if (offset.Length == 3)
            {
                offset += ":00";
            }
            else if (offset.Length == 5)
            {
                offset = offset.Substring(0, 3) + ":" + offset.Substring(3);
            }

            normalized += offset;
        }
        else
        {
            normalized += "T00:00:00+00:00";
        }

        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    /// <summary>
    /// <c>yyyy-MM-dd</c> or <c>yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM)</c> exactly; false for anything else, which the
    /// general parser then decides (it gives the same result for these forms).
    /// </summary>
    internal static bool TryParseCanonical(string s, out DateTimeOffset value) => TryParseCanonical(s.AsSpan(), out value);

    /// <inheritdoc cref="TryParseCanonical(string, out DateTimeOffset)"/>
    internal static bool TryParseCanonical(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 10 || s[4] != '-' || s[7] != '-'
            || !TryDigits(s, 0, 4, out var year) || !TryDigits(s, 5, 2, out var month) || !TryDigits(s, 8, 2, out var day)
            || year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        if (s.Length == 10)
        {
            value = new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero);
            return true;
        }

        if (s.Length < 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':'
            || !TryDigits(s, 11, 2, out var hour) || !TryDigits(s, 14, 2, out var minute) || !TryDigits(s, 17, 2, out var second)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var i = 19;
        long fraction = 0;
        if (s[i] == '.')
        {
            var digits = 0;
            for (i++; i < s.Length && s[i] >= '0' && s[i] <= '9'; i++)
            {
                if (digits < 7)
                {
                    fraction = (fraction * 10) + (s[i] - '0');
                    digits++;
                }
            }

            if (digits == 0)
            {
                return false;
            }

            for (; digits < 7; digits++)
            {
                fraction *= 10;
            }
        }

        TimeSpan offset;
        if (i == s.Length - 1 && s[i] == 'Z')
        {
            offset = TimeSpan.Zero;
        }
        else if (i == s.Length - 6 && (s[i] == '+' || s[i] == '-') && s[i + 3] == ':'
            && TryDigits(s, i + 1, 2, out var offsetHours) && TryDigits(s, i + 4, 2, out var offsetMinutes) && offsetHours <= 14 && offsetMinutes <= 59)
        {
            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (s[i] == '-')
            {
                offset = offset.Negate();
            }
        }
        else
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        var utcTicks = local.Ticks + fraction - offset.Ticks;
        if (offset > TimeSpan.FromHours(14) || utcTicks < DateTimeOffset.MinValue.UtcTicks || utcTicks > DateTimeOffset.MaxValue.UtcTicks
            || local.Ticks + fraction > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(local.Ticks + fraction, offset);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = s[i];
            if (c < '0' || c > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
