using System.IO;
using System.Linq;
using NUnit.Framework;

namespace StarkSdk.Generator.Tests;

/// <summary>
/// The root client is generated whole from <c>x-stark-api</c> and the servers marked <c>x-stark-environment</c>, so a
/// new API needs no hand-written code; without them the constructors stay hand-written.
/// </summary>
public class RootClientTests
{
    /// <summary>TestSpecs/small.yaml with <c>x-stark-api: SmallBank</c> and its two servers marked.</summary>
    internal static string SpecWithApi() => File.ReadAllText(TestPaths.TestSpec("small.yaml")).Replace(
        "servers:\n  - url: https://sandbox.api.example.com\n",
        "x-stark-api: SmallBank\nservers:\n  - url: https://sandbox.api.example.com\n    x-stark-environment: sandbox\n  - url: https://api.example.com\n    x-stark-environment: production\n");

    [Test]
    public void TheWholeRootClientIsGeneratedFromTheSpec()
    {
        var yaml = SpecWithApi();
        Assert.That(yaml, Does.Contain("x-stark-api"));
        var run = GeneratorHarness.Run(yaml, sources: new[] { "namespace Consumer { internal static class Use { internal static Small.SmallClient Create(global::StarkSdk.Core.User user) => new Small.SmallClient(user); } }" });

        Assert.That(run.GeneratorDiagnostics, Is.Empty);
        Assert.That(run.CompilationProblems.Select(d => d.ToString()), Is.Empty);
        var source = run.Source("Small.SmallClient.g.cs");
        Assert.That(source, Does.Contain("\"SmallBank\","));
        Assert.That(source, Does.Contain("new global::System.Uri(\"https://sandbox.api.example.com\")"));
        Assert.That(source, Does.Contain("new global::System.Uri(\"https://api.example.com\")"));
        Assert.That(source, Does.Contain("public SmallClient(global::System.Net.Http.HttpClient httpClient, global::StarkSdk.Core.StarkClientOptions options)"));
    }

    [Test]
    public void WithoutTheExtensionOnlyTheClientPropertiesAreGenerated()
    {
        var source = GeneratorHarness.Run(File.ReadAllText(TestPaths.TestSpec("small.yaml"))).Source("Small.SmallClient.g.cs");
        Assert.That(source, Does.Not.Contain("ApiDescriptor"));
        Assert.That(source, Does.Contain("public virtual InvoicesClient Invoices"));
    }
}
