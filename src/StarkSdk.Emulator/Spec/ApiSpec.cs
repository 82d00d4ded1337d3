using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json.Linq;

namespace StarkSdk.Emulator.Spec;

/// <summary>An OpenAPI 3.1 description loaded as JSON, with its operations and a <c>$ref</c> resolver.</summary>
public sealed class ApiSpec
{
    /// <summary>The logical name of the embedded Stark Bank spec resource.</summary>
    public const string EmbeddedResourceName = "starkbank.yaml";

    /// <summary>The logical name of the embedded Stark Infra spec resource.</summary>
    public const string EmbeddedInfraResourceName = "starkinfra.yaml";

    private static readonly string[] Methods = { "get", "post", "put", "patch", "delete" };

    private ApiSpec(JObject root)
    {
        Root = root;
        var operations = new List<SpecOperation>();
        if (root["paths"] is JObject paths)
        {
            foreach (var path in paths.Properties())
            {
                if (path.Value is not JObject item)
                    continue;
                var shared = ReadParameters(item["parameters"]);
                foreach (var method in Methods)
                {
                    if (item[method] is not JObject op)
                        continue;
                    var own = ReadParameters(op["parameters"]);
                    var merged = own.Concat(shared.Where(s => own.All(o => o.Name != s.Name || o.Location != s.Location))).ToList();
                    operations.Add(new SpecOperation(method, path.Name, op, merged, this));
                }
            }
        }
        Operations = operations;
    }

    /// <summary>The whole document.</summary>
    public JObject Root { get; }

    /// <summary>Every operation, in document order.</summary>
    public IReadOnlyList<SpecOperation> Operations { get; }

    /// <summary>Loads the Stark Bank spec embedded in this assembly (openapi/starkbank.yaml at build time).</summary>
    public static ApiSpec LoadEmbedded() => LoadEmbedded(EmulatedApi.StarkBank);

    /// <summary>Loads the spec of <paramref name="api"/> embedded in this assembly (openapi/starkbank.yaml or openapi/starkinfra.yaml at build time).</summary>
    public static ApiSpec LoadEmbedded(EmulatedApi api)
    {
        var name = api == EmulatedApi.StarkInfra ? EmbeddedInfraResourceName : EmbeddedResourceName;
        using var stream = typeof(ApiSpec).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource '{name}' is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    /// <summary>Loads a YAML (or JSON) spec file.</summary>
    public static ApiSpec Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader);
    }

    /// <summary>Parses a YAML (or JSON, which is YAML) spec.</summary>
    public static ApiSpec Parse(TextReader reader)
    {
        var root = YamlJson.Parse(reader) as JObject ?? throw new InvalidDataException("The spec's root is not a mapping.");
        return new ApiSpec(root);
    }

    /// <summary>A named schema of <c>components/schemas</c>, or null.</summary>
    public JObject? Schema(string name) => Root["components"]?["schemas"]?[name] as JObject;

    /// <summary>Follows a chain of <c>$ref</c> to the object it points at (local references only).</summary>
    public JToken Deref(JToken token)
    {
        for (var hops = 0; hops < 32; hops++)
        {
            if (token is not JObject o || o["$ref"] is not JValue reference)
                return token;
            token = ResolveRef((string)reference!);
        }
        throw new InvalidDataException("$ref chain too long");
    }

    /// <summary>Resolves a local JSON pointer such as <c>#/components/schemas/Invoice</c>.</summary>
    public JToken ResolveRef(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
            throw new InvalidDataException($"Only local references are supported: {reference}");
        JToken? current = Root;
        foreach (var raw in reference.Substring(2).Split('/'))
        {
            var part = Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~");
            current = current is JArray a && int.TryParse(part, out var i) ? a[i] : current?[part];
            if (current == null)
                throw new InvalidDataException($"Unresolved $ref {reference}");
        }
        return current;
    }

    /// <summary>The name of the schema a <c>$ref</c> points to (<c>Invoice</c> for <c>#/components/schemas/Invoice</c>).</summary>
    public static string? RefName(JToken? schema) =>
        schema is JObject o && o["$ref"] is JValue v ? ((string)v!).Split('/').Last() : null;

    private List<SpecParameter> ReadParameters(JToken? token)
    {
        var list = new List<SpecParameter>();
        if (token is not JArray array)
            return list;
        foreach (var item in array)
        {
            if (Deref(item) is not JObject p)
                continue;
            var name = (string?)p["name"];
            var location = (string?)p["in"];
            if (name == null || location == null)
                continue;
            list.Add(new SpecParameter(name, location, (bool?)p["required"] ?? location == "path", p["schema"] ?? new JObject()));
        }
        return list;
    }
}
