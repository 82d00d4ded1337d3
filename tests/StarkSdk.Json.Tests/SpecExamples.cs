using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json.Linq;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.Json.Tests;

/// <summary>
/// Every documented example of a spec (<c>example</c>/<c>examples</c> of bodies, responses and schemas), cut into the
/// parts a generated model reads: wherever the example's schema is a <c>$ref</c> to a named schema with a generated class.
/// </summary>
public static class SpecExamples
{
    public sealed record Case(string Label, Type Type, JToken Json)
    {
        public override string ToString() => Label;
    }

    internal static IReadOnlyList<Case> Of(string specFile, Assembly sdk, string @namespace)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Paths.Spec(specFile)))
        {
            yaml.Load(reader);
        }

        var spec = (JObject)ToJson(yaml.Documents[0].RootNode);
        var cases = new List<Case>();
        Walk(spec, spec, "#", sdk, @namespace, cases);
        return cases;
    }

    /// <summary>Finds the examples anywhere in the document, with the schema next to (or around) them.</summary>
    private static void Walk(JObject spec, JToken node, string pointer, Assembly sdk, string @namespace, List<Case> cases)
    {
        if (node is JObject map)
        {
            var schema = map["schema"] ?? (map.ContainsKey("type") || map.ContainsKey("properties") || map.ContainsKey("allOf") ? map : null);
            if (schema is not null)
            {
                if (map["example"] is { } example)
                {
                    Cut(spec, schema, example, pointer + "/example", sdk, @namespace, cases, 0);
                }

                if (map["examples"] is JObject named)
                {
                    foreach (var entry in named.Properties())
                    {
                        if (entry.Value is JObject exampleObject && exampleObject["value"] is { } value)
                        {
                            Cut(spec, schema, value, pointer + "/examples/" + entry.Name, sdk, @namespace, cases, 0);
                        }
                    }
                }
            }

            foreach (var property in map.Properties())
            {
                if (property.Name is "example" or "examples")
                {
                    continue;
                }

                Walk(spec, property.Value, pointer + "/" + property.Name, sdk, @namespace, cases);
            }
        }
        else if (node is JArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Walk(spec, array[i], pointer + "/" + i, sdk, @namespace, cases);
            }
        }
    }

    /// <summary>Descends the example along its schema; every value whose schema names a generated class is a case.</summary>
    private static void Cut(JObject spec, JToken schema, JToken value, string label, Assembly sdk, string @namespace, List<Case> cases, int depth)
    {
        if (depth > 8 || schema is not JObject schemaObject)
        {
            return;
        }

        if (schemaObject["$ref"] is JValue { Value: string reference })
        {
            if (reference.StartsWith("#/components/schemas/", StringComparison.Ordinal))
            {
                var name = reference.Substring("#/components/schemas/".Length);
                var type = sdk.GetType(@namespace + "." + name);
                if (type is not null && type.IsClass && value is JObject)
                {
                    cases.Add(new Case($"{label} as {name}", type, value));
                    return;
                }
            }

            if (Resolve(spec, reference) is { } target)
            {
                Cut(spec, target, value, label, sdk, @namespace, cases, depth + 1);
            }

            return;
        }

        if (value is JArray items && schemaObject["items"] is { } itemSchema)
        {
            for (var i = 0; i < items.Count; i++)
            {
                Cut(spec, itemSchema, items[i], $"{label}[{i}]", sdk, @namespace, cases, depth + 1);
            }
        }
        else if (value is JObject fields && schemaObject["properties"] is JObject properties)
        {
            foreach (var property in properties.Properties())
            {
                if (fields[property.Name] is { } field)
                {
                    Cut(spec, property.Value, field, $"{label}.{property.Name}", sdk, @namespace, cases, depth + 1);
                }
            }
        }
    }

    private static JToken? Resolve(JObject spec, string reference)
    {
        JToken? node = spec;
        foreach (var segment in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node?[segment.Replace("~1", "/").Replace("~0", "~")];
        }

        return node;
    }

    /// <summary>YAML to JSON with the YAML 1.2 core schema: plain null/true/false/numbers, everything quoted is a string.</summary>
    private static JToken ToJson(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var result = new JObject();
                foreach (var entry in map.Children)
                {
                    result[((YamlScalarNode)entry.Key).Value!] = ToJson(entry.Value);
                }

                return result;
            case YamlSequenceNode sequence:
                return new JArray(sequence.Children.Select(ToJson));
            case YamlScalarNode scalar when scalar.Style == YamlDotNet.Core.ScalarStyle.Plain:
                var text = scalar.Value ?? string.Empty;
                switch (text)
                {
                    case "" or "~" or "null" or "Null" or "NULL":
                        return JValue.CreateNull();
                    case "true" or "True" or "TRUE":
                        return new JValue(true);
                    case "false" or "False" or "FALSE":
                        return new JValue(false);
                }

                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                {
                    return new JValue(integer);
                }

                if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && text.Any(char.IsDigit))
                {
                    return new JValue(number);
                }

                return new JValue(text);
            case YamlScalarNode scalar:
                return new JValue(scalar.Value ?? string.Empty);
            default:
                return JValue.CreateNull();
        }
    }
}
