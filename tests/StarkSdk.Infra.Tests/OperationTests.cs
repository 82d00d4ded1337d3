using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using StarkSdk.TestKit;

namespace StarkSdk.Infra.Tests;

/// <summary>Each scenario of <see cref="Exercises"/> against its own fresh emulator serving openapi/starkinfra.yaml.</summary>
public class OperationTests
{
    public static IEnumerable<TestCaseData> Scenarios() => Exercises.All.Select(e => new TestCaseData(e.Name).SetName("Exercise(" + e.Name + ")"));

    [TestCaseSource(nameof(Scenarios))]
    public async Task Exercise(string name)
    {
        await using var emulator = await InfraEmulator.StartAsync();
        await Exercises.All.Single(e => e.Name == name).RunAsync(emulator);
        var failed = emulator.Calls.Requests.Where(r => r.Status >= 300).Select(r => $"{r.Method} {r.Path} -> {r.Status}").ToList();
        Assert.That(failed, Is.Empty, "requests the emulator refused");
    }
}

/// <summary>
/// The SDK covers the whole spec: every operationId of openapi/starkinfra.yaml (routes and signed callbacks) is a
/// generated method, and running every scenario calls every one of them successfully.
/// </summary>
public class CoverageTests
{
    [Test]
    public void TheSpecHasTheExpectedOperations()
    {
        Assert.That(OpenApiOperations.StarkInfra.Routes.Count(), Is.GreaterThanOrEqualTo(150));
        Assert.That(OpenApiOperations.StarkInfra.Callbacks.Select(c => c.OperationId), Is.EquivalentTo(Callbacks.All.Select(c => c.OperationId)));
    }

    [Test]
    public void EveryOperationIdIsAGeneratedMethodAndNoMethodIsExtra()
    {
        var generated = Surface.GeneratedMethods().Select(Surface.OperationId).Distinct().OrderBy(x => x).ToList();
        var specified = OpenApiOperations.StarkInfra.All.Select(o => o.OperationId).OrderBy(x => x).ToList();
        Assert.That(generated, Is.EqualTo(specified));
    }

    [Test]
    public async Task EveryOperationIsExercisedAgainstTheEmulator()
    {
        var calls = new CallLog();
        await using (var emulator = await InfraEmulator.StartAsync(calls))
        {
            foreach (var exercise in Exercises.All)
            {
                await exercise.RunAsync(emulator);
            }
        }

        var unmatched = calls.Requests.Where(r => OpenApiOperations.StarkInfra.Match(r.Method, r.Path)?.OperationId is null).Select(r => $"{r.Method} {r.Path}").ToList();
        Assert.That(unmatched, Is.Empty, "requests to routes the spec does not have");
        var exercised = calls.ExercisedOperationIds();
        var missing = OpenApiOperations.StarkInfra.All.Select(o => o.OperationId).Where(id => !exercised.Contains(id)).OrderBy(x => x).ToList();
        Assert.That(missing, Is.Empty, "operations no scenario called successfully");
        TestContext.Out.WriteLine($"{exercised.Count} operations exercised with {calls.Requests.Count} requests.");
    }
}
