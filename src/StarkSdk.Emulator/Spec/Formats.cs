using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace StarkSdk.Emulator.Spec;

/// <summary>The string formats the validator checks.</summary>
internal static class Formats
{
    private static readonly Regex Date = new(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant);
    private static readonly Regex DateTime = new(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([Zz]|[+-]\d{2}:?\d{2})?$", RegexOptions.CultureInvariant);
    private static readonly Regex Email = new(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant);

    public static bool IsDate(string text) =>
        Date.IsMatch(text) && System.DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static bool IsDateTime(string text) => TryParseDateTime(text, out _);

    public static bool IsEmail(string text) => Email.IsMatch(text);

    /// <summary>Parses an ISO 8601 date-time; one without an offset is taken as UTC.</summary>
    public static bool TryParseDateTime(string text, out DateTimeOffset value)
    {
        value = default;
        if (!DateTime.IsMatch(text))
            return false;
        return DateTimeOffset.TryParse(text.Replace(' ', 'T'), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    /// <summary>Parses a date or a date-time (a date is midnight UTC).</summary>
    public static bool TryParseDateOrDateTime(string text, out DateTimeOffset value)
    {
        if (IsDate(text))
        {
            value = new DateTimeOffset(System.DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture), TimeSpan.Zero);
            return true;
        }
        return TryParseDateTime(text, out value);
    }
}
