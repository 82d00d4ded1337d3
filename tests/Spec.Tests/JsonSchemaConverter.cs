using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Spec.Tests;

/// <summary>
/// Turns an OpenAPI 3.1 schema into a standalone JSON Schema draft 2020-12 document that a validator can load:
/// <list type="bullet">
/// <item><c>$ref: '#/components/schemas/X...'</c> becomes <c>$ref: '#/$defs/X...'</c>, and every component schema reachable
/// from the schema is copied (converted) into the document's <c>$defs</c>;</item>
/// <item>the OpenAPI-only keywords <c>discriminator</c>, <c>xml</c>, <c>externalDocs</c>, <c>example</c> and the
/// <c>x-*</c> extensions are dropped;</item>
/// <item>everything else is JSON Schema 2020-12 already (OpenAPI 3.1's dialect) and is kept as it is, <c>readOnly</c> and
/// <c>writeOnly</c> included (annotations: they do not make a request example that carries server-set fields fail).</item>
/// </list>
/// Only schema positions are rewritten (properties, items, allOf, ...): a property that happens to be named
/// <c>example</c> or <c>xml</c> is kept, and <c>enum</c>/<c>const</c>/<c>default</c>/<c>examples</c> values are copied verbatim.
/// </summary>
internal static class JsonSchemaConverter
{
    public const string Draft202012 = "https://json-schema.org/draft/2020-12/schema";
    private const string ComponentSchemas = "#/components/schemas/";

    private static readonly HashSet<string> OpenApiOnly = new(StringComparer.Ordinal) { "discriminator", "xml", "externalDocs", "example" };
    private static readonly string[] SchemaMapKeywords = { "properties", "patternProperties", "$defs", "dependentSchemas" };
    private static readonly string[] SchemaListKeywords = { "allOf", "anyOf", "oneOf", "prefixItems" };
    private static readonly HashSet<string> SchemaKeywords = new(StringComparer.Ordinal)
    {
        "items", "not", "additionalProperties", "contains", "if", "then", "else", "propertyNames",
        "unevaluatedItems", "unevaluatedProperties", "contentSchema",
    };

    /// <summary>The standalone JSON Schema document for <paramref name="schema"/>, a schema of <paramref name="spec"/>.</summary>
    public static JObject ToJsonSchemaDocument(JObject spec, JToken schema)
    {
        var referenced = new SortedSet<string>(StringComparer.Ordinal);
        var root = Convert(schema, referenced) as JObject
            ?? new JObject { ["allOf"] = new JArray(Convert(schema, referenced)) };   // boolean schema true/false
        if (root.ContainsKey("$defs"))
            throw new NotSupportedException("a schema with its own $defs cannot be validated here");

        var defs = new JObject();
        var pending = new Queue<string>(referenced);
        while (pending.Count > 0)
        {
            var name = pending.Dequeue();
            if (defs.ContainsKey(name))
                continue;
            var component = spec["components"]?["schemas"]?[name]
                ?? throw new InvalidOperationException($"$ref to missing schema '#/components/schemas/{name}'");
            var more = new SortedSet<string>(StringComparer.Ordinal);
            defs[name] = Convert(component, more);
            foreach (var m in more.Where(m => !defs.ContainsKey(m)))
                pending.Enqueue(m);
        }

        var document = new JObject { ["$schema"] = Draft202012 };
        foreach (var p in root.Properties())
            document[p.Name] = p.Value.DeepClone();
        if (defs.Count > 0)
            document["$defs"] = defs;
        return document;
    }

    private static JToken Convert(JToken schema, ISet<string> referenced)
    {
        if (schema is not JObject s)
            return schema.DeepClone();   // true / false
        var result = new JObject();
        foreach (var p in s.Properties())
        {
            if (OpenApiOnly.Contains(p.Name) || p.Name.StartsWith("x-", StringComparison.Ordinal))
                continue;
            if (p.Name == "$ref" && p.Value.Type == JTokenType.String)
                result[p.Name] = RewriteRef((string)p.Value!, referenced);
            else if (Array.IndexOf(SchemaMapKeywords, p.Name) >= 0 && p.Value is JObject map)
                result[p.Name] = new JObject(map.Properties().Select(x => new JProperty(x.Name, Convert(x.Value, referenced))));
            else if (Array.IndexOf(SchemaListKeywords, p.Name) >= 0 && p.Value is JArray list)
                result[p.Name] = new JArray(list.Select(x => Convert(x, referenced)));
            else if (SchemaKeywords.Contains(p.Name))
                result[p.Name] = Convert(p.Value, referenced);
            else
                result[p.Name] = p.Value.DeepClone();
        }
        return result;
    }

    private static string RewriteRef(string reference, ISet<string> referenced)
    {
        if (!reference.StartsWith(ComponentSchemas, StringComparison.Ordinal))
            throw new NotSupportedException($"schema $ref '{reference}' does not point into #/components/schemas");
        var rest = reference.Substring(ComponentSchemas.Length);
        var slash = rest.IndexOf('/');
        var name = slash < 0 ? rest : rest.Substring(0, slash);
        referenced.Add(Uri.UnescapeDataString(name).Replace("~1", "/").Replace("~0", "~"));
        return "#/$defs/" + rest;
    }
}
