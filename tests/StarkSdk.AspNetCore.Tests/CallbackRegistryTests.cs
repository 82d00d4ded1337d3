using System.IO;
using System.Reflection;
using StarkSdk.Infra;

namespace StarkSdk.AspNetCore.Tests;

/// <summary>The generated StarkInfraCallbacks against the spec's webhooks and the hand-written answers' deadlines.</summary>
public sealed class CallbackRegistryTests
{
    [Test]
    public void Every_x_stark_callback_of_the_spec_is_in_the_registry()
    {
        var yaml = File.ReadAllText(Path.Combine(StarkInfraEmulator.RepositoryRoot, "openapi", "starkinfra.yaml"));
        var webhooks = yaml[yaml.IndexOf("\nwebhooks:", StringComparison.Ordinal)..];
        var names = webhooks.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("x-stark-callback:", StringComparison.Ordinal)).Select(l => l["x-stark-callback:".Length..].Trim()).OrderBy(n => n, StringComparer.Ordinal);

        Assert.That(StarkInfraCallbacks.All.Select(c => c.Name), Is.EqualTo(names));
    }

    [Test]
    public void Each_authorizations_documented_deadline_is_its_answers_Deadline()
    {
        var authorizations = StarkInfraCallbacks.All.Where(c => c.IsAuthorization).ToList();
        Assert.That(authorizations.Select(c => c.Name), Is.EquivalentTo(new[] { "IssuingPurchaseAuthorization", "IssuingTokenActivationAuthorization", "IssuingTokenAuthorization", "PixRequestAuthorization", "PixReversalAuthorization" }));
        Assert.Multiple(() =>
        {
            foreach (var callback in authorizations)
            {
                var deadline = (TimeSpan)callback.AnswerType!.GetProperty("Deadline", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
                Assert.That(callback.DocumentedDeadline ?? StarkInfraAuthorizationEndpointRouteBuilderExtensions.UndocumentedDeadline, Is.EqualTo(deadline), callback.Name);
                Assert.That(callback.SafeDefaultAnswerJson, Does.StartWith("""{"authorization":{"status":"denied","reason":"""), callback.Name);
            }
        });
    }
}
