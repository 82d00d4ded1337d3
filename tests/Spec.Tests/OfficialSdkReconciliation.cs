using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace Spec.Tests;

/// <summary>
/// Compares the official SDK's facts (<see cref="OfficialSdkFacts"/>) with openapi/starkbank.yaml and names every
/// difference with a stable key ("query: GET /v2/merchant-session holderId"). The keys are what
/// <see cref="OfficialSdkAcceptedDifferences"/> lists; <see cref="FactsChecked"/> counts what was compared.
/// </summary>
internal sealed class OfficialSdkReconciliation
{
    private static readonly HashSet<string> WritableKinds = new(StringComparer.Ordinal) { "required", "optional", "conditional" };

    private readonly JObject _spec;
    private readonly List<Operation> _operations;

    public OfficialSdkReconciliation(JObject spec)
    {
        _spec = spec;
        _operations = OpenApi.Operations(spec).ToList();
        foreach (var resource in OfficialSdkFacts.Resources)
            Reconcile(resource);
    }

    /// <summary>Each difference's key and what the SDK file says (file:line).</summary>
    public SortedDictionary<string, string> Differences { get; } = new(StringComparer.Ordinal);

    public int FactsChecked { get; private set; }

    private void Check(bool agrees, string key, JToken? at)
    {
        FactsChecked++;
        if (!agrees)
            Differences[key] = (string?)at ?? "";
    }

    private void Reconcile(JObject resource)
    {
        var ops = (resource["operations"] as JArray ?? new JArray()).Children<JObject>().ToList();
        var fields = (resource["fields"] as JObject ?? new JObject()).Properties().ToList();
        JToken? resourceSchema = null;
        foreach (var op in ops)
        {
            var method = (string)op["method"]!;
            var path = (string)op["path"]!;
            var label = $"{method} {path}";
            var specOp = _operations.FirstOrDefault(o => o.Method == method && Shape(o.Path) == Shape(path));
            Check(specOp != null, $"route: {label}", op["at"]);
            if (specOp == null)
                continue;
            resourceSchema ??= ResponseItem(specOp, preferSingle: true);

            var parameters = OpenApi.Parameters(_spec, specOp).Where(p => (string?)p["in"] == "query")
                .ToDictionary(p => (string)p["name"]!, p => p, StringComparer.Ordinal);
            foreach (var q in (op["query"] as JArray ?? new JArray()).Values<string>().OfType<string>())
                Check(parameters.ContainsKey(q), $"query: {label} {q}", op["at"]);
            foreach (var f in (op["formats"] as JObject ?? new JObject()).Properties())
            {
                if (parameters.TryGetValue(f.Name, out var p))
                    Check(Accepts(p["schema"], (string)f.Value!), $"format: {label} {f.Name} {(string)f.Value!}", op["at"]);
            }
            foreach (var v in (op["values"] as JObject ?? new JObject()).Properties())
            {
                if (parameters.TryGetValue(v.Name, out var p))
                    CheckEnum(p["schema"], v.Value, $"enum: {label} {v.Name}", op["at"]);
            }

            var body = OpenApi.JsonSchemaOf(_spec, specOp.Node["requestBody"]);
            if (op["body"] is JArray bodyKeys)
            {
                var props = PropertiesOf( body);
                foreach (var b in bodyKeys.Values<string>().OfType<string>())
                {
                    Check(props.ContainsKey(b), $"body: {label} {b}", op["at"]);
                    if (props.TryGetValue(b, out var prop))
                        Check(!IsReadOnly(prop), $"readOnly: {label} {b}", op["at"]);
                }
            }
            if (op["wrapped"] is JValue wrapped && body != null)
                ReconcileCreation(label, specOp, body, (bool)wrapped!, fields, op["at"]);
        }

        resourceSchema ??= SchemaByName(resource);
        if (resourceSchema == null)
        {
            Check(false, $"schema: {Display(resource)}", resource["file"]);
            return;
        }
        var properties = PropertiesOf( resourceSchema);
        foreach (var field in fields)
        {
            var at = field.Value["at"] ?? resource["file"];
            Check(properties.ContainsKey(field.Name), $"field: {Display(resource)} {field.Name}", at);
            if (properties.TryGetValue(field.Name, out var prop) && field.Value["values"] is JArray values)
                CheckEnum(prop, values, $"enum: {Display(resource)} {field.Name}", at);
        }
    }

    private void ReconcileCreation(string label, Operation specOp, JObject body, bool wrapped, List<JProperty> fields, JToken? at)
    {
        var key = (string?)specOp.Node["x-stark-request-key"];
        JToken? item = body;
        if (key != null && PropertiesOf( body).TryGetValue(key, out var list))
            item = OpenApi.Deref(_spec, list)?["items"];
        var props = PropertiesOf( item);
        var required = RequiredOf(item);
        foreach (var field in fields.Where(f => WritableKinds.Contains((string?)f.Value["kind"] ?? "")))
        {
            var where = field.Value["at"] ?? at;
            Check(props.ContainsKey(field.Name), $"create: {label} {field.Name}", where);
            if (!props.TryGetValue(field.Name, out var prop))
                continue;
            Check(!IsReadOnly(prop), $"readOnly: {label} {field.Name}", where);
            if ((string?)field.Value["kind"] == "required")
            {
                Check(required.Contains(field.Name), $"required: {label} {field.Name}", where);
            }
            if (field.Value["format"] is JValue format)
                Check(Accepts(prop, (string)format!), $"format: {label} {field.Name} {(string)format!}", where);
        }
        // A field the SDK documents as optional must not be required by the spec (the SDK would be refused).
        foreach (var field in fields.Where(f => (string?)f.Value["kind"] is "optional" or "conditional"))
            Check(!required.Contains(field.Name), $"notRequired: {label} {field.Name}", field.Value["at"] ?? at);
    }

    /// <summary>The properties of a schema, and of every member of its oneOf / anyOf (a union like PaymentRequest).</summary>
    private Dictionary<string, JToken> PropertiesOf(JToken? schema)
    {
        var result = OpenApi.Properties(_spec, schema);
        foreach (var member in Members(schema))
            foreach (var p in OpenApi.Properties(_spec, member))
                result.TryAdd(p.Key, p.Value);
        return result;
    }

    /// <summary>The required names of a schema; for a union, those every member requires.</summary>
    private HashSet<string> RequiredOf(JToken? schema)
    {
        var result = OpenApi.Required(_spec, schema);
        HashSet<string>? common = null;
        foreach (var member in Members(schema))
        {
            var r = OpenApi.Required(_spec, member);
            if (common == null) common = r; else common.IntersectWith(r);
        }
        if (common != null)
            result.UnionWith(common);
        return result;
    }

    private IEnumerable<JToken> Members(JToken? schema) =>
        OpenApi.Deref(_spec, schema) is JObject s
            ? new[] { s["oneOf"], s["anyOf"] }.OfType<JArray>().SelectMany(a => a)
            : Enumerable.Empty<JToken>();

    private JToken? ResponseItem(Operation op, bool preferSingle)
    {
        if ((string?)op.Node["x-stark-response-key"] is not { } key)
            return null;
        var schema = OpenApi.JsonSchemaOf(_spec, op.Node["responses"]?["200"]);
        if (!PropertiesOf( schema).TryGetValue(key, out var prop))
            return null;
        var resolved = OpenApi.Deref(_spec, prop);
        return resolved?["items"] ?? resolved;
    }

    private JToken? SchemaByName(JObject resource)
    {
        var schemas = _spec["components"]?["schemas"] as JObject;
        var own = Pascal((string)resource["name"]!);
        var top = Pascal(((string)resource["file"]!).Split('/')[1]);
        // Nested objects are named after their owner in the spec (sdk/merchantSession/purchase.js: MerchantSessionPurchase).
        foreach (var name in new[] { Display(resource), own, top + own, top + own.TrimEnd('s') })
        {
            if (schemas?[name] != null)
                return schemas[name];
        }
        return null;
    }

    /// <summary>"InvoiceRule" for sdk/invoice/rule/rule.js, "CorporateCardLog" for corporateCardLog.</summary>
    private static string Display(JObject resource)
    {
        var name = Pascal((string)resource["name"]!);
        var top = Pascal(((string)resource["file"]!).Split('/')[1]);
        return (string?)resource["kind"] == "subResource" && !name.StartsWith(top, StringComparison.Ordinal) ? top + name : name;
    }

    private static string Pascal(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s.Substring(1);

    private void CheckEnum(JToken? schema, JToken values, string key, JToken? at)
    {
        var resolved = OpenApi.Deref(_spec, schema);
        if (resolved?["type"] is JValue { Type: JTokenType.String } t && (string)t! == "array")
            resolved = OpenApi.Deref(_spec, resolved["items"]);
        if (resolved?["enum"] is not JArray known)
            return;
        var set = known.Values<string>().OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var v in values.Values<string>().OfType<string>())
            Check(set.Contains(v), $"{key} {v}", at);
    }

    private bool IsReadOnly(JToken prop) =>
        prop["readOnly"] is JValue { Type: JTokenType.Boolean } r && (bool)r!
        || OpenApi.Deref(_spec, prop)?["readOnly"] is JValue { Type: JTokenType.Boolean } d && (bool)d!;

    /// <summary>Whether the schema accepts "date", "date-time" or both ("date|date-time").</summary>
    private bool Accepts(JToken? schema, string format)
    {
        var formats = new HashSet<string>(StringComparer.Ordinal);
        Collect(OpenApi.Deref(_spec, schema), formats, 0);
        return format.Split('|').All(formats.Contains);
    }

    private void Collect(JToken? schema, HashSet<string> formats, int depth)
    {
        if (depth > 5 || schema is not JObject s)
            return;
        if ((string?)s["format"] is { } f)
            formats.Add(f);
        foreach (var keyword in new[] { "anyOf", "oneOf" })
            foreach (var member in (s[keyword] as JArray ?? new JArray()))
                Collect(OpenApi.Deref(_spec, member), formats, depth + 1);
        if (s["items"] != null)
            Collect(OpenApi.Deref(_spec, s["items"]), formats, depth + 1);
    }

    private static string Shape(string path) => Regex.Replace(path, @"\{[^}]*\}", "{}");
}
