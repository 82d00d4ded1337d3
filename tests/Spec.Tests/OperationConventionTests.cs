using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Spec.Tests;

/// <summary>
/// Every operation of each spec follows docs/architecture.md section 1 (what the generator reads). One test case per
/// operation, named "(spec, METHOD /path)"; a failure lists every rule the operation breaks.
/// </summary>
[TestFixture]
public class OperationConventionTests
{
    private static readonly Regex CamelCase = new(@"^[a-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant);
    private static readonly Regex PascalCase = new(@"^[A-Z][A-Za-z0-9]*$", RegexOptions.CultureInvariant);
    private static readonly Regex ClientPath = new(@"^[A-Z][A-Za-z0-9]*(\.[A-Z][A-Za-z0-9]*)*$", RegexOptions.CultureInvariant);
    private static readonly Regex PathTemplate = new(@"\{([^}]+)\}", RegexOptions.CultureInvariant);

    public static IEnumerable<TestCaseData> Operations() =>
        SpecFiles.All.SelectMany(spec => OpenApi.Operations(spec.Document).Select(op =>
            new TestCaseData(spec.Name, op.Label).SetArgDisplayNames(spec.Name, op.Label)));

    public static IEnumerable<TestCaseData> Specs() => SpecFiles.Cases(SpecFiles.All);

    [TestCaseSource(nameof(Operations))]
    public void OperationFollowsTheConventions(string specName, string label)
    {
        var spec = SpecFiles.Get(specName).Document;
        var op = OpenApi.Operations(spec).Single(o => o.Label == label);
        var problems = Check(spec, op);
        Assert.That(problems, Is.Empty, $"{op.Name}{YamlJson.At(op.Node)}:\n  - " + string.Join("\n  - ", problems));
    }

    [TestCaseSource(nameof(Specs))]
    public void OperationIdsAreUnique(string specName)
    {
        // OpenAPI: "unique among all operations described in the API", webhooks included.
        var duplicates = OpenApi.AllOperations(SpecFiles.Get(specName).Document)
            .Where(op => op.OperationId != null)
            .GroupBy(op => op.OperationId)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(op => op.Label))}")
            .ToList();
        Assert.That(duplicates, Is.Empty, "duplicate operationIds:\n  " + string.Join("\n  ", duplicates));
    }

    [TestCaseSource(nameof(Specs))]
    public void ClientMethodPairsAreUnique(string specName)
    {
        // Two operations with the same x-stark-client and x-stark-method would generate the same C# method twice.
        var duplicates = OpenApi.Operations(SpecFiles.Get(specName).Document)
            .Where(op => op.Node["x-stark-client"] != null && op.Node["x-stark-method"] != null)
            .GroupBy(op => $"{op.Node["x-stark-client"]}.{op.Node["x-stark-method"]}")
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}Async: {string.Join(", ", g.Select(op => op.Label))}")
            .ToList();
        Assert.That(duplicates, Is.Empty, "operations that would generate the same SDK method:\n  " + string.Join("\n  ", duplicates));
    }

    internal static List<string> Check(JObject spec, Operation op)
    {
        var problems = new List<string>();
        var node = op.Node;

        // operationId: unique, camelCase
        var operationId = op.OperationId;
        if (string.IsNullOrEmpty(operationId))
            problems.Add("no operationId");
        else
        {
            if (!CamelCase.IsMatch(operationId))
                problems.Add($"operationId '{operationId}' is not camelCase");
            var others = OpenApi.AllOperations(spec).Where(o => o.OperationId == operationId && o.Label != op.Label).Select(o => o.Label).ToList();
            if (others.Count > 0)
                problems.Add($"operationId '{operationId}' is also used by {string.Join(", ", others)}");
        }

        // tags: exactly one, declared at the top level
        var tags = node["tags"] as JArray;
        if (tags == null || tags.Count != 1)
            problems.Add($"has {tags?.Count ?? 0} tags, expected exactly one (the resource)");
        else
        {
            var declared = (spec["tags"] as JArray)?.Select(t => (string?)t["name"]).ToHashSet() ?? new HashSet<string?>();
            if (!declared.Contains((string?)tags[0]))
                problems.Add($"tag '{tags[0]}' is not declared in the top-level tags");
        }

        // x-stark-client / x-stark-method
        var client = (node["x-stark-client"] as JValue)?.Value as string;
        var method = (node["x-stark-method"] as JValue)?.Value as string;
        if (string.IsNullOrEmpty(client))
            problems.Add("no x-stark-client");
        else if (!ClientPath.IsMatch(client))
            problems.Add($"x-stark-client '{client}' is not PascalCase and dot-separated (Invoices, Invoices.Logs)");
        if (string.IsNullOrEmpty(method))
            problems.Add("no x-stark-method");
        else if (!PascalCase.IsMatch(method) || method.EndsWith("Async", StringComparison.Ordinal))
            problems.Add($"x-stark-method '{method}' is not a PascalCase name without Async");

        var parameters = OpenApi.Parameters(spec, op);

        // path parameters: every {name} of the path is a required string path parameter
        foreach (Match m in PathTemplate.Matches(op.Path))
        {
            var name = m.Groups[1].Value;
            var p = parameters.FirstOrDefault(x => (string?)x["in"] == "path" && (string?)x["name"] == name);
            if (p == null)
                problems.Add($"path parameter {{{name}}} is not declared");
            else
            {
                if (p["required"]?.Type != JTokenType.Boolean || !(bool)p["required"]!)
                    problems.Add($"path parameter {name} is not required: true");
                if (!OpenApi.Types(OpenApi.Deref(spec, p["schema"])).SetEquals(new[] { "string" }))
                    problems.Add($"path parameter {name} is not type: string");
            }
        }

        // no parameter declared twice in the same list (the operation's or the path item's)
        foreach (var list in new[] { node["parameters"], op.PathItem["parameters"] }.OfType<JArray>())
            foreach (var twice in list.Select(p => OpenApi.Deref(spec, p)).OfType<JObject>()
                         .GroupBy(p => $"{p["in"]} parameter '{p["name"]}'").Where(g => g.Count() > 1))
                problems.Add($"{twice.Key} is declared {twice.Count()} times");

        // limit: integer, maximum 100
        foreach (var limit in OpenApi.DeclaredParameters(spec, op).Where(p => (string?)p["name"] == "limit" && (string?)p["in"] == "query"))
        {
            var schema = OpenApi.Deref(spec, limit["schema"]);
            if (!OpenApi.Types(schema).Contains("integer"))
                problems.Add("the limit parameter is not an integer");
            if (schema?["maximum"] is not JValue { Type: JTokenType.Integer or JTokenType.Float } max || (double)max != 100)
                problems.Add($"the limit parameter's maximum is {schema?["maximum"]?.ToString() ?? "missing"}, expected 100");
        }

        // 200 response and x-stark-response-key
        var responseKey = node["x-stark-response-key"];
        var ok = OpenApi.Deref(spec, node["responses"]?["200"]) as JObject;
        JObject? okSchema = null;
        if (ok == null)
            problems.Add("no 200 response");
        else
        {
            var content = ok["content"] as JObject;
            var isJson = content?.Properties().Any(p => OpenApi.IsJson(p.Name)) ?? false;
            if (isJson)
            {
                okSchema = OpenApi.JsonSchemaOf(spec, ok);
                if (okSchema == null)
                    problems.Add("the JSON 200 response has no schema");
                if (responseKey is not JValue { Type: JTokenType.String } || ((string)responseKey!).Length == 0)
                    problems.Add("JSON 200 response without x-stark-response-key");
                else if (okSchema != null && !OpenApi.Properties(spec, okSchema).ContainsKey((string)responseKey!))
                    problems.Add($"x-stark-response-key '{responseKey}' is not a property of the 200 response schema (it has: {string.Join(", ", OpenApi.Properties(spec, okSchema).Keys)})");
            }
            else
            {
                if (responseKey != null)
                    problems.Add($"x-stark-response-key '{responseKey}' on a non-JSON 200 response");
                foreach (var media in content?.Properties() ?? Enumerable.Empty<JProperty>())
                {
                    var schema = OpenApi.Deref(spec, (media.Value as JObject)?["schema"]);
                    if ((string?)schema?["type"] != "string" || (string?)schema?["format"] != "binary")
                        problems.Add($"binary 200 response {media.Name} is not {{type: string, format: binary}}");
                }
            }
        }

        // x-stark-single-item: true on a non-paged JSON GET whose x-stark-response-key names an array that always holds one
        // item (the balances); the SDK returns that item. Conversely a Get whose response key is an array must say so.
        var singleItem = node["x-stark-single-item"];
        var keyIsArray = okSchema != null && responseKey?.Type == JTokenType.String
            && OpenApi.Properties(spec, okSchema).TryGetValue((string)responseKey!, out var keyed)
            && OpenApi.Types(OpenApi.Deref(spec, keyed)).Contains("array");
        if (singleItem != null)
        {
            if (singleItem.Type != JTokenType.Boolean)
                problems.Add($"x-stark-single-item is '{singleItem}', expected true (or nothing)");
            else if ((bool)singleItem!)
            {
                if (op.Method != "GET")
                    problems.Add("x-stark-single-item on a non-GET operation");
                if (method == "Query" || parameters.Any(p => (string?)p["name"] == "cursor" && (string?)p["in"] == "query"))
                    problems.Add("x-stark-single-item on a paged operation (Query or a cursor parameter): a one-item list has no pages");
                if (!keyIsArray)
                    problems.Add("x-stark-single-item but the x-stark-response-key does not name an array property of the JSON 200 response");
            }
        }
        else if (method == "Get" && keyIsArray)
            problems.Add($"x-stark-method Get returns the array '{responseKey}': a one-item list needs x-stark-single-item: true (the SDK then returns its item)");

        // x-stark-request-key: a required array property of the request body schema
        var requestKey = node["x-stark-request-key"];
        if (requestKey != null)
        {
            var bodySchema = OpenApi.JsonSchemaOf(spec, node["requestBody"]);
            var key = requestKey.Type == JTokenType.String ? (string)requestKey! : null;
            if (string.IsNullOrEmpty(key))
                problems.Add("x-stark-request-key is not a property name");
            else if (bodySchema == null)
                problems.Add($"x-stark-request-key '{key}' but no JSON request body schema");
            else
            {
                var properties = OpenApi.Properties(spec, bodySchema);
                if (!properties.TryGetValue(key, out var property))
                    problems.Add($"x-stark-request-key '{key}' is not a property of the request body schema (it has: {string.Join(", ", properties.Keys)})");
                else
                {
                    if (!OpenApi.Required(spec, bodySchema).Contains(key))
                        problems.Add($"x-stark-request-key '{key}' is not in the request body schema's required list");
                    if (!OpenApi.Types(OpenApi.Deref(spec, property)).Contains("array"))
                        problems.Add($"x-stark-request-key '{key}' is not an array property");
                }
            }
        }

        // paged lists
        if (method == "Query")
        {
            if (op.Method != "GET")
                problems.Add("x-stark-method Query on a non-GET operation");
            foreach (var name in new[] { "cursor", "limit" })
                if (!parameters.Any(p => (string?)p["name"] == name && (string?)p["in"] == "query"))
                    problems.Add($"paged (Query) operation without a '{name}' query parameter");
            if (okSchema != null)
            {
                var properties = OpenApi.Properties(spec, okSchema);
                if (!properties.TryGetValue("cursor", out var cursor))
                    problems.Add("paged (Query) operation whose 200 response schema has no 'cursor' property");
                else if (!OpenApi.Types(OpenApi.Deref(spec, cursor)).SetEquals(new[] { "string", "null" }))
                    problems.Add("the response's cursor is not type: [string, \"null\"]");
                if (responseKey?.Type == JTokenType.String && properties.TryGetValue((string)responseKey!, out var items)
                    && !OpenApi.Types(OpenApi.Deref(spec, items)).Contains("array"))
                    problems.Add($"paged (Query) operation whose x-stark-response-key '{responseKey}' is not an array");
            }
        }

        return problems;
    }
}
