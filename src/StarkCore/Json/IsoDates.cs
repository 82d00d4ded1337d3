using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace StarkCore;

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
}
