using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace Spec.Tests;

/// <summary>
/// One spec under test: the merged, checked-in OpenAPI file and the routes (and callbacks) it must describe, all read
/// from the repository. Test cases take the spec's <see cref="Name"/> as their first argument, so that every test name
/// says which spec it checks.
/// </summary>
internal sealed class SpecUnderTest
{
    private readonly Lazy<JObject> _document;
    private readonly Lazy<IReadOnlyList<DocumentedRoute>> _routes;
    private readonly Lazy<IReadOnlyList<DocumentedCallback>> _callbacks;

    public SpecUnderTest(string name, string fileName, string environmentVariable, string routesFile, string routesSource,
        string? callbacksFile, int minimumRoutes)
    {
        Name = name;
        DefaultFileName = fileName;
        EnvironmentVariable = environmentVariable;
        RoutesFile = routesFile;
        RoutesSource = routesSource;
        CallbacksFile = callbacksFile;
        MinimumRoutes = minimumRoutes;
        _document = new Lazy<JObject>(() => YamlJson.Load(Path));
        _routes = new Lazy<IReadOnlyList<DocumentedRoute>>(() => SpecFiles.LoadRoutes(SpecFiles.DataFile(routesFile), routesSource));
        _callbacks = new Lazy<IReadOnlyList<DocumentedCallback>>(() =>
            callbacksFile == null ? Array.Empty<DocumentedCallback>() : SpecFiles.LoadCallbacks(SpecFiles.DataFile(callbacksFile)));
    }

    /// <summary>"starkbank" or "starkinfra": the first argument of every test case.</summary>
    public string Name { get; }

    /// <summary>The file under openapi/ (starkbank.yaml, starkinfra.yaml).</summary>
    public string DefaultFileName { get; }

    /// <summary>The environment variable that may name another file to test (an edited copy) before it is checked in.</summary>
    public string EnvironmentVariable { get; }

    /// <summary>The routes file under Data/, one <c>METHOD /path  # where it is documented</c> a line.</summary>
    public string RoutesFile { get; }

    /// <summary>What the routes file's comments refer to, for messages ("API reference", "Stark Infra facts").</summary>
    public string RoutesSource { get; }

    /// <summary>The callbacks file under Data/ (<c>Resource op  # where</c>), or null when the spec has none to check.</summary>
    public string? CallbacksFile { get; }

    /// <summary>Fewer routes than this means the routes file is truncated.</summary>
    public int MinimumRoutes { get; }

    public string Path =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } overridden
            ? System.IO.Path.GetFullPath(overridden)
            : System.IO.Path.Combine(SpecFiles.RepoRoot, "openapi", DefaultFileName);

    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>The spec as JSON (YAML 1.2 core schema scalars), parsed once per test run. Tests must not modify it.</summary>
    public JObject Document => _document.Value;

    /// <summary>The documented routes (Data/documented-routes.txt, Data/starkinfra-routes.txt).</summary>
    public IReadOnlyList<DocumentedRoute> Routes => _routes.Value;

    /// <summary>The documented callbacks (Data/starkinfra-callbacks.txt); empty when <see cref="CallbacksFile"/> is null.</summary>
    public IReadOnlyList<DocumentedCallback> Callbacks => _callbacks.Value;

    public override string ToString() => Name;
}

/// <summary>The specs under test, and the files they are checked against (located by walking up to StarkSdk.slnx).</summary>
internal static class SpecFiles
{
    /// <summary>
    /// openapi/starkbank.yaml against Data/documented-routes.txt (the curl samples of the Stark Bank API reference,
    /// written by tools/extract-documented-routes.py). STARK_SPEC_FILE may name another file to test.
    /// </summary>
    public static readonly SpecUnderTest StarkBank = new(
        "starkbank", "starkbank.yaml", "STARK_SPEC_FILE", "documented-routes.txt", "API reference", null, minimumRoutes: 140);

    /// <summary>
    /// openapi/starkinfra.yaml against Data/starkinfra-routes.txt and Data/starkinfra-callbacks.txt (the Stark Infra
    /// API facts, written by tools/extract-infra-routes.py). STARK_INFRA_SPEC_FILE may name another file to test.
    /// </summary>
    public static readonly SpecUnderTest StarkInfra = new(
        "starkinfra", "starkinfra.yaml", "STARK_INFRA_SPEC_FILE", "starkinfra-routes.txt", "Stark Infra facts", "starkinfra-callbacks.txt", minimumRoutes: 140);

    public static readonly IReadOnlyList<SpecUnderTest> All = new[] { StarkBank, StarkInfra };

    /// <summary>One test case per spec, displayed as "(starkbank)" like the first argument of the other test cases.</summary>
    public static IEnumerable<NUnit.Framework.TestCaseData> Cases(IEnumerable<SpecUnderTest> specs) =>
        specs.Select(s => new NUnit.Framework.TestCaseData(s.Name).SetArgDisplayNames(s.Name));

    public static SpecUnderTest Get(string name) =>
        All.FirstOrDefault(s => s.Name == name) ?? throw new ArgumentException($"no spec named '{name}'", nameof(name));

    private static readonly Lazy<string> LazyRepoRoot = new(FindRepoRoot);

    public static string RepoRoot => LazyRepoRoot.Value;

    /// <summary>tests/Spec.Tests/Data/<paramref name="name"/> in the repository (nothing is copied to the output).</summary>
    public static string DataFile(string name) => System.IO.Path.Combine(RepoRoot, "tests", "Spec.Tests", "Data", name);

    private static string FindRepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "StarkSdk.slnx")))
                    return dir.FullName;
            }
        }
        throw new InvalidOperationException($"StarkSdk.slnx not found above {AppContext.BaseDirectory}: run the tests from the repository.");
    }

    private static readonly Regex RouteLine = new(@"^(?<method>[A-Z]+) (?<path>/\S+)\s+#\s*(?<where>\S.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex CallbackLine = new(@"^(?<resource>[A-Z][A-Za-z0-9]*) (?<op>[a-z][a-z_.]*)\s+#\s*(?<where>\S.*)$", RegexOptions.CultureInvariant);

    internal static IReadOnlyList<DocumentedRoute> LoadRoutes(string file, string source)
    {
        var routes = new List<DocumentedRoute>();
        foreach (var raw in File.ReadAllLines(file))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var m = RouteLine.Match(line);
            if (!m.Success)
                throw new FormatException($"{file}: unexpected line '{raw}' (expected 'METHOD /path  # where it is documented')");
            routes.Add(new DocumentedRoute(m.Groups["method"].Value, m.Groups["path"].Value, $"{source}: {m.Groups["where"].Value}"));
        }
        return routes;
    }

    internal static IReadOnlyList<DocumentedCallback> LoadCallbacks(string file)
    {
        var callbacks = new List<DocumentedCallback>();
        foreach (var raw in File.ReadAllLines(file))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var m = CallbackLine.Match(line);
            if (!m.Success)
                throw new FormatException($"{file}: unexpected line '{raw}' (expected 'Resource op  # where it is documented')");
            callbacks.Add(new DocumentedCallback(m.Groups["resource"].Value, m.Groups["op"].Value, m.Groups["where"].Value));
        }
        return callbacks;
    }
}

/// <summary>A documented route; <paramref name="Where"/> says where ("API reference: line 1113").</summary>
internal sealed record DocumentedRoute(string Method, string Path, string Where)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>A documented operation that is not an HTTP call ("IssuingPurchase parse"); <paramref name="Where"/> says where.</summary>
internal sealed record DocumentedCallback(string Resource, string Op, string Where)
{
    public override string ToString() => $"{Resource} {Op}";
}
