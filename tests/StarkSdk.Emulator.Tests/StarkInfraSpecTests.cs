using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using StarkSdk.Emulator.Engine;
using StarkSdk.Emulator.Spec;

namespace StarkSdk.Emulator.Tests;

/// <summary>
/// The engine is not Stark Bank specific: loaded with openapi/starkinfra.yaml (read from the repository) and no
/// behaviours, it serves every list route of Stark Infra.
/// </summary>
public sealed class StarkInfraSpecTests
{
    // The spec is committed: a checkout without it is broken, so the test fails rather than skips.
    private static string SpecPath()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "openapi", "starkinfra.yaml");
            if (File.Exists(candidate))
                return candidate;
        }
        Assert.Fail("openapi/starkinfra.yaml is missing from the checkout.");
        return null!;
    }

    [Test]
    public async Task The_generic_engine_serves_the_stark_infra_spec()
    {
        var spec = ApiSpec.Load(SpecPath());
        await using var emulator = await StarkBankEmulator.StartAsync(new EmulatorOptions { Spec = spec, Behaviours = new List<ResourceBehaviour>(), RequireSignatures = false });
        using var client = new EmulatorClient(emulator.BaseUrl, "project/1", EmulatorTest.ProjectKey) { CheckConformance = false };

        var failures = new List<string>();
        var lists = spec.Operations.Where(o => o.Method == "GET" && o.IdParameter == null).ToList();
        foreach (var op in lists)
        {
            var query = string.Concat(op.QueryParameters.Where(p => p.Required).Select((p, i) => (i == 0 ? "?" : "&") + p.Name + "=1"));
            var response = await client.GetAsync(op.PathTemplate + query);
            if ((int)response.Status != 200)
                failures.Add($"{op}: {response}");
        }

        Assert.That(lists, Is.Not.Empty);
        Assert.That(failures, Is.Empty);
        Assert.That(spec.Operations.Where(o => o.Kind == OperationKind.Unsupported).Select(o => o.ToString()), Is.Empty);
    }
}
