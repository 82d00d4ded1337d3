using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace StarkBank.Spec.Tests;

/// <summary>Every route of the API reference (Data/documented-routes.txt) is an operation of the spec, and nothing else is.</summary>
[TestFixture]
public class DocumentedRouteTests
{
    public static IEnumerable<TestCaseData> Routes() =>
        SpecFiles.DocumentedRoutes.Select(r => new TestCaseData(r.Method, r.Path, r.Line));

    [TestCaseSource(nameof(Routes))]
    public void DocumentedRouteIsInTheSpec(string method, string path, int referenceLine)
    {
        var paths = SpecFiles.Spec["paths"] as JObject;
        var item = paths?[path] as JObject;
        if (item == null)
        {
            var sameShape = paths?.Properties().Select(p => p.Name).FirstOrDefault(p => Shape(p) == Shape(path));
            Assert.Fail($"{method} {path} (API reference line {referenceLine}) is missing from {SpecFiles.SpecFileName}: no path {path}"
                + (sameShape != null ? $"; the spec has {sameShape}: name the parameter as the documented route does" : ""));
        }
        var present = OpenApi.HttpMethods.Where(m => item![m] != null).Select(m => m.ToUpperInvariant()).ToList();
        Assert.That(item![method.ToLowerInvariant()], Is.InstanceOf<JObject>(),
            $"{method} {path} (API reference line {referenceLine}) is missing from {SpecFiles.SpecFileName}: the path{YamlJson.At(item)} has only {string.Join(", ", present)}");
    }

    [Test]
    public void EveryOperationIsADocumentedRoute()
    {
        var documented = SpecFiles.DocumentedRoutes.Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal);
        var extra = OpenApi.Operations(SpecFiles.Spec)
            .Where(op => !documented.Contains(op.Label))
            .Select(op => $"{op.Name}{YamlJson.At(op.Node)}")
            .ToList();
        Assert.That(extra, Is.Empty, "operations that the API reference does not document (a typo in the path or method?):\n  " + string.Join("\n  ", extra));
    }

    [Test]
    public void DocumentedRoutesFileIsSane()
    {
        var routes = SpecFiles.DocumentedRoutes;
        Assert.That(routes.Select(r => r.ToString()), Is.Unique, "documented-routes.txt has duplicates: run tools/extract-documented-routes.py");
        Assert.That(routes.Count, Is.GreaterThanOrEqualTo(140), "documented-routes.txt looks truncated: run tools/extract-documented-routes.py");
        Assert.That(routes.Where(r => !r.Path.StartsWith("/v2/", StringComparison.Ordinal)), Is.Empty);
    }

    private static string Shape(string path) => Regex.Replace(path, @"\{[^}]*\}", "{}");
}
