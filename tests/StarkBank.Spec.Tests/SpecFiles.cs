using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace StarkBank.Spec.Tests;

/// <summary>The files under test, read from the repository (located by walking up to StarkSdk.slnx).</summary>
internal static class SpecFiles
{
    private static readonly Lazy<string> LazyRepoRoot = new(FindRepoRoot);
    private static readonly Lazy<JObject> LazySpec = new(() => YamlJson.Load(SpecPath));
    private static readonly Lazy<IReadOnlyList<DocumentedRoute>> LazyRoutes = new(LoadDocumentedRoutes);

    public static string RepoRoot => LazyRepoRoot.Value;

    /// <summary>
    /// openapi/starkbank.yaml, the merged spec. The STARK_SPEC_FILE environment variable may name another file
    /// (for instance a merge written to /tmp by <c>tools/merge-spec.py --out</c>) to test it before it is checked in.
    /// </summary>
    public static string SpecPath =>
        Environment.GetEnvironmentVariable("STARK_SPEC_FILE") is { Length: > 0 } overridden
            ? Path.GetFullPath(overridden)
            : Path.Combine(RepoRoot, "openapi", "starkbank.yaml");

    public static string SpecFileName => Path.GetFileName(SpecPath);

    /// <summary>The spec as JSON (YAML 1.2 core schema scalars), parsed once per test run. Tests must not modify it.</summary>
    public static JObject Spec => LazySpec.Value;

    /// <summary>Data/documented-routes.txt: the routes of the API reference's curl samples.</summary>
    public static IReadOnlyList<DocumentedRoute> DocumentedRoutes => LazyRoutes.Value;

    private static string FindRepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "StarkSdk.slnx")))
                    return dir.FullName;
            }
        }
        throw new InvalidOperationException($"StarkSdk.slnx not found above {AppContext.BaseDirectory}: run the tests from the repository.");
    }

    private static readonly Regex RouteLine = new(@"^(?<method>[A-Z]+) (?<path>/\S+)\s+# line (?<line>\d+)$", RegexOptions.CultureInvariant);

    private static IReadOnlyList<DocumentedRoute> LoadDocumentedRoutes()
    {
        var file = Path.Combine(RepoRoot, "tests", "StarkBank.Spec.Tests", "Data", "documented-routes.txt");
        var routes = new List<DocumentedRoute>();
        foreach (var raw in File.ReadAllLines(file))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var m = RouteLine.Match(line);
            if (!m.Success)
                throw new FormatException($"{file}: unexpected line '{raw}' (expected 'METHOD /path  # line N')");
            routes.Add(new DocumentedRoute(m.Groups["method"].Value, m.Groups["path"].Value, int.Parse(m.Groups["line"].Value)));
        }
        return routes;
    }
}

/// <summary>A route of the API reference: <paramref name="Line"/> is the 1-based line of its curl sample.</summary>
internal sealed record DocumentedRoute(string Method, string Path, int Line)
{
    public override string ToString() => $"{Method} {Path}";
}
