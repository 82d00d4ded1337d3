using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Spec.Tests;

/// <summary>Whole-spec structure: references, required lists, money types. Each test runs once per spec and lists every offender.</summary>
[TestFixture]
public class SchemaStructureTests
{
    public static IEnumerable<TestCaseData> Specs() => SpecFiles.Cases(SpecFiles.All);

    [TestCaseSource(nameof(Specs))]
    public void EveryRefResolves(string specName)
    {
        var spec = SpecFiles.Get(specName).Document;
        var broken = new List<string>();
        foreach (var r in spec.Descendants().OfType<JProperty>().Where(p => p.Name == "$ref"))
        {
            var target = r.Value.Type == JTokenType.String ? (string)r.Value! : null;
            if (target == null)
                broken.Add($"{r.Path}{YamlJson.At(r.Value)}: $ref is not a string");
            else if (!target.StartsWith('#'))
                broken.Add($"{r.Path}{YamlJson.At(r.Value)}: '{target}' is not a local reference (the spec must be one self-contained file)");
            else if (OpenApi.ResolvePointer(spec, target) == null)
                broken.Add($"{r.Path}{YamlJson.At(r.Value)}: '{target}' does not resolve");
        }
        Assert.That(broken, Is.Empty, $"{broken.Count} broken $ref:\n  " + string.Join("\n  ", broken));
    }

    [TestCaseSource(nameof(Specs))]
    public void EveryRequiredNameIsAProperty(string specName)
    {
        var spec = SpecFiles.Get(specName).Document;
        var problems = new List<string>();
        foreach (var (pointer, schema) in OpenApi.AllSchemas(spec))
        {
            if (schema["required"] is not JArray required)
                continue;
            var properties = OpenApi.Properties(spec, schema);
            foreach (var name in required.Values<string>())
                if (name == null || !properties.ContainsKey(name))
                    problems.Add($"{pointer}{YamlJson.At(required)}: required '{name}' is not in properties");
        }
        Assert.That(problems, Is.Empty, $"{problems.Count} required names without a property:\n  " + string.Join("\n  ", problems));
    }

    private static readonly Regex AmountName = new(@"^(amount|fee|.+Amount)$", RegexOptions.CultureInvariant);

    [TestCaseSource(nameof(Specs))]
    public void AmountsAreInt64Integers(string specName)
    {
        var spec = SpecFiles.Get(specName).Document;
        var problems = new List<string>();
        foreach (var (pointer, schema) in OpenApi.AllSchemas(spec))
        {
            if (schema["properties"] is not JObject properties)
                continue;
            foreach (var p in properties.Properties().Where(p => AmountName.IsMatch(p.Name)))
            {
                var resolved = OpenApi.Deref(spec, p.Value);
                var types = OpenApi.Types(resolved);
                types.Remove("null");
                if (!types.SetEquals(new[] { "integer" }) || (string?)resolved?["format"] != "int64")
                    problems.Add($"{pointer}/properties/{p.Name}{YamlJson.At(p.Value)}: type {resolved?["type"]?.ToString(Newtonsoft.Json.Formatting.None) ?? "missing"}, format {resolved?["format"]?.ToString() ?? "missing"}; money is type: integer, format: int64");
            }
        }
        Assert.That(problems, Is.Empty, $"{problems.Count} amounts that are not int64 integers:\n  " + string.Join("\n  ", problems));
    }

    [TestCaseSource(nameof(Specs))]
    public void NullableIsWrittenTheOpenApi31Way(string specName)
    {
        // OpenAPI 3.0's `nullable: true` means nothing in 3.1 (JSON Schema ignores it): use type: [X, "null"].
        var problems = OpenApi.AllSchemas(SpecFiles.Get(specName).Document)
            .Where(s => s.Schema.ContainsKey("nullable"))
            .Select(s => $"{s.Pointer}{YamlJson.At(s.Schema["nullable"])}")
            .ToList();
        Assert.That(problems, Is.Empty, "schemas with OpenAPI 3.0 `nullable`:\n  " + string.Join("\n  ", problems));
    }

    [TestCaseSource(nameof(Specs))]
    public void SpecIsOpenApi31(string specName)
    {
        Assert.That((string?)SpecFiles.Get(specName).Document["openapi"], Does.StartWith("3.1."));
    }
}
