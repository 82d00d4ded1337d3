using Newtonsoft.Json.Linq;
using StarkSdk.Emulator;

namespace StarkSdk.E2E.Tests;

/// <summary>
/// The contract check with Stoplight Prism (<c>--errors</c>). The resource tests already run every operation through
/// <c>prism proxy</c> in front of the emulator (<see cref="Target.PrismProxy"/>), which validates our real requests and
/// the emulator's real responses. Here: every operation once more against <c>prism mock</c> (its requests validated,
/// the mock's example answers read by the SDK), and negative controls proving that both modes do reject what breaks
/// the spec, so a green run cannot come from a check that checks nothing.
/// </summary>
public sealed class PrismContractTests
{
    private static IEnumerable<string> Operations() => OpenApiOperations.StarkBank.RouteIds;

    [TestCaseSource(nameof(Operations))]
    public async Task Every_operation_passes_prism_mock(string operationId)
    {
        Assert.That(OperationCatalog.Calls.TryGetValue(operationId, out var call), Is.True, $"OperationCatalog has no call for {operationId}");
        var prism = await PrismServers.MockAsync();
        var recorder = new CallRecorder();
        var (client, http) = Sdk.Create(prism.Url, E2ETest.User, recorder, o => o.Retry.MaxRetries = 0);
        using (http)
        {
            try
            {
                await call!(client);
            }
            catch (StarkException e)
            {
                Assert.Fail($"{operationId} failed against prism mock: {e.Message}{Environment.NewLine}{e.RawBody}{Environment.NewLine}{prism.Output}");
            }
        }

        var calls = recorder.Calls;
        Assert.Multiple(() =>
        {
            Assert.That(calls.Select(c => c.OperationId), Is.EqualTo(new[] { operationId }), recorder.Describe());
            Assert.That(calls.Single().Succeeded, Is.True, recorder.Describe());
            Assert.That(calls.Single().Violations, Is.Null, "Prism reported violations");
        });
    }

    [Test]
    public async Task Binary_downloads_accept_their_content_type()
    {
        var prism = await PrismServers.MockAsync();
        var (client, http) = Sdk.Create(prism.Url, E2ETest.User, new CallRecorder(), o => o.Retry.MaxRetries = 0);
        using var _ = http;

        var pdf = await client.Invoices.GetPdfAsync("5656565656565656");

        Assert.That(pdf, Is.Not.Empty);
    }

    [Test]
    public async Task Prism_mock_rejects_a_request_that_breaks_the_spec()
    {
        var prism = await PrismServers.MockAsync();
        var recorder = new CallRecorder();
        var (client, http) = Sdk.Create(prism.Url, E2ETest.User, recorder, o => o.Retry.MaxRetries = 0);
        using var _ = http;

        // With --errors, an invalid request gets the spec's own 400 answer (its example) and an sl-violations header.
        var error = Assert.ThrowsAsync<InputErrors>(() => client.Request.PostAsync("invoice", new JObject { ["invoices"] = new JArray(new JObject { ["amount"] = "a lot" }) }))!;

        Assert.That(error.StatusCode, Is.EqualTo(400));
        Assert.That(recorder.Calls.Single().Violations, Does.Contain("amount"));
    }

    [Test]
    public async Task Prism_proxy_rejects_a_request_that_breaks_the_spec_before_it_reaches_the_emulator()
    {
        await using var emulator = await StartEmulatorAsync();
        var (prism, relay) = await PrismServers.ProxyAsync();
        relay.Rule = null;
        relay.Upstream = emulator.BaseUri;
        var before = relay.Received.Count;
        var (client, http) = Sdk.Create(prism.Url, E2ETest.User, new CallRecorder());
        using var _ = http;

        var error = Assert.ThrowsAsync<UnknownError>(() => client.Request.PostAsync("invoice", new JObject { ["invoices"] = new JArray(new JObject { ["amount"] = "a lot", ["name"] = "Arya Stark", ["taxId"] = Samples.CpfTaxId }) }))!;

        Assert.That(error.StatusCode, Is.EqualTo(422));
        Assert.That(error.RawBody, Does.Contain("amount"));
        Assert.That(relay.Received.Count, Is.EqualTo(before), "nothing was forwarded");
    }

    [Test]
    public async Task Prism_proxy_rejects_a_response_that_breaks_the_spec()
    {
        await using var emulator = await StartEmulatorAsync();
        var (prism, relay) = await PrismServers.ProxyAsync();
        relay.Upstream = emulator.BaseUri;
        relay.Rule = async (request, forward) =>
        {
            var answer = await forward();
            if (request.Method == "GET")
                answer.Text = answer.Text.Replace("\"amount\":1234", "\"amount\":\"1234\"", StringComparison.Ordinal);
            return answer;
        };
        var recorder = new CallRecorder();
        var (client, http) = Sdk.Create(prism.Url, E2ETest.User, recorder, o => o.Retry.MaxRetries = 0);
        using var _ = http;
        try
        {
            var invoice = await client.Invoices.CreateAsync(Samples.Invoice(1_234));

            var error = Assert.ThrowsAsync<InternalServerError>(() => client.Invoices.GetAsync(invoice.Id))!;

            Assert.That(error.RawBody, Does.Contain("VIOLATIONS").Or.Contain("violation").IgnoreCase);
            Assert.That(error.RawBody, Does.Contain("amount"));
        }
        finally
        {
            relay.Rule = null;
        }
    }

    private static async Task<StarkBankEmulator> StartEmulatorAsync()
    {
        var emulator = await StarkBankEmulator.StartAsync(new EmulatorOptions { Seed = 11 });
        emulator.RegisterPublicKey("project/" + E2ETest.ProjectId, E2ETest.Keys.PublicPem);
        return emulator;
    }
}
