using System.IO;
using System.Threading.Tasks;
using NUnit.Framework;
using StarkSdk.Emulator.Hosting;

namespace StarkSdk.Emulator.Tests;

/// <summary>The same emulator serves the Stark Infra API: its embedded spec and its sandbox seed.</summary>
public sealed class StarkInfraApiTests : EmulatorTest
{
    internal override EmulatorOptions CreateOptions() => new() { Seed = 42, Api = EmulatedApi.StarkInfra };

    [Test]
    public async Task The_infra_api_is_served_with_its_sandbox_seed()
    {
        var balance = await Client.GetAsync("/v2/pix-balance");
        AssertOk(balance);
        Assert.That((long?)balance.Body["balances"]?[0]?["amount"] ?? (long?)balance.Body["balance"]?["amount"], Is.EqualTo(10_000_000));

        var publicKey = await Client.GetAsync("/v2/public-key");
        AssertOk(publicKey);
        Assert.That(publicKey.Body.ToString(), Does.Contain("BEGIN PUBLIC KEY"));

        var bankRoute = await Client.GetAsync("/v2/invoice");
        Assert.That(bankRoute.ErrorCodes, Is.EqualTo(new[] { "routeNotFound" }), "Stark Bank routes are not part of the Stark Infra API");
    }

    [Test]
    public void The_command_line_chooses_the_api()
    {
        Assert.That(CommandLine.Parse(new[] { "--api", "infra" }, TextWriter.Null, TextWriter.Null)!.Api, Is.EqualTo(EmulatedApi.StarkInfra));
        Assert.That(CommandLine.Parse(new[] { "--api", "bank" }, TextWriter.Null, TextWriter.Null)!.Api, Is.EqualTo(EmulatedApi.StarkBank));
        Assert.That(CommandLine.Parse(new[] { "--api", "dragons" }, TextWriter.Null, TextWriter.Null), Is.Null);
        var options = CommandLine.Parse(new[] { "--strict-query", "--max-body-bytes", "1024" }, TextWriter.Null, TextWriter.Null)!;
        Assert.That((options.StrictQueryParameters, options.MaxRequestBodyBytes), Is.EqualTo((true, 1024L)));
    }
}
