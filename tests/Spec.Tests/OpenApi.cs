using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Spec.Tests;

/// <summary>
/// An operation of the spec: <c>Label</c> is "METHOD /path", the name of its test cases. A <c>webhooks:</c> entry's
/// operation has <c>IsWebhook</c>, <c>Path</c> is the entry's name and <c>Label</c> is "METHOD webhooks/name".
/// </summary>
internal sealed record Operation(string Method, string Path, JObject Node, JObject PathItem, bool IsWebhook = false)
{
    public string Label => IsWebhook ? $"{Method} webhooks/{Path}" : $"{Method} {Path}";
    public string? OperationId => (string?)(Node["operationId"] as JValue);
    /// <summary>"createInvoices (POST /v2/invoice)" or "POST /v2/invoice" without an operationId.</summary>
    public string Name => OperationId is { Length: > 0 } id ? $"{id} ({Label})" : Label;
}

/// <summary>Navigation helpers over the spec's JSON tree.</summary>
internal static class OpenApi
{
    public static readonly string[] HttpMethods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    /// <summary>The operations of <c>paths</c>: the API's endpoints.</summary>
    public static IEnumerable<Operation> Operations(JObject spec) => OperationsOf(spec["paths"], webhooks: false);

    /// <summary>The operations of the top-level <c>webhooks</c> (OpenAPI 3.1): what the API sends to its customers.</summary>
    public static IEnumerable<Operation> Webhooks(JObject spec) => OperationsOf(spec["webhooks"], webhooks: true);

    /// <summary>The operations of <c>paths</c> and of <c>webhooks</c>.</summary>
    public static IEnumerable<Operation> AllOperations(JObject spec) => Operations(spec).Concat(Webhooks(spec));

    private static IEnumerable<Operation> OperationsOf(JToken? pathItems, bool webhooks)
    {
        if (pathItems is not JObject items)
            yield break;
        foreach (var path in items.Properties())
        {
            if (path.Value is not JObject item)
                continue;
            foreach (var method in HttpMethods)
            {
                if (item[method] is JObject op)
                    yield return new Operation(method.ToUpperInvariant(), path.Name, op, item, webhooks);
            }
        }
    }

    /// <summary>Resolves a local JSON pointer such as <c>#/components/schemas/Invoice</c>; null when it does not resolve.</summary>
    public static JToken? ResolvePointer(JObject spec, string reference)
    {
        if (!reference.StartsWith('#'))
            return null;
        var fragment = Uri.UnescapeDataString(reference.Substring(1));
        if (fragment.Length == 0)
            return spec;
        if (!fragment.StartsWith('/'))
            return null;
        JToken? current = spec;
        foreach (var raw in fragment.Substring(1).Split('/'))
        {
            var segment = raw.Replace("~1", "/").Replace("~0", "~");
            current = current switch
            {
                JObject o => o[segment],
                JArray a when int.TryParse(segment, out var i) && i >= 0 && i < a.Count => a[i],
                _ => null,
            };
            if (current == null)
                return null;
        }
        return current;
    }

    /// <summary>Follows <c>$ref</c> chains (up to 20 hops); returns the token itself when it is not a reference.</summary>
    public static JToken? Deref(JObject spec, JToken? token)
    {
        for (var hops = 0; hops < 20; hops++)
        {
            if (token is not JObject o || o["$ref"] is not JValue { Type: JTokenType.String } r)
                return token;
            token = ResolvePointer(spec, (string)r!);
        }
        throw new InvalidOperationException("$ref chain longer than 20 hops (a cycle?)");
    }

    /// <summary>The parameters exactly as declared by the operation and by its path item, references resolved.</summary>
    public static List<JObject> DeclaredParameters(JObject spec, Operation op) =>
        new[] { op.Node["parameters"], op.PathItem["parameters"] }
            .OfType<JArray>()
            .SelectMany(list => list)
            .Select(p => Deref(spec, p))
            .OfType<JObject>()
            .ToList();

    /// <summary>The operation's parameters, path-level ones included (operation-level ones win), references resolved.</summary>
    public static List<JObject> Parameters(JObject spec, Operation op)
    {
        var result = new List<JObject>();
        foreach (var list in new[] { op.Node["parameters"], op.PathItem["parameters"] })
        {
            if (list is not JArray array)
                continue;
            foreach (var p in array)
            {
                if (Deref(spec, p) is JObject param
                    && !result.Any(x => (string?)x["name"] == (string?)param["name"] && (string?)x["in"] == (string?)param["in"]))
                    result.Add(param);
            }
        }
        return result;
    }

    public static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The schema of the first JSON media type of a response or request body (resolved), or null.</summary>
    public static JObject? JsonSchemaOf(JObject spec, JToken? responseOrBody)
    {
        if (Deref(spec, responseOrBody) is not JObject resolved || resolved["content"] is not JObject content)
            return null;
        var json = content.Properties().FirstOrDefault(p => IsJson(p.Name));
        return json?.Value is JObject media ? Deref(spec, media["schema"]) as JObject : null;
    }

    /// <summary>The properties a schema declares, its <c>allOf</c> members' included (references resolved).</summary>
    public static Dictionary<string, JToken> Properties(JObject spec, JToken? schema, int depth = 0)
    {
        var result = new Dictionary<string, JToken>(StringComparer.Ordinal);
        if (depth > 20 || Deref(spec, schema) is not JObject s)
            return result;
        if (s["properties"] is JObject props)
            foreach (var p in props.Properties())
                result.TryAdd(p.Name, p.Value);
        if (s["allOf"] is JArray allOf)
            foreach (var member in allOf)
                foreach (var p in Properties(spec, member, depth + 1))
                    result.TryAdd(p.Key, p.Value);
        return result;
    }

    /// <summary>The names a schema marks required, its <c>allOf</c> members' included.</summary>
    public static HashSet<string> Required(JObject spec, JToken? schema, int depth = 0)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (depth > 20 || Deref(spec, schema) is not JObject s)
            return result;
        if (s["required"] is JArray required)
            result.UnionWith(required.Values<string>().OfType<string>());
        if (s["allOf"] is JArray allOf)
            foreach (var member in allOf)
                result.UnionWith(Required(spec, member, depth + 1));
        return result;
    }

    /// <summary>The JSON types a schema allows (<c>type: x</c> or <c>type: [x, "null"]</c>); empty when untyped.</summary>
    public static HashSet<string> Types(JToken? schema)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        switch (schema?["type"])
        {
            case JValue { Type: JTokenType.String } one:
                result.Add((string)one!);
                break;
            case JArray many:
                result.UnionWith(many.Values<string>().OfType<string>());
                break;
        }
        return result;
    }

    // ---- schema walking --------------------------------------------------------------------------------------

    private static readonly string[] SchemaMapKeywords = { "properties", "patternProperties", "$defs", "dependentSchemas" };
    private static readonly string[] SchemaListKeywords = { "allOf", "anyOf", "oneOf", "prefixItems" };
    private static readonly string[] SchemaKeywords =
    {
        "items", "not", "additionalProperties", "contains", "if", "then", "else", "propertyNames",
        "unevaluatedItems", "unevaluatedProperties", "contentSchema",
    };

    /// <summary>
    /// Every schema object of the spec with its JSON pointer: component schemas, and the schemas of parameters, request
    /// bodies, responses and headers (components, operations and webhooks), with all their subschemas. <c>$ref</c>s are
    /// not followed.
    /// </summary>
    public static IEnumerable<(string Pointer, JObject Schema)> AllSchemas(JObject spec)
    {
        foreach (var (pointer, root) in SchemaRoots(spec))
            foreach (var s in Subschemas(pointer, root))
                yield return s;
    }

    /// <summary>A schema and its subschemas (structurally: properties, items, allOf, ...), without following <c>$ref</c>.</summary>
    public static IEnumerable<(string Pointer, JObject Schema)> Subschemas(string pointer, JToken? schema)
    {
        if (schema is not JObject s)
            yield break;
        yield return (pointer, s);
        foreach (var keyword in SchemaMapKeywords)
            if (s[keyword] is JObject map)
                foreach (var p in map.Properties())
                    foreach (var sub in Subschemas($"{pointer}/{keyword}/{Escape(p.Name)}", p.Value))
                        yield return sub;
        foreach (var keyword in SchemaListKeywords)
            if (s[keyword] is JArray list)
                for (var i = 0; i < list.Count; i++)
                    foreach (var sub in Subschemas($"{pointer}/{keyword}/{i}", list[i]))
                        yield return sub;
        foreach (var keyword in SchemaKeywords)
            foreach (var sub in Subschemas($"{pointer}/{keyword}", s[keyword]))
                yield return sub;
    }

    private static IEnumerable<(string Pointer, JToken Schema)> SchemaRoots(JObject spec)
    {
        if (spec["components"] is JObject components)
        {
            if (components["schemas"] is JObject schemas)
                foreach (var p in schemas.Properties())
                    yield return ($"#/components/schemas/{Escape(p.Name)}", p.Value);
            foreach (var r in SectionSchemas(components["parameters"], "#/components/parameters", ParameterSchemas))
                yield return r;
            foreach (var r in SectionSchemas(components["headers"], "#/components/headers", ParameterSchemas))
                yield return r;
            foreach (var r in SectionSchemas(components["requestBodies"], "#/components/requestBodies", ContentSchemas))
                yield return r;
            foreach (var r in SectionSchemas(components["responses"], "#/components/responses", ResponseSchemas))
                yield return r;
        }
        foreach (var section in new[] { "paths", "webhooks" })
        {
            if (spec[section] is not JObject paths)
                continue;
            foreach (var path in paths.Properties())
            {
                if (path.Value is not JObject item)
                    continue;
                var itemPointer = $"#/{section}/{Escape(path.Name)}";
                foreach (var r in ParameterListSchemas(item["parameters"], $"{itemPointer}/parameters"))
                    yield return r;
                foreach (var method in HttpMethods)
                {
                    if (item[method] is not JObject op)
                        continue;
                    var opPointer = $"{itemPointer}/{method}";
                    foreach (var r in ParameterListSchemas(op["parameters"], $"{opPointer}/parameters"))
                        yield return r;
                    foreach (var r in ContentSchemas(op["requestBody"], $"{opPointer}/requestBody"))
                        yield return r;
                    if (op["responses"] is JObject responses)
                        foreach (var response in responses.Properties())
                            foreach (var r in ResponseSchemas(response.Value, $"{opPointer}/responses/{Escape(response.Name)}"))
                                yield return r;
                }
            }
        }
    }

    private static IEnumerable<(string, JToken)> SectionSchemas(JToken? section, string pointer, Func<JToken, string, IEnumerable<(string, JToken)>> schemasOf)
    {
        if (section is JObject map)
            foreach (var p in map.Properties())
                foreach (var r in schemasOf(p.Value, $"{pointer}/{Escape(p.Name)}"))
                    yield return r;
    }

    private static IEnumerable<(string, JToken)> ParameterListSchemas(JToken? list, string pointer)
    {
        if (list is JArray array)
            for (var i = 0; i < array.Count; i++)
                foreach (var r in ParameterSchemas(array[i], $"{pointer}/{i}"))
                    yield return r;
    }

    private static IEnumerable<(string, JToken)> ParameterSchemas(JToken parameter, string pointer)
    {
        if (parameter is JObject p && p["schema"] is JObject schema)
            yield return ($"{pointer}/schema", schema);
        foreach (var r in ContentSchemas(parameter, pointer))
            yield return r;
    }

    private static IEnumerable<(string, JToken)> ResponseSchemas(JToken response, string pointer)
    {
        foreach (var r in ContentSchemas(response, pointer))
            yield return r;
        if (response is JObject resp && resp["headers"] is JObject headers)
            foreach (var h in headers.Properties())
                foreach (var r in ParameterSchemas(h.Value, $"{pointer}/headers/{Escape(h.Name)}"))
                    yield return r;
    }

    private static IEnumerable<(string, JToken)> ContentSchemas(JToken? holder, string pointer)
    {
        if (holder is JObject h && h["content"] is JObject content)
            foreach (var media in content.Properties())
                if (media.Value is JObject m && m["schema"] is JObject schema)
                    yield return ($"{pointer}/content/{Escape(media.Name)}/schema", schema);
    }

    /// <summary>JSON pointer escaping of one segment.</summary>
    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");
}
