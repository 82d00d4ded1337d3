using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using StarkSdk.Core;
using StarkSdk.TestKit;

namespace StarkSdk.Emulator.Tests;

/// <summary>Events and their signed delivery to webhook URLs.</summary>
public sealed class WebhookTests : EmulatorTest
{
    private WebhookReceiver _listener = null!;

    [SetUp]
    public async Task StartListener() => _listener = await WebhookReceiver.StartAsync();

    [TearDown]
    public async Task StopListener() => await _listener.DisposeAsync();

    private async Task SubscribeAsync(params string[] subscriptions)
    {
        var response = await Client.PostAsync("/v2/webhook", new JObject { ["url"] = _listener.Url, ["subscriptions"] = new JArray(subscriptions.Cast<object>().ToArray()) });
        AssertOk(response);
    }

    [Test]
    public async Task A_paid_invoice_is_delivered_as_signed_events_before_the_call_returns()
    {
        await SubscribeAsync("invoice", "deposit");
        var invoice = await CreateInvoiceAsync(5000);
        await Emulator.PayInvoiceAsync((string)invoice["id"]!);

        var received = _listener.Received.ToList();
        var events = received.Select(r => (JObject)Json.Object(r.Body)["event"]!).ToList();
        Assert.That(events.Select(e => (string)e["subscription"]! + ":" + (string)e["log"]!["type"]!),
            Is.EqualTo(new[] { "invoice:created", "invoice:paid", "deposit:created", "invoice:credited" }));
        Assert.That((string?)events[1]["log"]!["invoice"]!["status"], Is.EqualTo("paid"));
        Assert.That(events.All(e => (string?)e["workspaceId"] == Emulator.WorkspaceId));
        Assert.That(events.All(e => e["isDelivered"] == null), "the posted event has no isDelivered");

        var keys = await Client.GetAsync("/v2/public-key");
        var publicKey = EcdsaPublicKey.FromPem((string)keys.Body["publicKeys"]![0]!["content"]!);
        foreach (var (body, signature) in received)
            Assert.That(publicKey.Verify(body, signature), Is.True, "Digital-Signature verifies with /v2/public-key");
        Assert.That(publicKey.Verify(received[0].Body + " ", received[0].Signature), Is.False);
    }

    [Test]
    public async Task Delivered_events_are_listed_as_delivered_and_can_be_fetched_patched_and_deleted()
    {
        await SubscribeAsync("invoice");
        await CreateInvoiceAsync();

        var listed = await Client.GetAsync("/v2/event?isDelivered=true");
        var evt = listed.Body["events"]![0]!;
        var id = (string)evt["id"]!;
        var patched = await Client.PatchAsync($"/v2/event/{id}", new JObject { ["isDelivered"] = false });
        var undelivered = await Client.GetAsync("/v2/event?isDelivered=false");
        var deleted = await Client.DeleteAsync($"/v2/event/{id}");
        var gone = await Client.GetAsync($"/v2/event/{id}");

        Assert.That(listed.Body["events"]!.Count(), Is.EqualTo(1));
        Assert.That((string?)evt["log"]!["type"], Is.EqualTo("created"));
        Assert.That((bool)patched.Body["event"]!["isDelivered"]!, Is.False);
        Assert.That(undelivered.Body["events"]!.Select(e => (string)e["id"]!), Is.EqualTo(new[] { id }));
        AssertOk(deleted);
        Assert.That(gone.ErrorCodes, Is.EqualTo(new[] { "invalidEventId" }));
    }

    [Test]
    public async Task Events_exist_without_webhooks_and_only_subscribed_ones_are_posted()
    {
        await SubscribeAsync("boleto");
        await CreateInvoiceAsync();

        var events = await Client.GetAsync("/v2/event");

        Assert.That(events.Body["events"]!.Select(e => (string)e["subscription"]!), Is.EqualTo(new[] { "invoice" }));
        Assert.That((bool)events.Body["events"]![0]!["isDelivered"]!, Is.False);
        Assert.That(_listener.Received, Is.Empty);
    }

    [Test]
    public async Task A_failed_delivery_is_recorded_as_an_event_attempt()
    {
        _listener.StatusToAnswer = 500;
        await SubscribeAsync("invoice");
        await CreateInvoiceAsync();

        var attempts = await Client.GetAsync("/v2/event/attempt");
        var attempt = attempts.Body["attempts"]![0]!;
        var byId = await Client.GetAsync($"/v2/event/attempt/{attempt["id"]}");
        var events = await Client.GetAsync("/v2/event");

        Assert.That((string?)attempt["code"], Is.EqualTo("invalidHttpStatus"));
        Assert.That((string?)attempt["eventId"], Is.EqualTo((string?)events.Body["events"]![0]!["id"]));
        Assert.That((string?)byId.Body["attempt"]!["id"], Is.EqualTo((string?)attempt["id"]));
        Assert.That((bool)events.Body["events"]![0]!["isDelivered"]!, Is.False);
        Assert.That(Emulator.WebhookDeliveries.Single().StatusCode, Is.EqualTo(500));
    }

    [Test]
    public async Task A_receiver_may_call_the_emulator_back_while_it_handles_a_delivery()
    {
        await SubscribeAsync("invoice");
        using var receiverClient = new EmulatorClient(Emulator.BaseUrl, ProjectId, ProjectKey);
        var callbacks = new System.Collections.Concurrent.ConcurrentBag<int>();
        _listener.OnReceive = async (_, _) =>
        {
            callbacks.Add((int)(await receiverClient.GetAsync("/v2/public-key")).Status);
            callbacks.Add((int)(await receiverClient.PostAsync("/v2/boleto", new JObject { ["boletos"] = new JArray(NewBoleto()) })).Status);
        };

        var creation = CreateInvoiceAsync();
        var finished = await Task.WhenAny(creation, Task.Delay(System.TimeSpan.FromSeconds(30)));

        Assert.That(finished, Is.SameAs(creation), "no deadlock between a delivery and the receiver's calls");
        Assert.That(callbacks, Is.EquivalentTo(new[] { 200, 200 }));
        Assert.That(Emulator.All("boleto"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_non_loopback_webhook_url_is_not_called()
    {
        var response = await Client.PostAsync("/v2/webhook", new JObject { ["url"] = "https://winterfell.westeros.gov/events", ["subscriptions"] = new JArray("invoice") });
        AssertOk(response);
        await CreateInvoiceAsync();

        var attempts = await Client.GetAsync("/v2/event/attempt");

        Assert.That(attempts.Body["attempts"]!.Select(a => (string)a["code"]!), Is.EqualTo(new[] { "forbiddenHost" }));
    }
}

public sealed class ManualWebhookTests : EmulatorTest
{
    internal override EmulatorOptions CreateOptions() => new() { WebhookDelivery = WebhookDeliveryMode.Manual };

    [Test]
    public async Task Manual_delivery_waits_for_a_flush()
    {
        await using var listener = await WebhookReceiver.StartAsync();
        AssertOk(await Client.PostAsync("/v2/webhook", new JObject { ["url"] = listener.Url, ["subscriptions"] = new JArray("boleto") }));
        await CreateBoletoAsync();
        Assert.That(listener.Received, Is.Empty);
        Assert.That(Emulator.PendingWebhooks, Is.EqualTo(1));

        var sent = await Emulator.FlushWebhooksAsync();

        Assert.That(sent, Is.EqualTo(1));
        Assert.That(listener.Received.Count, Is.EqualTo(1));
        Assert.That(Emulator.PendingWebhooks, Is.EqualTo(0));
    }
}
