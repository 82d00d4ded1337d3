using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Json.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Spec.Tests;

/// <summary>
/// Validates JSON values against JSON Schema 2020-12 documents with JsonSchema.Net (MIT): <c>type</c> arrays,
/// <c>const</c>, <c>enum</c>, <c>anyOf</c>, <c>oneOf</c>, <c>allOf</c>, <c>$ref</c> with sibling keywords, <c>$defs</c>,
/// recursion (ValidatorSelfTests checks each).
///
/// FORMAT: in draft 2020-12 <c>format</c> is only an annotation by default, so a "date" would accept "tomorrow". The spec
/// means its formats (date, date-time, email, uri, ...), so evaluation runs with
/// <see cref="EvaluationOptions.RequireFormatValidation"/>. Formats the library does not know (int32, int64, binary, ...)
/// are accepted. RFC 3339 lets a date-time put a space where the "T" goes, and JsonSchema.Net accepts that; the API
/// never sends one, so <see cref="StrictDateTime"/> asks for the "T" as well.
///
/// Every document gets its own schema registry and base URI, so documents that define the same <c>$defs</c> names never
/// see each other's definitions.
/// </summary>
internal static class SchemaValidator
{
    private const int MaxLines = 60;

    private static readonly EvaluationOptions Options = CreateOptions();

    /// <summary>Validates <paramref name="instance"/>; returns the errors (empty when valid), one readable line each.</summary>
    public static IReadOnlyList<string> Validate(JToken instance, JObject schemaDocument)
    {
        var build = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var schema = JsonSchema.FromText(schemaDocument.ToString(Formatting.None), build, new Uri("urn:spec-tests:" + Guid.NewGuid().ToString("N")));
        using var json = JsonDocument.Parse(instance.ToString(Formatting.None));
        var results = schema.Evaluate(json.RootElement, Options);
        var lines = new List<string>();
        if (!results.IsValid)
            Describe(results, 0, lines);
        return lines;
    }

    private static EvaluationOptions CreateOptions()
    {
        var formats = new FormatRegistry();
        formats.Register(new StrictDateTime());
        return new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true, FormatRegistry = formats };
    }

    /// <summary>RFC 3339 date-time with the "T" separator (ISO 8601), as every datetime of the API is written.</summary>
    private sealed class StrictDateTime : Format
    {
        public StrictDateTime()
            : base("date-time")
        {
        }

        public override bool Validate(JsonElement element, out string? errorMessage)
        {
            errorMessage = null;
            if (element.ValueKind != JsonValueKind.String)
                return true;
            var text = element.GetString()!;
            if (text.Length <= 10 || (text[10] != 'T' && text[10] != 't'))
            {
                errorMessage = $"'{text}' is not a date-time with a 'T' between the date and the time";
                return false;
            }
            return Formats.DateTime.Validate(element, out errorMessage);
        }
    }

    private static void Describe(EvaluationResults node, int depth, List<string> lines)
    {
        if (lines.Count >= MaxLines || node.IsValid)
            return;
        foreach (var error in node.Errors ?? new Dictionary<string, string>())
        {
            var at = node.InstanceLocation.ToString();
            lines.Add(new StringBuilder().Append(' ', depth * 2).Append("- ")
                .Append(string.IsNullOrEmpty(at) ? "(root)" : at).Append(": ").Append(error.Key).Append(": ").Append(error.Value)
                .Append(" (schema ").Append(node.EvaluationPath).Append(')').ToString());
        }

        IEnumerable<EvaluationResults> children = node.Details ?? new List<EvaluationResults>();
        var failing = children.Where(c => !c.IsValid).ToList();
        var isBranching = node.EvaluationPath.ToString() is var path && (path.EndsWith("/anyOf", StringComparison.Ordinal) || path.EndsWith("/oneOf", StringComparison.Ordinal));
        if (isBranching || failing.Count > 1)
        {
            // One child per failing branch. Branches that fail on a const (a discriminator such as
            // `subscription: {const: invoice}`) are not the branch the example meant: show the others when there are any.
            var meant = failing.Where(c => !HasConstError(c)).ToList();
            if (meant.Count > 0 && meant.Count < failing.Count)
            {
                lines.Add(new StringBuilder().Append(' ', depth * 2 + 2)
                    .Append($"({failing.Count - meant.Count} branches whose const does not match are not shown)").ToString());
                failing = meant;
            }
        }
        foreach (var child in failing.Take(12))
            Describe(child, depth + 1, lines);
    }

    private static bool HasConstError(EvaluationResults node) =>
        (node.Errors?.ContainsKey("const") ?? false) || (node.Details ?? new List<EvaluationResults>()).Any(c => !c.IsValid && HasConstError(c));
}
