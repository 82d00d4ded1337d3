using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using StarkSdk.Core;
using StarkSdk.TestKit;

namespace StarkSdk.Emulator.Tests;

/// <summary>The SDK runtime (StarkSdk.Core's pipeline, signer and webhook verifier) works against the emulator as against the API.</summary>
public sealed class StarkCoreInteropTests : EmulatorTest
{
    private StarkPipeline CreatePipeline() => StarkPipeline.Create(
        new ApiDescriptor("StarkSdk.Bank", new Uri("https://sandbox.api.starkbank.com"), new Uri("https://api.starkbank.com"), "0.0.0-test"),
        new StarkClientOptions
        {
            User = new Project(StarkEnvironment.Sandbox, ProjectId.Substring("project/".Length), ProjectKey),
            BaseUrl = new Uri(Emulator.BaseUrl),
        });

    [Test]
    public async Task Requests_signed_by_the_runtime_are_accepted_and_input_errors_are_typed()
    {
        var raw = new RawRequests(CreatePipeline());

        var created = await raw.PostAsync("invoice", new JObject { ["invoices"] = new JArray(NewInvoice(1234, "SDK")) });
        var page = await raw.GetAsync("invoice", new Dictionary<string, object?> { ["limit"] = 1, ["tags"] = new[] { "sdk" }, ["after"] = DateTime.UtcNow.Date.AddDays(-1) });
        var error = Assert.ThrowsAsync<InputErrors>(() => raw.PostAsync("invoice", new JObject { ["invoices"] = new JArray(new JObject { ["amount"] = "x" }) }));

        Assert.That(created.StatusCode, Is.EqualTo(200));
        Assert.That((long)page.Json!["invoices"]![0]!["amount"]!, Is.EqualTo(1234));
        Assert.That(error!.Errors.Select(e => e.Code), Is.EquivalentTo(new[] { "invalidAmount", "invalidName", "invalidTaxId" }));
    }

    [Test]
    public async Task Webhook_signatures_verify_with_the_runtime_verifier()
    {
        await using var listener = await WebhookReceiver.StartAsync();
        AssertOk(await Client.PostAsync("/v2/webhook", new JObject { ["url"] = listener.Url, ["subscriptions"] = new JArray("invoice") }));
        await CreateInvoiceAsync();
        var (body, signature) = listener.Received.Single();
        var verifier = new SignatureVerifier(CreatePipeline());

        await verifier.VerifyAsync(body, signature!);
        Assert.ThrowsAsync<InvalidSignatureError>(() => verifier.VerifyAsync(body.Replace("created", "paid"), signature!));
    }
}
