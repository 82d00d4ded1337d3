using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.TestKit;

/// <summary>
/// One operation of a spec: an API route of <c>paths</c>, or a signed callback of <c>webhooks</c> (those with
/// <c>x-stark-callback</c>; their <see cref="PathTemplate"/> is <c>webhooks/NAME</c>).
/// </summary>
/// <param name="OperationId">The operationId.</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="PathTemplate">The path with its <c>{parameters}</c>.</param>
/// <param name="Client">The <c>x-stark-client</c> (empty when absent).</param>
/// <param name="SdkMethod">The <c>x-stark-method</c> (empty when absent).</param>
/// <param name="SuccessContentTypes">The media types of the 200 answer.</param>
/// <param name="IsCallback">Whether it is a callback of <c>webhooks</c> rather than a route.</param>
public sealed record SpecOperation(string OperationId, string Method, string PathTemplate, string Client, string SdkMethod, IReadOnlyList<string> SuccessContentTypes, bool IsCallback)
{
    private string[] Segments => PathTemplate.Trim('/').Split('/');

    /// <summary>How many path parameters the template has: of two routes that match a path, the one with fewer wins (<c>/invoice/log</c> over <c>/invoice/{id}</c>).</summary>
    public int ParameterCount => Segments.Count(s => s.StartsWith('{'));

    /// <summary>Whether the 200 answer is a file (a PDF, a PNG) rather than JSON.</summary>
    public bool IsBinary => SuccessContentTypes.Count > 0 && SuccessContentTypes.All(t => !t.Contains("json", StringComparison.Ordinal));

    /// <summary>Whether a request (its method and path without the query, e.g. <c>/v2/pix-key/%2B5511</c>) is this route.</summary>
    public bool Matches(string method, string path)
    {
        if (IsCallback || !string.Equals(method, Method, StringComparison.OrdinalIgnoreCase))
            return false;
        var actual = path.Trim('/').Split('/');
        var expected = Segments;
        return actual.Length == expected.Length
            && expected.Zip(actual).All(pair => pair.First.StartsWith('{') ? pair.Second.Length > 0 : string.Equals(pair.First, pair.Second, StringComparison.Ordinal));
    }
}

/// <summary>The operations of a spec file, read with YamlDotNet (independently of the generator and the emulator), once per file.</summary>
public sealed class OpenApiOperations
{
    private static readonly string[] HttpMethods = { "get", "put", "post", "delete", "patch" };
    private static readonly ConcurrentDictionary<string, OpenApiOperations> Loaded = new(StringComparer.Ordinal);

    private OpenApiOperations(IReadOnlyList<SpecOperation> all) => All = all;

    /// <summary>The operations of openapi/starkbank.yaml.</summary>
    public static OpenApiOperations StarkBank => Load(RepositoryFiles.StarkBankSpec);

    /// <summary>The operations of openapi/starkinfra.yaml.</summary>
    public static OpenApiOperations StarkInfra => Load(RepositoryFiles.StarkInfraSpec);

    /// <summary>Every route and callback, in spec order.</summary>
    public IReadOnlyList<SpecOperation> All { get; }

    /// <summary>The routes (<c>paths</c>).</summary>
    public IEnumerable<SpecOperation> Routes => All.Where(o => !o.IsCallback);

    /// <summary>The signed callbacks (<c>webhooks</c> with <c>x-stark-callback</c>).</summary>
    public IEnumerable<SpecOperation> Callbacks => All.Where(o => o.IsCallback);

    /// <summary>The operationIds of the routes, sorted ordinally.</summary>
    public IReadOnlyList<string> RouteIds => Routes.Select(o => o.OperationId).OrderBy(x => x, StringComparer.Ordinal).ToList();

    /// <summary>The operations of the spec at <paramref name="path"/>.</summary>
    public static OpenApiOperations Load(string path) => Loaded.GetOrAdd(Path.GetFullPath(path), p => new OpenApiOperations(Read(p)));

    /// <summary>The route a request went to (by method and path, without the query), or null.</summary>
    public SpecOperation? Match(string method, string path) =>
        Routes.Where(o => o.Matches(method, path)).OrderBy(o => o.ParameterCount).FirstOrDefault();

    private static IReadOnlyList<SpecOperation> Read(string path)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
            stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var result = new List<SpecOperation>();
        foreach (var section in new[] { "paths", "webhooks" })
        {
            if (!root.Children.TryGetValue(new YamlScalarNode(section), out var items))
                continue;
            foreach (var item in ((YamlMappingNode)items).Children)
            {
                foreach (var entry in ((YamlMappingNode)item.Value).Children)
                {
                    var verb = ((YamlScalarNode)entry.Key).Value!;
                    if (!HttpMethods.Contains(verb) || entry.Value is not YamlMappingNode operation)
                        continue;
                    string Get(string key) => operation.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value ?? "" : "";
                    var isCallback = section == "webhooks";
                    if (isCallback && !operation.Children.ContainsKey(new YamlScalarNode("x-stark-callback")))
                        continue;
                    var contentTypes = new List<string>();
                    if (operation.Children.TryGetValue(new YamlScalarNode("responses"), out var responses)
                        && ((YamlMappingNode)responses).Children.TryGetValue(new YamlScalarNode("200"), out var ok)
                        && ok is YamlMappingNode okNode
                        && okNode.Children.TryGetValue(new YamlScalarNode("content"), out var content))
                        contentTypes.AddRange(((YamlMappingNode)content).Children.Keys.Select(k => ((YamlScalarNode)k).Value!));
                    var name = ((YamlScalarNode)item.Key).Value!;
                    result.Add(new SpecOperation(Get("operationId"), verb.ToUpperInvariant(), isCallback ? "webhooks/" + name : name, Get("x-stark-client"), Get("x-stark-method"), contentTypes, isCallback));
                }
            }
        }
        return result;
    }
}
