using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Engine;

namespace StarkSdk.Emulator.Spec;

/// <summary>
/// Validates request JSON against the JSON Schema subset the spec uses: <c>type</c> (also arrays with "null"),
/// <c>format</c> (date, date-time, int32, int64, uri, email), <c>enum</c>, <c>const</c>, <c>required</c>,
/// <c>properties</c>, <c>additionalProperties</c>, <c>items</c>, <c>minItems</c>/<c>maxItems</c>,
/// <c>minimum</c>/<c>maximum</c>, <c>minLength</c>/<c>maxLength</c>, <c>pattern</c>, <c>anyOf</c>/<c>oneOf</c>
/// (with <c>discriminator</c>)/<c>allOf</c>, <c>$ref</c> with sibling keywords, and <c>readOnly</c>.
/// <para>
/// Input rules: a <c>readOnly</c> property sent by the client is ignored (not validated, and removed from the stored
/// input) and is never required; a property that no (sub)schema of the object declares is an error with
/// <see cref="RejectUnknownProperties"/>, else it is ignored and removed like a read-only one, unless the schema is open (<c>additionalProperties</c> true or a schema, or an object
/// schema without <c>properties</c>). A <c>oneOf</c> matched by more than one branch is accepted.
/// </para>
/// Every problem becomes one <see cref="ApiError"/> whose code is <c>invalid</c> + the field name in PascalCase
/// (<c>invalidAmount</c>, <c>invalidTaxId</c>) and whose message starts with the JSON path of the value.
/// </summary>
public sealed class SchemaValidator
{
    private const int MaxDepth = 64;
    private readonly ApiSpec _spec;
    private readonly Dictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

    /// <summary>Creates a validator for the schemas of a spec.</summary>
    public SchemaValidator(ApiSpec spec, bool rejectUnknownProperties)
    {
        _spec = spec;
        RejectUnknownProperties = rejectUnknownProperties;
    }

    /// <summary>Whether properties that no schema declares are errors.</summary>
    public bool RejectUnknownProperties { get; }

    /// <summary>
    /// Validates <paramref name="instance"/> as input. Returns the errors (empty when valid); when valid, the read-only
    /// properties the client sent have been removed from <paramref name="instance"/>.
    /// </summary>
    /// <param name="instance">The value to check.</param>
    /// <param name="schema">Its schema.</param>
    /// <param name="rootName">The name of the value (a query parameter's name), or null for a request body, whose
    /// fields are then named from its root (<c>invoices[0].amount</c>).</param>
    public IReadOnlyList<ApiError> ValidateInput(JToken instance, JToken schema, string? rootName = null)
    {
        var run = new Run(input: true);
        var root = rootName == null ? new Location("", "body", true) : new Location(rootName, rootName, false);
        Validate(instance, schema, root, run, checkUnknown: true, depth: 0);
        if (run.Problems.Count == 0)
        {
            foreach (var property in run.ReadOnly.Distinct())
                property.Remove();
        }
        return run.Problems.Select(p => p.ToError()).Distinct().ToList();
    }

    /// <summary>
    /// Validates <paramref name="instance"/> as output (what the API answers): read-only properties are checked and
    /// required like any other, and nothing is removed. Used to check the emulator against its own spec.
    /// </summary>
    public IReadOnlyList<ApiError> ValidateOutput(JToken instance, JToken schema)
    {
        var run = new Run(input: false);
        Validate(instance, schema, new Location("", "body", true), run, checkUnknown: true, depth: 0);
        return run.Problems.Select(p => p.ToError()).Distinct().ToList();
    }

    private void Validate(JToken value, JToken schemaToken, Location at, Run run, bool checkUnknown, int depth)
    {
        if (depth > MaxDepth)
            return;
        if (schemaToken.Type == JTokenType.Boolean)
        {
            if (!(bool)schemaToken)
                run.Add(at, "is not allowed");
            return;
        }
        if (schemaToken is not JObject schema)
            return;

        if (checkUnknown && (RejectUnknownProperties || run.Input) && value is JObject obj)
            CheckUnknown(obj, schema, at, run);

        if (schema["$ref"] is JValue reference)
            Validate(value, _spec.ResolveRef((string)reference!), at, run, false, depth + 1);

        if (!CheckType(value, schema, at, run))
            return;

        if (schema["enum"] is JArray options && !options.Any(o => JToken.DeepEquals(o, value)))
            run.Add(at, $"must be one of {string.Join(", ", options.Select(Show))}; got {Show(value)}");
        if (schema["const"] is { } constant && !JToken.DeepEquals(constant, value))
            run.Add(at, $"must be {Show(constant)}; got {Show(value)}");

        switch (value.Type)
        {
            case JTokenType.String:
                CheckString((string)value!, schema, at, run);
                break;
            case JTokenType.Integer:
            case JTokenType.Float:
                CheckNumber(value, schema, at, run);
                break;
            case JTokenType.Array:
                CheckArray((JArray)value, schema, at, run, depth);
                break;
            case JTokenType.Object:
                CheckObject((JObject)value, schema, at, run, depth);
                break;
        }

        if (schema["allOf"] is JArray allOf)
        {
            foreach (var branch in allOf)
                Validate(value, branch, at, run, false, depth + 1);
        }
        if (schema["anyOf"] is JArray anyOf)
            Choose(value, anyOf, at, run, depth);
        if (schema["oneOf"] is JArray oneOf)
        {
            if (schema["discriminator"] is JObject discriminator && value is JObject tagged)
                Discriminate(tagged, oneOf, discriminator, at, run, depth);
            else
                Choose(value, oneOf, at, run, depth);
        }
    }

    private bool CheckType(JToken value, JObject schema, Location at, Run run)
    {
        var type = schema["type"];
        if (type == null)
            return true;
        var types = type is JArray a ? a.Select(t => (string?)t).ToList() : new List<string?> { (string?)type };
        if (types.Any(t => t != null && Matches(value, t)))
            return true;
        var wanted = string.Join(" or ", types.Where(t => t != null).Select(Article));
        run.Add(at, $"must be {wanted}; got {Describe(value)}");
        return false;
    }

    private static bool Matches(JToken value, string type) => type switch
    {
        "null" => value.Type == JTokenType.Null,
        "string" => value.Type is JTokenType.String or JTokenType.Date,
        "boolean" => value.Type == JTokenType.Boolean,
        "object" => value.Type == JTokenType.Object,
        "array" => value.Type == JTokenType.Array,
        "number" => value.Type is JTokenType.Integer or JTokenType.Float,
        // 1.0 and 1e18 are numbers, not integers: the SDKs send amounts as integer literals, and a float that
        // happens to be integral is a sign of a client computing money in floating point.
        "integer" => value.Type == JTokenType.Integer,
        _ => true,
    };

    /// <summary>The value as a decimal, or null when it is outside decimal's range (about ±7.9e28).</summary>
    private static decimal? AsDecimal(JToken value)
    {
        var raw = ((JValue)value).Value;
        try
        {
            return raw switch
            {
                System.Numerics.BigInteger big => (decimal)big,
                double d when double.IsNaN(d) || double.IsInfinity(d) => null,
                _ => Convert.ToDecimal(raw, System.Globalization.CultureInfo.InvariantCulture),
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private void CheckString(string text, JObject schema, Location at, Run run)
    {
        if (schema["minLength"] is JValue min && text.Length < (long)min)
            run.Add(at, $"must have at least {(long)min} characters");
        if (schema["maxLength"] is JValue max && text.Length > (long)max)
            run.Add(at, $"must have at most {(long)max} characters");
        if (schema["pattern"] is JValue pattern && !Pattern((string)pattern!).IsMatch(text))
            run.Add(at, $"must match the pattern {(string)pattern!}; got {Show(text)}");
        switch ((string?)schema["format"])
        {
            case "date" when !Formats.IsDate(text):
                run.Add(at, $"must be a date (YYYY-MM-DD); got {Show(text)}");
                break;
            case "date-time" when !Formats.IsDateTime(text):
                run.Add(at, $"must be a date-time (ISO 8601, e.g. 2020-04-23T23:00:00.000000+00:00); got {Show(text)}");
                break;
            case "uri" when !Uri.TryCreate(text, UriKind.Absolute, out _):
                run.Add(at, $"must be an absolute URL; got {Show(text)}");
                break;
            case "email" when !Formats.IsEmail(text):
                run.Add(at, $"must be an email address; got {Show(text)}");
                break;
        }
    }

    private static void CheckNumber(JToken value, JObject schema, Location at, Run run)
    {
        if (AsDecimal(value) is not { } number)
        {
            run.Add(at, $"is out of range; got {Show(value)}");
            return;
        }
        var format = (string?)schema["format"];
        // An integer the SDKs read into a long (money in cents) must fit in 64 bits even where no format says so.
        if (value.Type == JTokenType.Integer && format != "int32" && (number < long.MinValue || number > long.MaxValue))
        {
            run.Add(at, $"must fit in 64 bits; got {Show(value)}");
            return;
        }
        if (schema["minimum"] is JValue min && number < (decimal)min)
            run.Add(at, $"must be at least {(decimal)min}; got {Show(value)}");
        if (schema["maximum"] is JValue max && number > (decimal)max)
            run.Add(at, $"must be at most {(decimal)max}; got {Show(value)}");
        if (schema["exclusiveMinimum"] is JValue xmin && number <= (decimal)xmin)
            run.Add(at, $"must be greater than {(decimal)xmin}; got {Show(value)}");
        if (schema["exclusiveMaximum"] is JValue xmax && number >= (decimal)xmax)
            run.Add(at, $"must be less than {(decimal)xmax}; got {Show(value)}");
        if (format == "int32" && (number < int.MinValue || number > int.MaxValue))
            run.Add(at, $"must fit in 32 bits; got {Show(value)}");
    }

    private void CheckArray(JArray array, JObject schema, Location at, Run run, int depth)
    {
        if (schema["minItems"] is JValue min && array.Count < (long)min)
            run.Add(at, (long)min == 1 ? "must have at least one item" : $"must have at least {(long)min} items");
        if (schema["maxItems"] is JValue max && array.Count > (long)max)
            run.Add(at, $"must have at most {(long)max} items; got {array.Count}");
        if (schema["items"] is { } items)
        {
            for (var i = 0; i < array.Count; i++)
                Validate(array[i], items, at.Index(i), run, true, depth + 1);
        }
    }

    private void CheckObject(JObject obj, JObject schema, Location at, Run run, int depth)
    {
        var properties = schema["properties"] as JObject;
        if (schema["required"] is JArray required)
        {
            foreach (var name in required.Select(r => (string?)r).Where(n => n != null))
            {
                if (obj.ContainsKey(name!))
                    continue; // present; a null is checked against the property's type below
                var propertySchema = FindProperty(schema, name!, 0);
                if (run.Input && propertySchema != null && IsReadOnly(propertySchema))
                    continue;
                run.Add(at.Child(name!), "is required");
            }
        }
        foreach (var property in obj.Properties())
        {
            var propertySchema = properties?[property.Name];
            if (propertySchema != null)
            {
                if (run.Input && IsReadOnly(propertySchema))
                {
                    run.ReadOnly.Add(property);
                    continue;
                }
                Validate(property.Value, propertySchema, at.Child(property.Name), run, true, depth + 1);
            }
            else if (schema["additionalProperties"] is JObject additional)
            {
                Validate(property.Value, additional, at.Child(property.Name), run, true, depth + 1);
            }
            else if (schema["additionalProperties"] is JValue { Type: JTokenType.Boolean } allowed && !(bool)allowed && FindProperty(schema, property.Name, 0) == null)
            {
                run.Add(at.Child(property.Name), "is not a known field");
            }
        }
    }

    private void CheckUnknown(JObject obj, JObject schema, Location at, Run run)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        if (!CollectKnown(schema, known, 0))
            return; // open schema: anything goes
        foreach (var property in obj.Properties())
        {
            if (known.Contains(property.Name))
                continue;
            if (RejectUnknownProperties)
                run.Add(at.Child(property.Name), "is not a known field");
            else
                run.ReadOnly.Add(property); // lenient input: ignored like a read-only field
        }
    }

    /// <summary>Collects the property names a (composite) schema declares; false when the schema accepts any property.</summary>
    private bool CollectKnown(JToken token, HashSet<string> known, int depth)
    {
        if (depth > MaxDepth || token is not JObject schema)
            return false;
        var closed = false;
        if (schema["$ref"] is JValue reference)
        {
            if (!CollectKnown(_spec.ResolveRef((string)reference!), known, depth + 1))
                return false;
            closed = true;
        }
        var additional = schema["additionalProperties"];
        if (additional != null && !(additional.Type == JTokenType.Boolean && !(bool)additional))
            return false;
        if (schema["properties"] is JObject properties)
        {
            foreach (var p in properties.Properties())
                known.Add(p.Name);
            closed = true;
        }
        foreach (var keyword in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (schema[keyword] is not JArray branches)
                continue;
            foreach (var branch in branches)
            {
                if (!CollectKnown(branch, known, depth + 1))
                    return false;
            }
            closed = true;
        }
        return closed || additional != null;
    }

    private JToken? FindProperty(JToken token, string name, int depth)
    {
        if (depth > MaxDepth || token is not JObject schema)
            return null;
        if (schema["properties"]?[name] is { } found)
            return found;
        if (schema["$ref"] is JValue reference && FindProperty(_spec.ResolveRef((string)reference!), name, depth + 1) is { } viaRef)
            return viaRef;
        foreach (var keyword in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (schema[keyword] is not JArray branches)
                continue;
            foreach (var branch in branches)
            {
                if (FindProperty(branch, name, depth + 1) is { } inBranch)
                    return inBranch;
            }
        }
        return null;
    }

    private bool IsReadOnly(JToken propertySchema)
    {
        if ((bool?)propertySchema["readOnly"] == true)
            return true;
        return propertySchema is JObject o && o["$ref"] != null && (bool?)_spec.Deref(o)["readOnly"] == true;
    }

    private void Choose(JToken value, JArray branches, Location at, Run run, int depth)
    {
        var runs = new List<Run>();
        foreach (var branch in branches)
        {
            var attempt = new Run(run.Input);
            Validate(value, branch, at, attempt, false, depth + 1);
            if (attempt.Problems.Count == 0)
            {
                run.ReadOnly.AddRange(attempt.ReadOnly);
                return;
            }
            runs.Add(attempt);
        }
        if (runs.Count == 0)
            return;
        // date-or-date-time style alternatives: one problem per branch at the same place → one combined message.
        if (runs.All(r => r.Problems.Count == 1) && runs.Select(r => r.Problems[0].Path).Distinct().Count() == 1)
        {
            var first = runs[0].Problems[0];
            var details = runs.Select(r => StripGot(r.Problems[0].Detail)).Distinct().ToList();
            run.Problems.Add(first with { Detail = string.Join(" or ", details) + GotPart(first.Detail) });
            return;
        }
        run.Problems.AddRange(runs.OrderBy(r => r.Problems.Count).First().Problems);
    }

    private void Discriminate(JObject value, JArray branches, JObject discriminator, Location at, Run run, int depth)
    {
        var propertyName = (string?)discriminator["propertyName"];
        var mapping = discriminator["mapping"] as JObject;
        if (propertyName == null || mapping == null)
        {
            Choose(value, branches, at, run, depth);
            return;
        }
        var tag = value[propertyName];
        var target = tag?.Type == JTokenType.String ? (string?)mapping[(string)tag!] : null;
        if (target == null)
        {
            run.Add(at.Child(propertyName), tag == null
                ? $"is required (one of {string.Join(", ", mapping.Properties().Select(p => p.Name))})"
                : $"must be one of {string.Join(", ", mapping.Properties().Select(p => p.Name))}; got {Show(tag)}");
            return;
        }
        Validate(value, new JObject { ["$ref"] = target }, at, run, false, depth + 1);
    }

    private Regex Pattern(string pattern)
    {
        lock (_patterns)
        {
            if (!_patterns.TryGetValue(pattern, out var regex))
                _patterns[pattern] = regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return regex;
        }
    }

    private static string StripGot(string detail)
    {
        var i = detail.IndexOf("; got ", StringComparison.Ordinal);
        return i < 0 ? detail : detail.Substring(0, i);
    }

    private static string GotPart(string detail)
    {
        var i = detail.IndexOf("; got ", StringComparison.Ordinal);
        return i < 0 ? "" : detail.Substring(i);
    }

    private static string Article(string? type) => type switch
    {
        "integer" => "an integer",
        "object" => "an object",
        "array" => "an array",
        "null" => "null",
        "number" => "a number",
        "boolean" => "a boolean",
        _ => "a " + type,
    };

    private static string Describe(JToken value) => value.Type switch
    {
        JTokenType.Null => "null",
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        JTokenType.Integer => "the integer " + value.ToString(Newtonsoft.Json.Formatting.None),
        JTokenType.Float => "the number " + value.ToString(Newtonsoft.Json.Formatting.None),
        JTokenType.Boolean => "the boolean " + value.ToString(Newtonsoft.Json.Formatting.None),
        _ => "the string " + Show(value),
    };

    private static string Show(JToken value)
    {
        var text = value.ToString(Newtonsoft.Json.Formatting.None);
        return text.Length > 60 ? text.Substring(0, 57) + "..." : text;
    }

    private static string Show(string text) => Show(new JValue(text));

    /// <summary>Where a value is: its printable JSON path and the field name its errors are coded after.</summary>
    private readonly record struct Location(string Path, string Field, bool IsRoot)
    {
        public Location Child(string name) => new(IsRoot && Path.Length == 0 ? name : Path + "." + name, name, false);

        public Location Index(int i) => new(Path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", Field, false);
    }

    private sealed record Problem(string Path, string Field, string Detail)
    {
        public ApiError ToError() => new("invalid" + Naming.Pascal(Field), (Path.Length == 0 ? Field : Path) + ": " + Detail);
    }

    private sealed class Run
    {
        public Run(bool input)
        {
            Input = input;
        }

        /// <summary>Input rules (read-only ignored) or output rules.</summary>
        public bool Input { get; }

        public List<Problem> Problems { get; } = new();

        public List<JProperty> ReadOnly { get; } = new();

        public void Add(Location at, string detail) => Problems.Add(new Problem(at.Path, at.Field, detail));
    }
}
