using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using NUnit.Framework;

namespace StarkSdk.Packaging.Tests;

/// <summary>
/// Every shipped project declares its public API per target framework (Microsoft.CodeAnalysis.PublicApiAnalyzers), so a
/// change to the surface is a build error until PublicAPI/&lt;tfm&gt;/PublicAPI.*.txt say so: a reviewed diff.
/// </summary>
[TestFixtureSource(nameof(Projects))]
public sealed class PublicApiFilesTests(string project)
{
    public static string[] Projects => Directory.GetFiles(Path.Combine(Repository.Root, "src"), "*.csproj", SearchOption.AllDirectories)
        .Concat(Directory.GetFiles(Path.Combine(Repository.Root, "generator"), "*.csproj", SearchOption.AllDirectories))
        .Select(p => Path.GetRelativePath(Repository.Root, p))
        .OrderBy(p => p, StringComparer.Ordinal)
        .ToArray();

    [Test]
    public void Each_target_framework_has_its_declared_api()
    {
        var csproj = XDocument.Load(Path.Combine(Repository.Root, project));
        var frameworks = csproj.Descendants().Where(e => e.Name.LocalName is "TargetFrameworks" or "TargetFramework")
            .SelectMany(e => e.Value.Split(';', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList();
        Assert.That(frameworks, Is.Not.Empty);
        var folder = Path.Combine(Repository.Root, Path.GetDirectoryName(project)!, "PublicAPI");
        foreach (var framework in frameworks)
        {
            var shipped = Path.Combine(folder, framework, "PublicAPI.Shipped.txt");
            var unshipped = Path.Combine(folder, framework, "PublicAPI.Unshipped.txt");
            Assert.That(File.Exists(shipped), Is.True, shipped);
            Assert.That(File.Exists(unshipped), Is.True, unshipped);
            var lines = File.ReadAllLines(shipped).Concat(File.ReadAllLines(unshipped)).ToList();
            Assert.That(lines, Has.Some.EqualTo("#nullable enable"), "nullability is part of the declared API");
            Assert.That(lines.Count(l => l.Length > 0 && !l.StartsWith('#')), Is.GreaterThan(0), $"{framework}: symbols declared");
        }
    }

    [Test]
    public void The_analyzer_runs_on_every_shipped_project()
    {
        // Through src/Directory.Build.props and generator/Directory.Build.props, with the files above as AdditionalFiles.
        var props = Path.Combine(Repository.Root, project.Split('/', '\\')[0], "Directory.Build.props");
        var text = File.ReadAllText(props);
        Assert.That(text, Does.Contain("Microsoft.CodeAnalysis.PublicApiAnalyzers"));
        Assert.That(text, Does.Contain("PublicAPI/$(TargetFramework)/PublicAPI.Unshipped.txt"));
    }
}
