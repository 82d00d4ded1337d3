using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Spec.Tests;

/// <summary>An example of the spec and the schema it must validate against (null when it has none).</summary>
internal sealed record ExampleCase(string Label, JToken Value, JToken? Schema, string Location, string? Problem = null);

/// <summary>
/// Finds every example of a spec: <c>example</c> and <c>examples</c> of request bodies, responses and parameters (in
/// operations, in <c>webhooks</c> and in <c>components</c>), and <c>example</c>/<c>examples</c> written inside schemas.
/// Example Objects given by <c>$ref</c> are resolved; <c>externalValue</c> ones are skipped. Responses, request bodies
/// and parameters that an operation takes by <c>$ref</c> are checked once, under components.
/// </summary>
internal static class ExampleCatalog
{
    private static readonly Dictionary<string, Lazy<IReadOnlyDictionary<string, ExampleCase>>> LazyCases =
        SpecFiles.All.ToDictionary(s => s.Name, s => new Lazy<IReadOnlyDictionary<string, ExampleCase>>(() => Build(s.Document)));

    /// <summary>The examples of the spec named <paramref name="spec"/>, by label (unique within the spec).</summary>
    public static IReadOnlyDictionary<string, ExampleCase> Cases(string spec) => LazyCases[spec].Value;

    public static IReadOnlyDictionary<string, ExampleCase> Build(JObject spec)
    {
        var cases = new List<ExampleCase>();

        foreach (var op in OpenApi.AllOperations(spec))
        {
            var name = op.OperationId is { Length: > 0 } id ? id : op.Label;
            if (op.Node["parameters"] is JArray parameters)
                foreach (var p in parameters.OfType<JObject>().Where(p => p["$ref"] == null))
                    FromParameter(spec, cases, $"{name}: parameter {p["name"]}", p);
            if (op.Node["requestBody"] is JObject body && body["$ref"] == null)
                FromContent(spec, cases, $"{name}: request", body);
            if (op.Node["responses"] is JObject responses)
                foreach (var r in responses.Properties())
                    if (r.Value is JObject response && response["$ref"] == null)
                        FromContent(spec, cases, $"{name}: response {r.Name}", response);
        }
        foreach (var section in new[] { "paths", "webhooks" })
            if (spec[section] is JObject paths)
                foreach (var path in paths.Properties())
                    if (path.Value is JObject item && item["parameters"] is JArray shared)
                        foreach (var p in shared.OfType<JObject>().Where(p => p["$ref"] == null))
                            FromParameter(spec, cases, $"{(section == "webhooks" ? "webhooks/" : "")}{path.Name}: parameter {p["name"]}", p);

        if (spec["components"] is JObject components)
        {
            foreach (var (section, entry) in Entries(components, "parameters"))
                FromParameter(spec, cases, $"components/parameters/{section}", entry);
            foreach (var (section, entry) in Entries(components, "requestBodies"))
                FromContent(spec, cases, $"components/requestBodies/{section}:", entry);
            foreach (var (section, entry) in Entries(components, "responses"))
                FromContent(spec, cases, $"components/responses/{section}:", entry);
        }

        // example / examples written inside schemas (components and inline), checked against that very subschema.
        foreach (var (pointer, schema) in OpenApi.AllSchemas(spec))
        {
            if (schema.ContainsKey("example"))
                cases.Add(new ExampleCase($"{pointer.TrimStart('#', '/')}: example", schema["example"]!, schema, YamlJson.At(schema["example"])));
            if (schema["examples"] is JArray list)
                for (var i = 0; i < list.Count; i++)
                    cases.Add(new ExampleCase($"{pointer.TrimStart('#', '/')}: examples/{i}", list[i], schema, YamlJson.At(list[i])));
        }

        // Labels name the test cases: make them unique.
        var result = new Dictionary<string, ExampleCase>(StringComparer.Ordinal);
        foreach (var c in cases)
        {
            var label = c.Label;
            for (var n = 2; result.ContainsKey(label); n++)
                label = $"{c.Label} #{n}";
            result.Add(label, c with { Label = label });
        }
        return result;
    }

    private static IEnumerable<(string, JObject)> Entries(JObject components, string section) =>
        components[section] is JObject map
            ? map.Properties().Where(p => p.Value is JObject).Select(p => (p.Name, (JObject)p.Value))
            : Enumerable.Empty<(string, JObject)>();

    private static void FromParameter(JObject spec, List<ExampleCase> cases, string label, JObject parameter)
    {
        var schema = parameter["schema"];
        if (parameter.ContainsKey("example"))
            cases.Add(new ExampleCase($"{label} example", parameter["example"]!, schema, YamlJson.At(parameter["example"])));
        FromExamplesMap(spec, cases, label, parameter["examples"], schema);
        FromContent(spec, cases, label, parameter);
    }

    private static void FromContent(JObject spec, List<ExampleCase> cases, string label, JObject holder)
    {
        if (holder["content"] is not JObject content)
            return;
        foreach (var media in content.Properties())
        {
            if (media.Value is not JObject m)
                continue;
            var schema = m["schema"];
            if (m.ContainsKey("example"))
                cases.Add(new ExampleCase($"{label} {media.Name} example", m["example"]!, schema, YamlJson.At(m["example"])));
            FromExamplesMap(spec, cases, $"{label} {media.Name}", m["examples"], schema);
        }
    }

    private static void FromExamplesMap(JObject spec, List<ExampleCase> cases, string label, JToken? examples, JToken? schema)
    {
        if (examples is not JObject map)
            return;
        foreach (var e in map.Properties())
        {
            var example = OpenApi.Deref(spec, e.Value) as JObject;
            if (example == null)
            {
                cases.Add(new ExampleCase($"{label} examples/{e.Name}", JValue.CreateNull(), null, YamlJson.At(e.Value), "its $ref does not resolve to an Example Object"));
                continue;
            }
            if (example.ContainsKey("value"))
                cases.Add(new ExampleCase($"{label} examples/{e.Name}", example["value"]!, schema, YamlJson.At(example["value"])));
        }
    }
}
