using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NUnit.Framework;

namespace StarkSdk.Generator.Tests;

/// <summary>
/// The dependency injection extensions (<c>AddSmallBank</c>, <c>AddKeyedSmallBank</c>) are generated next to a root
/// client generated whole, named after <c>x-stark-api</c>, and only where the consuming project can compile them.
/// </summary>
public class ServiceCollectionTests
{
    private const string HintName = "Small.SmallBankServiceCollectionExtensions.g.cs";

    private const string Consumer = """
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Small;
        using StarkSdk.Core;

        namespace Consumer
        {
            internal static class Registrations
            {
                internal static void Register(IServiceCollection services, IConfiguration configuration, User user)
                {
                    services.AddSmallBank(options => options.User = user).AddStarkHandlers();
                    services.AddSmallBank(configuration);
                    services.AddSmallBank(configuration, options => options.Language = "pt-BR");
                    services.AddKeyedSmallBank("acme", options => options.User = user);
                    services.AddKeyedSmallBank("other", configuration.GetSection(SmallBankServiceCollectionExtensions.Name + ":Other"));
                }
            }
        }
        """;

    [Test]
    public void TheExtensionsCompileAndTheirNameIsTheApiName()
    {
        var run = GeneratorHarness.Run(RootClientTests.SpecWithApi(), sources: new[] { Consumer });

        Assert.That(run.GeneratorDiagnostics, Is.Empty);
        Assert.That(run.CompilationProblems.Select(d => d.ToString()), Is.Empty);
        var extensions = run.Output.GetTypeByMetadataName("Small.SmallBankServiceCollectionExtensions");
        Assert.That(extensions, Is.Not.Null);
        Assert.That(extensions!.IsStatic && extensions.DeclaredAccessibility == Accessibility.Public, Is.True);
        var name = extensions.GetMembers("Name").OfType<IFieldSymbol>().Single();
        Assert.That(name.IsConst, Is.True);
        Assert.That(name.ConstantValue, Is.EqualTo("SmallBank"));
        Assert.That(extensions.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary).Select(m => m.Name), Is.EquivalentTo(new[] { "AddSmallBank", "AddSmallBank", "AddKeyedSmallBank", "AddKeyedSmallBank" }));
    }

    [TestCase("Microsoft.Extensions.DependencyInjection.Abstractions", TestName = "WithoutIServiceCollectionNoExtensionsAndNoErrors")]
    [TestCase("Microsoft.Extensions.Http", TestName = "WithoutIHttpClientBuilderNoExtensionsAndNoErrors")]
    [TestCase("Microsoft.Extensions.Configuration.Abstractions", TestName = "WithoutIConfigurationNoExtensionsAndNoErrors")]
    public void AProjectWithoutTheDependencyInjectionReferencesGetsNoExtensionsAndNoErrors(string missingAssembly)
    {
        var references = GeneratorHarness.ReferencesWithout(missingAssembly);
        Assert.That(references.Length, Is.EqualTo(GeneratorHarness.References.Length - 1), missingAssembly);

        var run = GeneratorHarness.Run(RootClientTests.SpecWithApi(), sources: new[] { "namespace Consumer { internal static class Placeholder { } }" }, references: references);

        Assert.That(run.GeneratorDiagnostics, Is.Empty);
        Assert.That(run.CompilationProblems.Select(d => d.ToString()), Is.Empty);
        Assert.That(run.Sources.Select(s => s.HintName), Does.Not.Contain(HintName));
        Assert.That(run.Sources.Select(s => s.HintName), Does.Contain("Small.SmallClient.g.cs"));
    }

    [Test]
    public void AStarkSdkCoreWithoutAddStarkClientGetsNoExtensions()
    {
        // An older or stand-in runtime: the DI packages are there, StarkServiceCollectionExtensions is not (or not visible).
        var references = GeneratorHarness.References.Where(r => Path.GetFileNameWithoutExtension(r.Display) != "StarkSdk.Core").ToList();
        var withoutCore = GeneratorHarness.Compilation(references: references);
        Assert.That(DependencyInjectionSupport.IsAvailable(withoutCore), Is.False);

        var hiddenCore = CSharpCompilation.Create(
            "StandInCore",
            new[] { CSharpSyntaxTree.ParseText("namespace StarkSdk.Core { internal static class StarkServiceCollectionExtensions { } }") },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var withHiddenCore = GeneratorHarness.Compilation(references: references.Append(hiddenCore.ToMetadataReference()));
        Assert.That(withHiddenCore.GetTypeByMetadataName("StarkSdk.Core.StarkServiceCollectionExtensions"), Is.Not.Null);
        Assert.That(DependencyInjectionSupport.IsAvailable(withHiddenCore), Is.False);

        Assert.That(DependencyInjectionSupport.IsAvailable(GeneratorHarness.Compilation()), Is.True);
    }

    [Test]
    public void ASpecWithoutXStarkApiGetsNoExtensions()
    {
        var run = GeneratorHarness.Run(File.ReadAllText(TestPaths.TestSpec("small.yaml")));
        Assert.That(run.GeneratorDiagnostics, Is.Empty);
        Assert.That(run.Sources.Select(s => s.HintName).Where(h => h.Contains("ServiceCollectionExtensions")), Is.Empty);
    }

    [Test]
    public void AnXStarkApiThatIsNoIdentifierIsReportedAndGetsNoExtensions()
    {
        var yaml = RootClientTests.SpecWithApi().Replace("x-stark-api: SmallBank", "x-stark-api: Small Bank");
        var run = GeneratorHarness.Run(yaml);

        var diagnostic = run.GeneratorDiagnostics.Single();
        Assert.That(diagnostic.Id, Is.EqualTo("STARK005"));
        Assert.That(diagnostic.GetMessage(), Does.Contain("'Small Bank' is not a C# identifier"));
        Assert.That(run.Sources.Select(s => s.HintName).Where(h => h.Contains("ServiceCollectionExtensions")), Is.Empty);
        Assert.That(run.Source("Small.SmallClient.g.cs"), Does.Contain("\"Small Bank\","));
    }

    [Test]
    public void ASchemaNamedLikeTheExtensionsIsANameClash()
    {
        var yaml = RootClientTests.SpecWithApi().Replace("\n  schemas:\n", "\n  schemas:\n    SmallBankServiceCollectionExtensions:\n      type: object\n      properties:\n        id:\n          type: string\n");
        Assert.That(yaml, Does.Contain("    SmallBankServiceCollectionExtensions:"));
        var run = GeneratorHarness.Run(yaml);

        Assert.That(run.GeneratorDiagnostics.Select(d => d.Id), Does.Contain("STARK004"));
        Assert.That(run.GeneratorDiagnostics.Single(d => d.Id == "STARK004").GetMessage(), Does.Contain("the dependency injection extensions"));
        Assert.That(run.Source(HintName), Does.Contain("public static class SmallBankServiceCollectionExtensions"));
    }
}
