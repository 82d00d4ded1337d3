using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Spec;

namespace StarkSdk.Emulator.Engine;

/// <summary>
/// Turns a query string into JSON values typed by the parameters' schemas (integers, booleans, comma-separated
/// arrays) and validates them; undeclared parameters are errors when unknown properties are, unless the caller collects
/// them to ignore (POST, PATCH and PUT: the official SDKs repeat a single object's fields in the query).
/// </summary>
internal static class QueryReader
{
    public static JObject Read(SpecOperation operation, IQueryCollection query, SchemaValidator validator, ApiSpec spec, List<ApiError> errors, List<string>? ignored = null)
    {
        var result = new JObject();
        var declared = operation.QueryParameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var (name, values) in query)
        {
            var text = string.Join(",", values.Where(v => v != null));
            if (!declared.TryGetValue(name, out var parameter))
            {
                if (ignored != null)
                    ignored.Add(name);
                else if (validator.RejectUnknownProperties)
                    errors.Add(new ApiError("invalid" + Naming.Pascal(name), $"{name}: is not a query parameter of {operation}"));
                continue;
            }
            var value = Convert(text, parameter.Schema, spec);
            var problems = validator.ValidateInput(value, parameter.Schema, name);
            if (problems.Count > 0)
            {
                errors.AddRange(problems);
                continue;
            }
            result[name] = value;
        }
        foreach (var parameter in declared.Values.Where(p => p.Required && result[p.Name] == null && !query.ContainsKey(p.Name)))
            errors.Add(new ApiError("invalid" + Naming.Pascal(parameter.Name), $"{parameter.Name}: is required"));
        return result;
    }

    private static JToken Convert(string text, JToken schema, ApiSpec spec)
    {
        var resolved = spec.Deref(schema);
        var types = resolved["type"] is JArray list ? list.Select(t => (string?)t).ToList() : new List<string?> { (string?)resolved["type"] };
        if (types.Contains("array"))
        {
            var items = resolved["items"] ?? new JObject();
            var parts = text.Length == 0 ? Array.Empty<string>() : text.Split(',');
            return new JArray(parts.Select(p => Convert(p.Trim(), items, spec)));
        }
        if (types.Contains("integer") && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            return new JValue(l);
        if (types.Contains("number") && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            return new JValue(d);
        if (types.Contains("boolean") && (text == "true" || text == "false"))
            return new JValue(text == "true");
        return new JValue(text);
    }
}
