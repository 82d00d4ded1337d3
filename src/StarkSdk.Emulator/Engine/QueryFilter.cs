using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Spec;
using StarkSdk.Emulator.State;

namespace StarkSdk.Emulator.Engine;

/// <summary>
/// Filters a collection by the query parameters an operation declares, with rules read from the names alone:
/// <c>after</c>/<c>before</c> bound the creation date; a parameter named like a property matches it (lists intersect);
/// a plural (<c>ids</c>, <c>types</c>, <c>invoiceIds</c>) matches its singular property; <c>xxxIds</c> matches the id of
/// an embedded <c>xxx</c> object (a log's entity); <c>search</c> looks for text in any string property.
/// <c>limit</c>, <c>cursor</c>, <c>fields</c>, <c>sort</c> and <c>expand</c> are not filters.
/// </summary>
internal static class QueryFilter
{
    private static readonly HashSet<string> NotFilters = new(StringComparer.Ordinal) { "limit", "cursor", "fields", "sort", "expand" };

    public static Func<JObject, bool> Build(JObject query)
    {
        var predicates = new List<Func<JObject, bool>>();
        foreach (var property in query.Properties())
        {
            if (NotFilters.Contains(property.Name))
                continue;
            var values = property.Value is JArray array
                ? array.Select(Text).ToList()
                : new List<string> { Text(property.Value) };
            if (property.Value is JArray { Count: 0 })
                continue;
            predicates.Add(For(property.Name, values));
        }
        return entity => predicates.All(p => p(entity));
    }

    private static Func<JObject, bool> For(string name, List<string> values)
    {
        var set = new HashSet<string>(values, StringComparer.OrdinalIgnoreCase);
        switch (name)
        {
            case "after":
                return e => Date(e) is not { } d || string.CompareOrdinal(d, values[0]) >= 0;
            case "before":
                return e => Date(e) is not { } d || string.CompareOrdinal(d, values[0]) <= 0;
            case "search":
                return e => e.Properties().Any(p => p.Value.Type == JTokenType.String &&
                    ((string?)p.Value ?? "").Contains(values[0], StringComparison.OrdinalIgnoreCase));
        }
        return entity =>
        {
            if (entity[name] is { } direct)
                return Matches(direct, set);
            var singular = Naming.Singular(name);
            if (singular != null && entity[singular] is { } single)
                return Matches(single, set);
            if (name.EndsWith("Ids", StringComparison.Ordinal) && entity[name.Substring(0, name.Length - 3)] is JObject embedded)
                return embedded["id"] is { } id && set.Contains(Text(id));
            return true; // a filter the entity has nothing to match against does not exclude it
        };
    }

    private static bool Matches(JToken value, HashSet<string> set) => value switch
    {
        JArray array => array.Any(v => set.Contains(Text(v))),
        JObject obj => obj["id"] is { } id && set.Contains(Text(id)),
        _ => set.Contains(Text(value)),
    };

    private static string Text(JToken value) => value.Type switch
    {
        JTokenType.Boolean => (bool)value ? "true" : "false",
        JTokenType.Null => "",
        _ => value.ToString(),
    };

    private static string? Date(JObject entity)
    {
        var created = (string?)entity["created"];
        if (created == null || !Formats.TryParseDateOrDateTime(created, out var value))
            return null;
        return Clock.Date(value);
    }
}
