using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Spec.Tests;

/// <summary>
/// The signed callbacks of the specs that document some (starkinfra: Data/starkinfra-callbacks.txt). Each is an
/// OpenAPI 3.1 top-level <c>webhooks:</c> entry carrying <c>x-stark-callback: Name</c> (the generator emits a
/// <c>ParseName</c> helper from it): what Stark Infra POSTs (or GETs) to the customer, signed in <c>Digital-Signature</c>,
/// and the answer the customer sends back. A callback of the facts ("IssuingPurchase parse", "PixRequest response")
/// maps to the <c>webhooks:</c> entries tagged with its resource.
/// </summary>
[TestFixture]
public class CallbackTests
{
    private static readonly Regex PascalCase = new(@"^[A-Z][A-Za-z0-9]*$", RegexOptions.CultureInvariant);
    private static readonly Regex CamelCase = new(@"^[a-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant);
    private static readonly Regex ClientPath = new(@"^[A-Z][A-Za-z0-9]*(\.[A-Z][A-Za-z0-9]*)*$", RegexOptions.CultureInvariant);
    private const string SignatureHeader = "Digital-Signature";

    private static IEnumerable<SpecUnderTest> SpecsWithCallbacks => SpecFiles.All.Where(s => s.CallbacksFile != null);

    public static IEnumerable<TestCaseData> Specs() => SpecFiles.Cases(SpecsWithCallbacks);

    public static IEnumerable<TestCaseData> Webhooks() =>
        SpecsWithCallbacks.SelectMany(spec => OpenApi.Webhooks(spec.Document).Select(op =>
            new TestCaseData(spec.Name, op.Label).SetArgDisplayNames(spec.Name, op.Label)));

    public static IEnumerable<TestCaseData> Callbacks() =>
        SpecsWithCallbacks.SelectMany(spec => spec.Callbacks.Select(c =>
            new TestCaseData(spec.Name, c.Resource, c.Op).SetArgDisplayNames(spec.Name, c.ToString())));

    [TestCaseSource(nameof(Webhooks))]
    public void WebhookIsASignedCallback(string specName, string label)
    {
        var spec = SpecFiles.Get(specName).Document;
        var op = OpenApi.Webhooks(spec).Single(o => o.Label == label);
        var problems = Check(spec, op);
        Assert.That(problems, Is.Empty, $"{op.Name}{YamlJson.At(op.Node)}:\n  - " + string.Join("\n  - ", problems));
    }

    [TestCaseSource(nameof(Specs))]
    public void CallbackNamesAreUnique(string specName)
    {
        // Two entries with the same x-stark-callback would generate the same Parse<Name> helper twice.
        var duplicates = OpenApi.Webhooks(SpecFiles.Get(specName).Document)
            .Select(op => (Op: op, Name: CallbackName(op)))
            .Where(x => x.Name != null)
            .GroupBy(x => x.Name)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.Op.Label))}")
            .ToList();
        Assert.That(duplicates, Is.Empty, "webhooks entries with the same x-stark-callback:\n  " + string.Join("\n  ", duplicates));
    }

    [TestCaseSource(nameof(Callbacks))]
    public void DocumentedCallbackIsAWebhook(string specName, string resource, string operation)
    {
        var spec = SpecFiles.Get(specName);
        var documented = spec.Callbacks.Single(c => c.Resource == resource && c.Op == operation);
        var hooks = CallbacksOf(spec.Document, resource);
        var all = string.Join(", ", OpenApi.Webhooks(spec.Document).Select(op =>
            $"{op.Label} (tagged {string.Join(", ", Tags(op))}; {(CallbackName(op) is { } n ? "x-stark-callback " + n : "no x-stark-callback")})"));
        Assert.That(hooks, Is.Not.Empty,
            $"{documented} ({documented.Where}) has no webhooks entry: none is tagged {resource} and carries an x-stark-callback in {spec.FileName} (it has: {all})");

        var described = string.Join(", ", hooks.Select(h => $"{CallbackName(h)}{YamlJson.At(h.Node)}"));
        if (operation.StartsWith("parse", StringComparison.Ordinal) || operation.StartsWith("verify", StringComparison.Ordinal))
        {
            // What Stark Infra sends: a signed payload to verify (and parse).
            Assert.That(hooks.Where(h => HasPayload(spec.Document, h) && SignatureParameter(spec.Document, h) != null), Is.Not.Empty,
                $"{documented} ({documented.Where}): none of the {resource} callbacks ({described}) receives a payload signed in {SignatureHeader}");
        }
        else if (operation.StartsWith("response", StringComparison.Ordinal))
        {
            // The answers the SDK builds: each has its own answer schema (a oneOf answer counts each branch).
            var answers = hooks.SelectMany(h => AnswerShapes(spec.Document, h)).ToHashSet(StringComparer.Ordinal);
            var builders = spec.Callbacks.Where(c => c.Resource == resource && c.Op.StartsWith("response", StringComparison.Ordinal)).Select(c => c.Op).ToList();
            Assert.That(answers, Is.Not.Empty,
                $"{documented} ({documented.Where}): none of the {resource} callbacks ({described}) has a JSON 200 answer schema");
            Assert.That(answers.Count, Is.GreaterThanOrEqualTo(builders.Count),
                $"{documented} ({documented.Where}): {resource} builds {builders.Count} answers ({string.Join(", ", builders)}) but its callbacks ({described}) describe only {answers.Count} answer schemas ({string.Join(", ", answers)})");
        }
        else
        {
            Assert.Fail($"{documented} ({documented.Where}): unknown kind of callback operation (expected parse..., verify... or response...): teach CallbackTests what it is");
        }
    }

    [TestCaseSource(nameof(Specs))]
    public void EveryCallbackWebhookIsDocumented(string specName)
    {
        var spec = SpecFiles.Get(specName);
        var resources = spec.Callbacks.Select(c => c.Resource).ToHashSet(StringComparer.Ordinal);
        var extra = OpenApi.Webhooks(spec.Document)
            .Where(op => CallbackName(op) != null && !Tags(op).Any(resources.Contains))
            .Select(op => $"{op.Label} ({CallbackName(op)}, tagged {string.Join(", ", Tags(op))}){YamlJson.At(op.Node)}")
            .ToList();
        Assert.That(extra, Is.Empty, $"callbacks whose resource has no callback in {spec.CallbacksFile}:\n  " + string.Join("\n  ", extra));
    }

    [TestCaseSource(nameof(Specs))]
    public void CallbacksFileIsSane(string specName)
    {
        var spec = SpecFiles.Get(specName);
        Assert.That(spec.Callbacks, Is.Not.Empty, $"{spec.CallbacksFile} is empty: run tools/extract-infra-routes.py");
        Assert.That(spec.Callbacks.Select(c => c.ToString()), Is.Unique, $"{spec.CallbacksFile} has duplicates: run tools/extract-infra-routes.py");
    }

    internal static List<string> Check(JObject spec, Operation op)
    {
        var problems = new List<string>();
        var node = op.Node;

        var name = node["x-stark-callback"];
        if (name == null)
            problems.Add("no x-stark-callback: a webhooks entry of this spec is a signed callback the SDK parses");
        else if (name.Type != JTokenType.String || !PascalCase.IsMatch((string)name!))
            problems.Add($"x-stark-callback '{name}' is not a PascalCase name (the SDK emits Parse<Name>)");

        // Where the SDK puts the method that verifies it (the generator's fallback, the tag's client and Parse<Name>, is
        // not used by these specs: each callback says it).
        var client = (node["x-stark-client"] as JValue)?.Value as string;
        var method = (node["x-stark-method"] as JValue)?.Value as string;
        if (string.IsNullOrEmpty(client))
            problems.Add("no x-stark-client (the SDK client whose method verifies the callback, e.g. PixRequests)");
        else if (!ClientPath.IsMatch(client))
            problems.Add($"x-stark-client '{client}' is not PascalCase and dot-separated");
        if (string.IsNullOrEmpty(method))
            problems.Add("no x-stark-method (the SDK method without Async, e.g. Parse)");
        else if (!PascalCase.IsMatch(method) || method.EndsWith("Async", StringComparison.Ordinal))
            problems.Add($"x-stark-method '{method}' is not a PascalCase name without Async");
        else if (client != null && OpenApi.Operations(spec).Any(o => (string?)o.Node["x-stark-client"] == client && (string?)o.Node["x-stark-method"] == method))
            problems.Add($"{client}.{method}Async is also the method of an API operation");
        if (node["x-stark-request-key"] is { } requestKey)
        {
            var bodySchema = OpenApi.JsonSchemaOf(spec, node["requestBody"]);
            if (requestKey.Type != JTokenType.String || bodySchema == null)
                problems.Add("x-stark-request-key on a callback without a JSON body");
            else if (!OpenApi.Required(spec, bodySchema).Contains((string)requestKey!))
                problems.Add($"x-stark-request-key '{requestKey}' is not a required property of the request body (the payload the SDK returns)");
        }

        if (string.IsNullOrEmpty(op.OperationId))
            problems.Add("no operationId");
        else if (!CamelCase.IsMatch(op.OperationId))
            problems.Add($"operationId '{op.OperationId}' is not camelCase");

        var tags = node["tags"] as JArray;
        if (tags == null || tags.Count != 1)
            problems.Add($"has {tags?.Count ?? 0} tags, expected exactly one (the resource)");
        else if (!((spec["tags"] as JArray)?.Any(t => (string?)t["name"] == (string?)tags[0]) ?? false))
            problems.Add($"tag '{tags[0]}' is not declared in the top-level tags");

        // The payload: a request body, or for a GET callback a required query parameter.
        var body = OpenApi.Deref(spec, node["requestBody"]) as JObject;
        var parameters = OpenApi.Parameters(spec, op);
        if (op.Method == "GET")
        {
            if (body != null)
                problems.Add("a GET callback with a request body");
            if (!parameters.Any(p => (string?)p["in"] == "query" && p["required"]?.Type == JTokenType.Boolean && (bool)p["required"]!))
                problems.Add("a GET callback without a required query parameter (what it carries)");
        }
        else if (body == null)
            problems.Add($"a {op.Method} callback without a request body");
        else
        {
            if (body["required"]?.Type != JTokenType.Boolean || !(bool)body["required"]!)
                problems.Add("the request body is not required: true");
            if (OpenApi.JsonSchemaOf(spec, body) == null)
                problems.Add("the request body has no JSON schema");
        }

        // Signed by Stark Infra, not by the customer's access keys.
        var signature = SignatureParameter(spec, op);
        if (signature == null)
            problems.Add($"no {SignatureHeader} header parameter (the signature the SDK verifies)");
        else
        {
            if (signature["required"]?.Type != JTokenType.Boolean || !(bool)signature["required"]!)
                problems.Add($"the {SignatureHeader} header is not required: true");
            if (!OpenApi.Types(OpenApi.Deref(spec, signature["schema"])).SetEquals(new[] { "string" }))
                problems.Add($"the {SignatureHeader} header is not type: string");
        }
        if (node["security"] is not JArray { Count: 0 })
            problems.Add("security is not [] (the customer's access keys sign nothing here: Stark Infra signs the callback)");

        // The answer.
        var ok = OpenApi.Deref(spec, node["responses"]?["200"]) as JObject;
        if (ok == null)
            problems.Add("no 200 response (the answer the customer sends)");
        else if (ok["content"] is JObject content && content.Properties().Any(p => OpenApi.IsJson(p.Name)) && OpenApi.JsonSchemaOf(spec, ok) == null)
            problems.Add("the JSON 200 answer has no schema");

        return problems;
    }

    private static string? CallbackName(Operation op) =>
        op.Node["x-stark-callback"] is JValue { Type: JTokenType.String } v ? (string)v! : null;

    private static IEnumerable<string> Tags(Operation op) =>
        (op.Node["tags"] as JArray)?.Values<string>().OfType<string>() ?? Enumerable.Empty<string>();

    /// <summary>The <c>webhooks:</c> operations tagged <paramref name="resource"/> that carry an x-stark-callback.</summary>
    private static List<Operation> CallbacksOf(JObject spec, string resource) =>
        OpenApi.Webhooks(spec).Where(op => CallbackName(op) != null && Tags(op).Contains(resource)).ToList();

    private static JObject? SignatureParameter(JObject spec, Operation op) =>
        OpenApi.Parameters(spec, op).FirstOrDefault(p =>
            (string?)p["in"] == "header" && string.Equals((string?)p["name"], SignatureHeader, StringComparison.OrdinalIgnoreCase));

    private static bool HasPayload(JObject spec, Operation op) =>
        OpenApi.JsonSchemaOf(spec, op.Node["requestBody"]) != null
        || OpenApi.Parameters(spec, op).Any(p => (string?)p["in"] == "query" && p["required"]?.Type == JTokenType.Boolean && (bool)p["required"]!);

    /// <summary>The answer shapes of a callback's JSON 200 response: its schema, or each branch of a oneOf/anyOf answer.</summary>
    private static IEnumerable<string> AnswerShapes(JObject spec, Operation op)
    {
        var ok = OpenApi.Deref(spec, op.Node["responses"]?["200"]) as JObject;
        if (ok?["content"] is not JObject content)
            yield break;
        var media = content.Properties().FirstOrDefault(p => OpenApi.IsJson(p.Name))?.Value as JObject;
        if (media?["schema"] is not JObject schema)
            yield break;
        var resolved = OpenApi.Deref(spec, schema) as JObject;
        var branches = (resolved?["oneOf"] ?? resolved?["anyOf"]) as JArray;
        if (branches == null)
        {
            yield return (string?)schema["$ref"] ?? $"{op.Label} answer";
            yield break;
        }
        for (var i = 0; i < branches.Count; i++)
            yield return (string?)branches[i]["$ref"] ?? $"{op.Label} answer branch {i}";
    }
}
