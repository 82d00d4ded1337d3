using System;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using StarkSdk.Core;
using StarkSdk.TestKit;

namespace StarkSdk.Emulator.Tests;

/// <summary>
/// Base of the HTTP tests: a fresh emulator per test (so no test depends on another), a registered project key and a
/// signing client.
/// </summary>
public abstract class EmulatorTest
{
    internal const string ProjectId = "project/" + EmulatorFixture.ProjectId;

    private EmulatorFixture? _fixture;

    internal StarkBankEmulator Emulator { get; private set; } = null!;

    internal EmulatorClient Client { get; private set; } = null!;

    internal static PrivateKey ProjectKey => PrivateKey.FromPem(EmulatorFixture.Keys.PrivatePem);

    internal static string ProjectPublicPem => EmulatorFixture.Keys.PublicPem;

    /// <summary>Options for this test's emulator; override to change them.</summary>
    internal virtual EmulatorOptions CreateOptions() => new() { Seed = 42 };

    [SetUp]
    public async Task StartEmulator()
    {
        _fixture = await EmulatorFixture.StartAsync(CreateOptions());
        Emulator = _fixture.Emulator;
        Client = new EmulatorClient(Emulator.BaseUrl, ProjectId, ProjectKey);
    }

    [TearDown]
    public async Task StopEmulator()
    {
        Client?.Dispose();
        if (_fixture != null)
            await _fixture.DisposeAsync();
    }

    internal static JObject NewInvoice(long amount = 1000, params string[] tags) => new()
    {
        ["amount"] = amount,
        ["name"] = "Arya Stark",
        ["taxId"] = "012.345.678-90",
        ["tags"] = new JArray(tags.Cast<object>().ToArray()),
    };

    internal async Task<JObject> CreateInvoiceAsync(long amount = 1000, params string[] tags)
    {
        var response = await Client.PostAsync("/v2/invoice", new JObject { ["invoices"] = new JArray(NewInvoice(amount, tags)) });
        Assert.That((int)response.Status, Is.EqualTo(200), response.ToString());
        return (JObject)response.Body["invoices"]![0]!;
    }

    internal static JObject NewBoleto(long amount = 5000) => new()
    {
        ["amount"] = amount,
        ["name"] = "Iron Bank S.A.",
        ["taxId"] = "20.018.183/0001-80",
        ["streetLine1"] = "Av. Faria Lima, 1844",
        ["streetLine2"] = "CJ 13",
        ["district"] = "Itaim Bibi",
        ["city"] = "Sao Paulo",
        ["stateCode"] = "SP",
        ["zipCode"] = "01500-000",
    };

    internal async Task<JObject> CreateBoletoAsync(long amount = 5000)
    {
        var response = await Client.PostAsync("/v2/boleto", new JObject { ["boletos"] = new JArray(NewBoleto(amount)) });
        Assert.That((int)response.Status, Is.EqualTo(200), response.ToString());
        return (JObject)response.Body["boletos"]![0]!;
    }

    internal async Task<long> BalanceAsync()
    {
        var response = await Client.GetAsync("/v2/balance");
        Assert.That((int)response.Status, Is.EqualTo(200), response.ToString());
        return (long)response.Body["balances"]![0]!["amount"]!;
    }

    internal static void AssertOk(ApiResponse response) => Assert.That((int)response.Status, Is.EqualTo(200), response.ToString());
}
