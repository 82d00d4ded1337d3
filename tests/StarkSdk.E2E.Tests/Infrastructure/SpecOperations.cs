using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.E2E.Tests.Infrastructure;

/// <summary>One operation of openapi/starkbank.yaml: its id, HTTP method and path template.</summary>
internal sealed record SpecOperation(string OperationId, string Method, string PathTemplate, string Client, string SdkMethod, IReadOnlyList<string> SuccessContentTypes)
{
    private readonly Regex _pattern = new("^" + Regex.Replace(Regex.Escape(PathTemplate), @"\\\{[^}]+}", "[^/]+") + "$", RegexOptions.CultureInvariant);

    /// <summary>How many literal segments the template has (a literal beats a parameter: <c>/invoice/log</c> over <c>/invoice/{id}</c>).</summary>
    public int LiteralSegments { get; } = PathTemplate.Split('/', StringSplitOptions.RemoveEmptyEntries).Count(s => !s.StartsWith('{'));

    /// <summary>Whether the 200 answer is a file (a PDF, a PNG) rather than JSON.</summary>
    public bool IsBinary => SuccessContentTypes.Count > 0 && SuccessContentTypes.All(t => !t.Contains("json", StringComparison.Ordinal));

    public bool Matches(string method, string path) =>
        string.Equals(method, Method, StringComparison.OrdinalIgnoreCase) && _pattern.IsMatch(path);
}

/// <summary>The operations of openapi/starkbank.yaml, read with YamlDotNet (no dependency on the generator or the emulator).</summary>
internal static class SpecOperations
{
    private static readonly string[] HttpMethods = { "get", "put", "post", "delete", "patch" };

    private static readonly Lazy<IReadOnlyList<SpecOperation>> Operations = new(Read);

    public static IReadOnlyList<SpecOperation> All => Operations.Value;

    public static IReadOnlyList<string> Ids => All.Select(o => o.OperationId).OrderBy(x => x, StringComparer.Ordinal).ToList();

    /// <summary>The operation a request went to (by method and path, without the query), or null.</summary>
    public static SpecOperation? Match(string method, string path) =>
        All.Where(o => o.Matches(method, path)).OrderByDescending(o => o.LiteralSegments).FirstOrDefault();

    private static IReadOnlyList<SpecOperation> Read()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Repo.SpecPath))
            yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var paths = (YamlMappingNode)root.Children[new YamlScalarNode("paths")];
        var result = new List<SpecOperation>();
        foreach (var (pathKey, pathItem) in paths.Children)
        {
            foreach (var (methodKey, operationNode) in ((YamlMappingNode)pathItem).Children)
            {
                var method = ((YamlScalarNode)methodKey).Value!;
                if (!HttpMethods.Contains(method))
                    continue;
                var operation = (YamlMappingNode)operationNode;
                string Scalar(string key) => operation.Children.TryGetValue(new YamlScalarNode(key), out var node) ? ((YamlScalarNode)node).Value ?? "" : "";
                var contentTypes = new List<string>();
                if (operation.Children.TryGetValue(new YamlScalarNode("responses"), out var responses)
                    && ((YamlMappingNode)responses).Children.TryGetValue(new YamlScalarNode("200"), out var ok)
                    && ok is YamlMappingNode okNode
                    && okNode.Children.TryGetValue(new YamlScalarNode("content"), out var content))
                    contentTypes.AddRange(((YamlMappingNode)content).Children.Keys.Select(k => ((YamlScalarNode)k).Value!));
                result.Add(new SpecOperation(Scalar("operationId"), method.ToUpperInvariant(), ((YamlScalarNode)pathKey).Value!, Scalar("x-stark-client"), Scalar("x-stark-method"), contentTypes));
            }
        }
        return result;
    }
}
