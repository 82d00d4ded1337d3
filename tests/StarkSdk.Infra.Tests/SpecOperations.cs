using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.Infra.Tests;

/// <summary>One operation of openapi/starkinfra.yaml: an API route, or a signed callback of <c>webhooks:</c>.</summary>
internal sealed record SpecOperation(string OperationId, string Method, string Path, string Client, string SdkMethod, bool IsCallback)
{
    private string[] Segments => Path.Trim('/').Split('/');

    /// <summary>Whether a request path (e.g. <c>/v2/pix-key/%2B5511</c>) is this route.</summary>
    public bool Matches(string method, string path)
    {
        if (IsCallback || !string.Equals(method, Method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var actual = path.Trim('/').Split('/');
        var expected = Segments;
        return actual.Length == expected.Length
            && expected.Zip(actual).All(pair => pair.First.StartsWith('{') || string.Equals(pair.First, pair.Second, StringComparison.Ordinal));
    }

    /// <summary>How many path parameters: routes with fewer win (<c>/log</c> before <c>/{id}</c>).</summary>
    public int ParameterCount => Segments.Count(s => s.StartsWith('{'));
}

/// <summary>Reads the operations of openapi/starkinfra.yaml with YamlDotNet (independently of the generator).</summary>
internal static class SpecOperations
{
    private static readonly string[] HttpMethods = { "get", "put", "post", "delete", "patch" };

    private static readonly Lazy<IReadOnlyList<SpecOperation>> Lazy = new(Read);

    public static IReadOnlyList<SpecOperation> All => Lazy.Value;

    public static IEnumerable<SpecOperation> Routes => All.Where(o => !o.IsCallback);

    public static IEnumerable<SpecOperation> Callbacks => All.Where(o => o.IsCallback);

    /// <summary>The operationId of a request the SDK sent, or null when no route of the spec matches.</summary>
    public static string? OperationIdOf(string method, string path) =>
        Routes.Where(o => o.Matches(method, path)).OrderBy(o => o.ParameterCount).FirstOrDefault()?.OperationId;

    private static IReadOnlyList<SpecOperation> Read()
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(TestSupport.SpecPath))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var result = new List<SpecOperation>();
        foreach (var section in new[] { "paths", "webhooks" })
        {
            if (!root.Children.TryGetValue(new YamlScalarNode(section), out var items))
            {
                continue;
            }

            foreach (var item in ((YamlMappingNode)items).Children)
            {
                foreach (var entry in ((YamlMappingNode)item.Value).Children)
                {
                    var verb = ((YamlScalarNode)entry.Key).Value!;
                    if (!HttpMethods.Contains(verb) || entry.Value is not YamlMappingNode operation)
                    {
                        continue;
                    }

                    string? Get(string key) => operation.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
                    var isCallback = section == "webhooks";
                    if (isCallback && Get("x-stark-callback") is null)
                    {
                        continue;
                    }

                    result.Add(new SpecOperation(
                        Get("operationId")!,
                        verb.ToUpperInvariant(),
                        isCallback ? "webhooks/" + ((YamlScalarNode)item.Key).Value : ((YamlScalarNode)item.Key).Value!,
                        Get("x-stark-client")!,
                        Get("x-stark-method")!,
                        isCallback));
                }
            }
        }

        return result;
    }
}
