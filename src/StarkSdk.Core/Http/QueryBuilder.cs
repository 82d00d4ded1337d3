using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace StarkSdk.Core;

/// <summary>
/// Builds a query string. Null values are skipped; lists are comma-joined (an empty list is sent as an empty value, never dropped,
/// so a filter cannot silently widen to everything); dates are <c>yyyy-MM-dd</c>; date-times ISO 8601 UTC; booleans lower-case.
/// </summary>
public sealed class QueryBuilder
{
    private readonly List<KeyValuePair<string, string>> _parameters = new List<KeyValuePair<string, string>>();

    /// <summary>The parameters added so far, in order, unescaped.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters => _parameters;

    /// <summary>Adds a text parameter.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value; null is skipped.</param>
    /// <returns>This builder.</returns>
    public QueryBuilder Add(string name, string? value) => value is null ? Check(name) : Put(name, value);

    /// <summary>Adds an integer parameter.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value; null is skipped.</param>
    /// <returns>This builder.</returns>
    public QueryBuilder Add(string name, long? value) => value is null ? Check(name) : Put(name, value.Value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a boolean parameter as <c>true</c>/<c>false</c>.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value; null is skipped.</param>
    /// <returns>This builder.</returns>
    public QueryBuilder Add(string name, bool? value) => value is null ? Check(name) : Put(name, value.Value ? "true" : "false");

    /// <summary>Adds a date-time parameter, in UTC: <c>yyyy-MM-ddTHH:mm:ss.ffffff+00:00</c>.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value; null is skipped.</param>
    /// <returns>This builder.</returns>
    public QueryBuilder Add(string name, DateTimeOffset? value) => value is null ? Check(name) : Put(name, IsoDates.FormatDateTime(value.Value));

    /// <summary>Adds a date parameter as <c>yyyy-MM-dd</c> (the time of day is ignored).</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value; null is skipped.</param>
    /// <returns>This builder.</returns>
    public QueryBuilder AddDate(string name, DateTime? value) => value is null ? Check(name) : Put(name, IsoDates.FormatDate(value.Value));

#if NET6_0_OR_GREATER
    /// <summary>Adds a date parameter as <c>yyyy-MM-dd</c>.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value; null is skipped.</param>
    /// <returns>This builder.</returns>
    public QueryBuilder Add(string name, DateOnly? value) => value is null ? Check(name) : Put(name, IsoDates.FormatDate(value.Value.ToDateTime(TimeOnly.MinValue)));
#endif

    /// <summary>Adds a list parameter, comma-joined (null items are skipped).</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="values">The values; null is skipped.</param>
    /// <returns>This builder.</returns>
    public QueryBuilder Add(string name, IEnumerable<string>? values) => values is null ? Check(name) : Put(name, string.Join(",", values.Where(v => v != null)));

    /// <summary>Adds a list of string-enum values, comma-joined.</summary>
    /// <typeparam name="T">The string enum.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="values">The values; null is skipped.</param>
    /// <returns>This builder.</returns>
    public QueryBuilder Add<T>(string name, IEnumerable<T>? values)
        where T : IStringEnum
        => values is null ? Check(name) : Put(name, string.Join(",", values.Where(v => v != null && v.Value != null).Select(v => v.Value)));

    /// <summary>Adds a string-enum parameter.</summary>
    /// <typeparam name="T">The string enum.</typeparam>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value; null is skipped.</param>
    /// <returns>This builder.</returns>
    public QueryBuilder Add<T>(string name, T? value)
        where T : struct, IStringEnum
        => value is null || value.Value.Value is null ? Check(name) : Put(name, value.Value.Value);

    /// <summary>The escaped query string without the leading <c>?</c>, e.g. <c>status=paid&amp;limit=100</c>.</summary>
    /// <returns>The query string.</returns>
    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var parameter in _parameters)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(Uri.EscapeDataString(parameter.Key)).Append('=').Append(Uri.EscapeDataString(parameter.Value));
        }

        return builder.ToString();
    }

    internal QueryBuilder Clone()
    {
        var copy = new QueryBuilder();
        copy._parameters.AddRange(_parameters);
        return copy;
    }

    internal string? Get(string name)
    {
        foreach (var parameter in _parameters)
        {
            if (parameter.Key == name)
            {
                return parameter.Value;
            }
        }

        return null;
    }

    internal void Remove(string name) => _parameters.RemoveAll(p => p.Key == name);

    private QueryBuilder Put(string name, string value)
    {
        Check(name);
        _parameters.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

    private QueryBuilder Check(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("The parameter name must not be empty.", nameof(name));
        }

        return this;
    }
}
