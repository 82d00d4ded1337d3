using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace StarkSdk.Generator.Tests;

/// <summary>
/// Fields the spec requires on creation are C# <c>required</c> members (a forgotten one is CS9035), and no generated
/// non-nullable property is a hidden null (<c>= null!</c>).
/// </summary>
public class RequiredMemberTests
{
    private static readonly Regex NullForgivingProperty = new(@"\{\s*get;[^}]*\}\s*=\s*null!", RegexOptions.CultureInvariant);

    [Test]
    public void OmittingARequiredMemberIsErrorCS9035()
    {
        const string consumer = """
            namespace Consumer
            {
                internal static class Usage
                {
                    internal static Small.Invoice Forgetful() => new Small.Invoice { Name = "Arya Stark", TaxId = "012.345.678-90" };
                }
            }
            """;
        var run = GeneratorHarness.Run(File.ReadAllText(TestPaths.TestSpec("small.yaml")), sources: new[] { GeneratorHarness.RootClientPartial("Small", "SmallClient"), consumer });
        var errors = run.CompilationProblems.Where(d => d.Id == "CS9035").Select(d => d.GetMessage()).ToList();
        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Does.Contain("Invoice.Amount"));
    }

    [Test]
    public void SettingEveryRequiredMemberCompiles()
    {
        const string consumer = """
            namespace Consumer
            {
                internal static class Usage
                {
                    internal static Small.Invoice Complete() => new Small.Invoice { Amount = 100, Name = "Arya Stark", TaxId = "012.345.678-90" };
                }
            }
            """;
        var run = GeneratorHarness.Run(File.ReadAllText(TestPaths.TestSpec("small.yaml")), sources: new[] { GeneratorHarness.RootClientPartial("Small", "SmallClient"), consumer });
        Assert.That(run.CompilationProblems.Select(d => d.ToString()), Is.Empty);
    }

    [Test]
    public void ServerSetFieldsAreNullableAndNotRequired()
    {
        var source = GeneratorHarness.Run(File.ReadAllText(TestPaths.TestSpec("small.yaml"))).Source("Small.Invoice.g.cs");
        Assert.That(source, Does.Contain("public required long Amount { get; set; }"));
        Assert.That(source, Does.Contain("public string? Id { get; internal set; }"));
        Assert.That(source, Does.Contain("public long? Fee { get; internal set; }"));
        Assert.That(source, Does.Contain("public global::System.Collections.Generic.IReadOnlyList<string>? TransactionIds { get; internal set; }"));
    }

    [TestCase("starkbank.yaml", "StarkSdk.Bank", "StarkBankClient")]
    [TestCase("starkinfra.yaml", "StarkSdk.Infra", "StarkInfraClient")]
    public void NoGeneratedPropertyIsInitialisedWithNullForgiving(string spec, string @namespace, string rootClient)
    {
        var run = GeneratorHarness.Run(
            File.ReadAllText(Path.Combine(Path.GetDirectoryName(TestPaths.FullSpec)!, spec)),
            options: TestOptionsProvider.ForSpecs(GeneratorHarness.SpecPath, @namespace, rootClient));
        var offenders = run.Sources
            .SelectMany(s => s.SourceText.ToString().Split('\n').Where(line => NullForgivingProperty.IsMatch(line)).Select(line => s.HintName + ": " + line.Trim()))
            .ToList();
        Assert.That(run.Sources.Count(), Is.GreaterThan(50));
        Assert.That(offenders, Is.Empty);
        Assert.That(run.Sources.Sum(s => Regex.Matches(s.SourceText.ToString(), @"public required ").Count), Is.GreaterThan(20), "required members are generated");
    }
}
