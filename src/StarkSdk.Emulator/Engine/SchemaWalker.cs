using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Spec;

namespace StarkSdk.Emulator.Engine;

/// <summary>Reads facts out of (composite) schemas.</summary>
internal static class SchemaWalker
{
    /// <summary>Every declared property with its schema, across $ref/allOf/oneOf/anyOf (first declaration wins).</summary>
    public static Dictionary<string, JToken> Properties(ApiSpec spec, JToken? schema)
    {
        var result = new Dictionary<string, JToken>();
        Collect(spec, schema, result, 0);
        return result;
    }

    private static void Collect(ApiSpec spec, JToken? token, Dictionary<string, JToken> result, int depth)
    {
        if (depth > 32 || token is not JObject schema)
            return;
        if (schema["$ref"] is JValue reference)
            Collect(spec, spec.ResolveRef((string)reference!), result, depth + 1);
        if (schema["properties"] is JObject properties)
        {
            foreach (var p in properties.Properties())
            {
                if (!result.ContainsKey(p.Name))
                    result[p.Name] = p.Value;
            }
        }
        foreach (var keyword in new[] { "allOf", "oneOf", "anyOf" })
        {
            if (schema[keyword] is JArray branches)
            {
                foreach (var branch in branches)
                    Collect(spec, branch, result, depth + 1);
            }
        }
    }

    /// <summary>The values of the enum a schema is or points to (following $ref); empty when it is none.</summary>
    public static List<string> Enum(ApiSpec spec, JToken? schema)
    {
        if (schema == null)
            return new List<string>();
        var resolved = spec.Deref(schema);
        if (resolved["enum"] is JArray values)
            return values.Select(v => v.ToString()).ToList();
        if (schema["enum"] is JArray own)
            return own.Select(v => v.ToString()).ToList();
        return new List<string>();
    }

    /// <summary>The schema of a property of an object schema (following $ref), or null.</summary>
    public static JToken? Property(ApiSpec spec, JToken? schema, string name)
    {
        if (schema == null)
            return null;
        return Properties(spec, schema).TryGetValue(name, out var found) ? found : null;
    }

    /// <summary>The item schema when <paramref name="schema"/> is an array schema, else the schema itself.</summary>
    public static JToken? ItemsOrSelf(ApiSpec spec, JToken? schema)
    {
        if (schema == null)
            return null;
        var resolved = spec.Deref(schema);
        return (string?)resolved["type"] == "array" || resolved["items"] != null ? resolved["items"] : schema;
    }

    /// <summary>Whether a schema is (or allows) an array.</summary>
    public static bool IsArray(ApiSpec spec, JToken? schema)
    {
        if (schema == null)
            return false;
        var resolved = spec.Deref(schema);
        var type = resolved["type"];
        return type is JArray types ? types.Any(t => (string?)t == "array") : (string?)type == "array";
    }
}
