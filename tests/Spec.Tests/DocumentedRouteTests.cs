using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Spec.Tests;

/// <summary>
/// Every documented route (Data/documented-routes.txt for starkbank, Data/starkinfra-routes.txt for starkinfra) is an
/// operation of the spec, and nothing else is. Test cases are named "(spec, METHOD /path)".
/// </summary>
[TestFixture]
public class DocumentedRouteTests
{
    public static IEnumerable<TestCaseData> Routes() =>
        SpecFiles.All.SelectMany(spec => spec.Routes.Select(r =>
            new TestCaseData(spec.Name, r.Method, r.Path).SetArgDisplayNames(spec.Name, r.ToString())));

    public static IEnumerable<TestCaseData> Specs() => SpecFiles.Cases(SpecFiles.All);

    [TestCaseSource(nameof(Routes))]
    public void DocumentedRouteIsInTheSpec(string specName, string method, string path)
    {
        var spec = SpecFiles.Get(specName);
        var route = spec.Routes.Single(r => r.Method == method && r.Path == path);
        var paths = spec.Document["paths"] as JObject;
        var item = paths?[path] as JObject;
        if (item == null)
        {
            var sameShape = paths?.Properties().Select(p => p.Name).FirstOrDefault(p => Shape(p) == Shape(path));
            Assert.Fail($"{method} {path} ({route.Where}) is missing from {spec.FileName}: no path {path}"
                + (sameShape != null ? $"; the spec has {sameShape}: name the parameter as the documented route does" : ""));
        }
        var present = OpenApi.HttpMethods.Where(m => item![m] != null).Select(m => m.ToUpperInvariant()).ToList();
        Assert.That(item![method.ToLowerInvariant()], Is.InstanceOf<JObject>(),
            $"{method} {path} ({route.Where}) is missing from {spec.FileName}: the path{YamlJson.At(item)} has only {string.Join(", ", present)}");
    }

    [TestCaseSource(nameof(Specs))]
    public void EveryOperationIsADocumentedRoute(string specName)
    {
        var spec = SpecFiles.Get(specName);
        var documented = spec.Routes.Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal);
        // Stark Bank routes the reference lacks but the official SDK calls (Data/official-sdk-facts.json) are documented too.
        if (spec == SpecFiles.StarkBank)
            documented.UnionWith(OfficialSdkFacts.Routes().Select(r => $"{r.Method} {Shape(r.Path)}").Concat(OfficialSdkAcceptedDifferences.CorrectedRoutes));
        var documentedShapes = documented.Select(Shape).ToHashSet(StringComparer.Ordinal);
        var extra = OpenApi.Operations(spec.Document)
            .Where(op => !documented.Contains(op.Label) && !(spec == SpecFiles.StarkBank && documentedShapes.Contains(Shape(op.Label))))
            .Select(op => $"{op.Name}{YamlJson.At(op.Node)}")
            .ToList();
        Assert.That(extra, Is.Empty, $"operations of {spec.FileName} that {spec.RoutesFile} (nor, for starkbank, {OfficialSdkFacts.FileName}) does not list (a typo in the path or method?):\n  " + string.Join("\n  ", extra));
    }

    [TestCaseSource(nameof(Specs))]
    public void DocumentedRoutesFileIsSane(string specName)
    {
        var spec = SpecFiles.Get(specName);
        var routes = spec.Routes;
        Assert.That(routes.Select(r => r.ToString()), Is.Unique, $"{spec.RoutesFile} has duplicates: run its tools/ script again");
        Assert.That(routes.Count, Is.GreaterThanOrEqualTo(spec.MinimumRoutes), $"{spec.RoutesFile} looks truncated: run its tools/ script again");
        Assert.That(routes.Where(r => !r.Path.StartsWith("/v2/", StringComparison.Ordinal)), Is.Empty);
    }

    private static string Shape(string path) => Regex.Replace(path, @"\{[^}]*\}", "{}");
}
