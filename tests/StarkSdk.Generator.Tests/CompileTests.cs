using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace StarkSdk.Generator.Tests;

/// <summary>The generated code compiles against the StarkSdk.Core runtime without a single warning.</summary>
public class CompileTests
{
    [TestCase(true, TestName = "SmallSpecCompilesWithoutWarnings(net6+: DateOnly)")]
    [TestCase(false, TestName = "SmallSpecCompilesWithoutWarnings(netstandard2.0: DateTime)")]
    public void SmallSpecCompilesWithoutWarnings(bool net6OrGreater)
    {
        var run = GeneratorHarness.Run(File.ReadAllText(TestPaths.TestSpec("small.yaml")), net6OrGreater: net6OrGreater);
        Assert.That(run.GeneratorDiagnostics, Is.Empty);
        Assert.That(run.CompilationProblems.Select(d => d.ToString()), Is.Empty);
    }

    [Test]
    public void PublicMembersWithoutDocsWouldBeReported()
    {
        // Guards the test above: the harness compiles with documentation diagnostics on, so CS1591 would show.
        var compilation = GeneratorHarness.Compilation(new[] { "namespace X { public class Undocumented { } }" });
        Assert.That(compilation.GetDiagnostics().Select(d => d.Id), Does.Contain("CS1591"));
    }

    [Test]
    public void FullStarkBankSpecCompilesWithoutWarnings()
    {
        var spec = TestPaths.FullSpec;
        if (!File.Exists(spec))
        {
            Assert.Fail("openapi/starkbank.yaml is missing.");
        }

        var run = GeneratorHarness.Run(
            File.ReadAllText(spec),
            options: TestOptionsProvider.ForSpecs(GeneratorHarness.SpecPath, "StarkSdk.Bank", "StarkBankClient"));
        Assert.That(run.GeneratorDiagnostics.Select(d => d.ToString()), Is.Empty);
        Assert.That(run.CompilationProblems.Select(d => d.ToString()), Is.Empty);
        Assert.That(run.Sources.Count(), Is.GreaterThan(50));
    }

    [Test]
    public void FullStarkInfraSpecCompilesWithoutWarnings()
    {
        var spec = TestPaths.FullInfraSpec;
        if (!File.Exists(spec))
        {
            Assert.Fail("openapi/starkinfra.yaml is missing.");
        }

        var run = GeneratorHarness.Run(
            File.ReadAllText(spec),
            options: TestOptionsProvider.ForSpecs(GeneratorHarness.SpecPath, "StarkSdk.Infra", "StarkInfraClient"));
        Assert.That(run.GeneratorDiagnostics.Select(d => d.ToString()), Is.Empty);
        Assert.That(run.CompilationProblems.Select(d => d.ToString()), Is.Empty);
        Assert.That(run.Sources.Count(), Is.GreaterThan(100));
    }
}
