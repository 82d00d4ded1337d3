using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NUnit.Framework;
using StarkSdk.Generator.Modeling;
using Names = StarkSdk.Generator.OpenApiGenerator.TrackingNames;

namespace StarkSdk.Generator.Tests;

/// <summary>
/// The pipeline is incremental: an edit of unrelated C# re-runs nothing (every step cached), a YAML edit re-parses
/// and re-emits only the files whose model changed, an options change regenerates, and a reference that makes the
/// dependency injection extensions compilable emits them without re-reading the spec.
/// </summary>
public class IncrementalTests
{
    private static readonly string[] TrackedSteps = { Names.SpecFiles, Names.SpecModels, Names.NamespaceOwners, Names.Diagnostics, Names.Units, Names.DependencyInjection, Names.ServiceCollections };

    private static string Yaml => File.ReadAllText(TestPaths.TestSpec("small.yaml"));

    [TestCase(false, TestName = "AnUnrelatedCSharpEditReRunsNothing")]
    [TestCase(true, TestName = "AnUnrelatedCSharpEditReRunsNothing(x-stark-api: the root client and its DI extensions)")]
    public void AnUnrelatedCSharpEditReRunsNothing(bool withApi)
    {
        var sources = withApi ? new[] { "class Unrelated { }" } : new[] { GeneratorHarness.RootClientPartial("Small", "SmallClient"), "class Unrelated { }" };
        var compilation = GeneratorHarness.Compilation(sources);
        var yaml = withApi ? RootClientTests.SpecWithApi() : Yaml;
        var driver = GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText(GeneratorHarness.SpecPath, yaml) }, TestOptionsProvider.ForSpecs(GeneratorHarness.SpecPath));
        driver = driver.RunGenerators(compilation);
        var extensions = driver.GetRunResult().GeneratedTrees.Where(t => t.FilePath.EndsWith("Small.SmallBankServiceCollectionExtensions.g.cs")).ToList();
        Assert.That(extensions, withApi ? Has.Count.EqualTo(1) : Is.Empty);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Last(),
            CSharpSyntaxTree.ParseText("class Unrelated { int _changed; }", GeneratorHarness.ParseOptions(), path: compilation.SyntaxTrees.Last().FilePath));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in TrackedSteps)
        {
            var reasons = Reasons(result, step);
            Assert.That(reasons, Is.Not.Empty, step);
            Assert.That(reasons, Is.All.Matches<IncrementalStepRunReason>(r => r == IncrementalStepRunReason.Cached || r == IncrementalStepRunReason.Unchanged), step);
        }

        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.That(outputs, Is.Not.Empty);
        Assert.That(outputs, Is.All.EqualTo(IncrementalStepRunReason.Cached));
    }

    [Test]
    public void ReferencingDependencyInjectionLaterAddsTheExtensionsWithoutReparsingTheSpec()
    {
        var source = new[] { "namespace Consumer { internal static class Placeholder { } }" };
        var withoutHttp = GeneratorHarness.Compilation(source, references: GeneratorHarness.ReferencesWithout("Microsoft.Extensions.Http"));
        var driver = GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText(GeneratorHarness.SpecPath, RootClientTests.SpecWithApi()) }, TestOptionsProvider.ForSpecs(GeneratorHarness.SpecPath));
        driver = driver.RunGenerators(withoutHttp);
        Assert.That(driver.GetRunResult().GeneratedTrees.Select(t => Path.GetFileName(t.FilePath)), Does.Not.Contain("Small.SmallBankServiceCollectionExtensions.g.cs"));

        var result = driver.RunGenerators(GeneratorHarness.Compilation(source)).GetRunResult().Results.Single();

        Assert.That(result.GeneratedSources.Select(s => s.HintName), Does.Contain("Small.SmallBankServiceCollectionExtensions.g.cs"));
        Assert.That(Reasons(result, Names.DependencyInjection), Is.EqualTo(new[] { IncrementalStepRunReason.Modified }));
        Assert.That(Reasons(result, Names.SpecModels), Is.All.EqualTo(IncrementalStepRunReason.Cached));
        Assert.That(Reasons(result, Names.Units), Is.All.EqualTo(IncrementalStepRunReason.Cached));
    }

    [Test]
    public void AYamlEditReParsesAndReEmitsOnlyWhatChanged()
    {
        var compilation = GeneratorHarness.Compilation(new[] { GeneratorHarness.RootClientPartial("Small", "SmallClient") });
        var original = new InMemoryAdditionalText(GeneratorHarness.SpecPath, Yaml);
        var driver = GeneratorHarness.CreateDriver(new[] { original }, TestOptionsProvider.ForSpecs(GeneratorHarness.SpecPath));
        driver = driver.RunGenerators(compilation);

        var editedYaml = Yaml.Replace("description: A discount until a date.", "description: A discount valid until a date.");
        Assert.That(editedYaml, Is.Not.EqualTo(Yaml));
        driver = driver.ReplaceAdditionalText(original, new InMemoryAdditionalText(GeneratorHarness.SpecPath, editedYaml));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.That(Reasons(result, Names.SpecModels), Is.EqualTo(new[] { IncrementalStepRunReason.Modified }));
        var units = result.TrackedSteps[Names.Units].SelectMany(s => s.Outputs).ToList();
        var modified = units.Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => UnitOf(o.Value).Name).ToList();
        Assert.That(modified, Is.EqualTo(new[] { "InvoiceDiscount" }));
        Assert.That(units.Count(o => o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached), Is.EqualTo(units.Count - 1));

        var source = result.GeneratedSources.Single(s => s.HintName == "Small.InvoiceDiscount.g.cs").SourceText.ToString();
        Assert.That(source, Does.Contain("A discount valid until a date."));
    }

    [Test]
    public void ANewEndpointInTheYamlAddsTheMethod()
    {
        var compilation = GeneratorHarness.Compilation(new[] { GeneratorHarness.RootClientPartial("Small", "SmallClient") });
        var original = new InMemoryAdditionalText(GeneratorHarness.SpecPath, Yaml);
        var driver = GeneratorHarness.CreateDriver(new[] { original }, TestOptionsProvider.ForSpecs(GeneratorHarness.SpecPath)).RunGenerators(compilation);

        var newEndpoint = """
              /v2/invoice/{id}/qrcode:
                get:
                  operationId: getInvoiceQrcode
                  tags: [Invoice]
                  x-stark-client: Invoices
                  x-stark-method: GetQrcode
                  parameters:
                    - $ref: '#/components/parameters/Id'
                  responses:
                    "200":
                      description: The QR code.
                      content:
                        image/png:
                          schema:
                            type: string
                            format: binary
            """;
        var edited = Yaml.Replace("  /v2/invoice/log:\n", newEndpoint.Replace("\r\n", "\n").TrimEnd('\n') + "\n  /v2/invoice/log:\n");
        driver = driver.ReplaceAdditionalText(original, new InMemoryAdditionalText(GeneratorHarness.SpecPath, edited));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        var client = result.GeneratedSources.Single(s => s.HintName == "Small.InvoicesClient.g.cs").SourceText.ToString();
        Assert.That(client, Does.Contain("GetQrcodeAsync(string id"));
        Assert.That(client, Does.Contain("GetQrcodeStreamAsync(string id"));
        var modified = result.TrackedSteps[Names.Units].SelectMany(s => s.Outputs).Where(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New).Select(o => UnitOf(o.Value).Name);
        Assert.That(modified, Is.EquivalentTo(new[] { "InvoicesClient" }));
    }

    [Test]
    public void AnOptionsChangeRegenerates()
    {
        var compilation = GeneratorHarness.Compilation(new[] { GeneratorHarness.RootClientPartial("Small", "SmallClient") });
        var text = new InMemoryAdditionalText(GeneratorHarness.SpecPath, Yaml);
        var driver = GeneratorHarness.CreateDriver(new[] { text }, TestOptionsProvider.ForSpecs(GeneratorHarness.SpecPath)).RunGenerators(compilation);

        driver = driver.WithUpdatedAnalyzerConfigOptions(TestOptionsProvider.ForSpecs(GeneratorHarness.SpecPath, "Other.Sdk", "OtherClient"));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.That(Reasons(result, Names.SpecFiles), Is.EqualTo(new[] { IncrementalStepRunReason.Modified }));
        Assert.That(result.GeneratedSources.Select(s => s.HintName), Does.Contain("Other.Sdk.Invoice.g.cs"));
        Assert.That(result.GeneratedSources.Select(s => s.HintName), Does.Contain("Other.Sdk.OtherClient.g.cs"));
    }

    [Test]
    public void ReadingTheSameTextTwiceGivesEqualModels()
    {
        var options = new SpecOptions("Small", "SmallClient");
        var first = SpecReader.Read(GeneratorHarness.SpecPath, Microsoft.CodeAnalysis.Text.SourceText.From(Yaml), options);
        var second = SpecReader.Read(GeneratorHarness.SpecPath, Microsoft.CodeAnalysis.Text.SourceText.From(Yaml), options);
        Assert.That(second, Is.EqualTo(first));
        Assert.That(second.GetHashCode(), Is.EqualTo(first.GetHashCode()));
        Assert.That(first.Units.Count, Is.GreaterThan(10));
    }

    [Test]
    public void PipelineModelsHoldNoSymbolsSyntaxOrLocations()
    {
        // Walks the model types: only primitives, strings, enums, records of the model and EquatableArray.
        var forbidden = new[] { typeof(ISymbol), typeof(SyntaxNode), typeof(Location), typeof(Compilation), typeof(SemanticModel) };
        var seen = new HashSet<System.Type>();
        var queue = new Queue<System.Type>(new[] { typeof(SpecResult) });
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            if (!seen.Add(type) || type.IsPrimitive || type == typeof(string) || type.IsEnum)
            {
                continue;
            }

            Assert.That(forbidden.Any(f => f.IsAssignableFrom(type)), Is.False, type.FullName);
            if (type.IsArray)
            {
                queue.Enqueue(type.GetElementType()!);
                continue;
            }

            foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : System.Type.EmptyTypes)
            {
                queue.Enqueue(argument);
            }

            foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length == 0 && property.DeclaringType!.Namespace?.StartsWith("StarkSdk.Generator", System.StringComparison.Ordinal) == true)
                {
                    queue.Enqueue(property.PropertyType);
                }
            }

            if (type.IsAbstract)
            {
                foreach (var derived in type.Assembly.GetTypes().Where(t => type.IsAssignableFrom(t) && t != type))
                {
                    queue.Enqueue(derived);
                }
            }
        }

        Assert.That(seen, Does.Contain(typeof(OperationModel)));
        Assert.That(seen, Does.Contain(typeof(Diagnostics.LocationInfo)));
    }

    /// <summary>The Units step outputs ((path, unit), namespace owners).</summary>
    private static GeneratedUnit UnitOf(object value) => (((string, GeneratedUnit), EquatableArray<SpecOwner>))value switch { var ((_, unit), _) => unit };

    private static List<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps.TryGetValue(step, out var runs)
            ? runs.SelectMany(r => r.Outputs).Select(o => o.Reason).ToList()
            : new List<IncrementalStepRunReason>();
}
