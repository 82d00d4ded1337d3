using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;

namespace StarkSdk.Generator.Tests;

/// <summary>Which YAML files are specs, and the namespace and root client each gets.</summary>
public class OptionsTests
{
    private static readonly string Yaml = System.IO.File.ReadAllText(TestPaths.TestSpec("small.yaml"));

    [Test]
    public void AYamlFileWithoutStarkMetadataIsIgnored()
    {
        var options = new TestOptionsProvider(new Dictionary<string, IReadOnlyDictionary<string, string>>());
        var run = GeneratorHarness.Run(Yaml, options: options);
        Assert.That(run.Sources.Where(s => s.HintName.EndsWith(".g.cs") && !s.HintName.StartsWith("StarkSdk.")), Is.Empty);
        Assert.That(run.GeneratorDiagnostics, Is.Empty);
    }

    [Test]
    public void StarkOpenApiTrueUsesTheRootNamespaceAndNamesTheRootClientAfterIt()
    {
        var options = new TestOptionsProvider(
            new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                [GeneratorHarness.SpecPath] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.StarkOpenApi"] = "true" },
            },
            new Dictionary<string, string> { ["build_property.RootNamespace"] = "Contoso.Pay" });
        var run = GeneratorHarness.Run(Yaml, options: options, sources: new[] { GeneratorHarness.RootClientPartial("Contoso.Pay", "PayClient") });
        Assert.That(run.Sources.Select(s => s.HintName), Does.Contain("Contoso.Pay.Invoice.g.cs").And.Contain("Contoso.Pay.PayClient.g.cs"));
        Assert.That(run.CompilationProblems.Select(d => d.ToString()), Is.Empty);
    }

    [Test]
    public void YmlFilesAreSpecsToo()
    {
        var path = "/repo/api/small.yml";
        var run = GeneratorHarness.Run(Yaml, path: path, options: TestOptionsProvider.ForSpecs(path, "Small", "SmallClient"));
        Assert.That(run.Sources.Select(s => s.HintName), Does.Contain("Small.Invoice.g.cs"));
    }
}

public class TwoSpecsTests
{
    [Test]
    public void TwoSpecsInTheSameNamespaceReportTheClashInsteadOfCrashing()
    {
        var yaml = System.IO.File.ReadAllText(TestPaths.TestSpec("small.yaml"));
        var first = "/repo/openapi/a.yaml";
        var second = "/repo/openapi/b.yaml";
        var metadata = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.StarkNamespace"] = "Small" };
        var options = new TestOptionsProvider(new Dictionary<string, IReadOnlyDictionary<string, string>> { [first] = metadata, [second] = metadata });
        var driver = GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText(first, yaml), new InMemoryAdditionalText(second, yaml) }, options);
        var result = driver.RunGenerators(GeneratorHarness.Compilation()).GetRunResult();
        Assert.That(result.Results.Single().Exception, Is.Null);
        Assert.That(result.Diagnostics.Select(d => d.Id), Does.Contain("STARK004"));
    }

    [Test]
    public void TwoSpecsInDifferentNamespacesBothGenerate()
    {
        var yaml = System.IO.File.ReadAllText(TestPaths.TestSpec("small.yaml"));
        var first = "/repo/openapi/a.yaml";
        var second = "/repo/openapi/b.yaml";
        var options = new TestOptionsProvider(new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [first] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.StarkNamespace"] = "First" },
            [second] = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.StarkNamespace"] = "Second" },
        });
        var driver = GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText(first, yaml), new InMemoryAdditionalText(second, yaml) }, options);
        var result = driver.RunGenerators(GeneratorHarness.Compilation()).GetRunResult();
        var hints = result.GeneratedTrees.Select(t => System.IO.Path.GetFileName(t.FilePath)).ToList();
        Assert.That(hints, Does.Contain("First.Invoice.g.cs").And.Contain("Second.Invoice.g.cs").And.Contain("First.FirstClient.g.cs"));
        Assert.That(result.Diagnostics, Is.Empty);
    }
}
