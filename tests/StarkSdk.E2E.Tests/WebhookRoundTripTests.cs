using System.Collections.Concurrent;

namespace StarkSdk.E2E.Tests;

/// <summary>
/// The webhook round trip: the emulator POSTs a signed event to a receiver on 127.0.0.1, the receiver verifies and parses
/// it with <c>client.Events.ParseAsync</c> (fetching the API's public key through the SDK) and gets the typed log; a
/// tampered copy, a signature of other content and a signature by another key are all rejected.
/// </summary>
[TestFixture(Target.Emulator)]
[TestFixture(Target.PrismProxy)]
public sealed class WebhookRoundTripTests(Target target) : E2ETest(target)
{
    private WebhookReceiver _receiver = null!;
    private StarkBankClient _receiverClient = null!;
    private readonly ConcurrentQueue<Event> _parsed = new();
    private readonly ConcurrentQueue<Exception> _rejected = new();

    [SetUp]
    public async Task StartReceiver()
    {
        _receiverClient = NewClient();
        _receiver = await WebhookReceiver.StartAsync();
        _receiver.OnReceive = async (body, signature) =>
        {
            try
            {
                _parsed.Enqueue(await _receiverClient.Events.ParseAsync(body, signature ?? ""));
                _receiver.StatusToAnswer = 200;
            }
            catch (InvalidSignatureError e)
            {
                _rejected.Enqueue(e);
                _receiver.StatusToAnswer = 400;
            }
        };
    }

    [TearDown]
    public async Task StopReceiver() => await _receiver.DisposeAsync();

    [Test]
    [Covers("createWebhook", "createInvoices", "queryPublicKeys")]
    public async Task A_paid_invoice_reaches_the_receiver_as_verified_typed_events()
    {
        await Client.Webhooks.CreateAsync(new Webhook { Url = _receiver.Url, Subscriptions = new List<EventSubscription> { EventSubscription.Invoice } });
        var invoice = await Client.Invoices.CreateAsync(Samples.Invoice(31_415));
        await Emulator.PayInvoiceAsync(invoice.Id);

        var events = _parsed.ToList();

        Assert.Multiple(() =>
        {
            Assert.That(_rejected, Is.Empty);
            Assert.That(events, Has.All.InstanceOf<InvoiceEvent>());
            var logs = events.Cast<InvoiceEvent>().Select(e => e.Log).ToList();
            Assert.That(logs.Select(l => l.Type), Is.EqualTo(new[] { InvoiceLogType.Created, InvoiceLogType.Paid, InvoiceLogType.Credited }));
            Assert.That(logs.Select(l => l.Invoice.Id).Distinct(), Is.EqualTo(new[] { invoice.Id }));
            Assert.That(logs[1].Invoice.Status, Is.EqualTo(InvoiceStatus.Paid));
            Assert.That(logs[1].Invoice.Amount, Is.EqualTo(31_415));
            Assert.That(events.Select(e => e.Subscription), Has.All.EqualTo(EventSubscription.Invoice));
            Assert.That(events.Select(e => e.WorkspaceId), Has.All.EqualTo(Emulator.WorkspaceId));
            Assert.That(Emulator.WebhookDeliveries.Select(d => d.StatusCode), Has.All.EqualTo(200), "the receiver accepted every delivery");
        });
    }

    [Test]
    [Covers("createWebhook", "createBoletos", "queryPublicKeys")]
    public async Task Tampered_or_foreign_signatures_are_rejected()
    {
        await Client.Webhooks.CreateAsync(new Webhook { Url = _receiver.Url, Subscriptions = new List<EventSubscription> { EventSubscription.Boleto } });
        await Client.Boletos.CreateAsync(Samples.Boleto(1_000));
        await Client.Boletos.CreateAsync(Samples.Boleto(2_000));
        var deliveries = _receiver.Received.ToList();
        var (body, signature) = deliveries[0];
        var otherSignature = deliveries[1].Signature!;
        var tampered = body.Replace("\"amount\":1000", "\"amount\":1000000", StringComparison.Ordinal);
        var ourOwnSignature = PrivateKey.FromPem(Keys.PrivatePem).Sign(body);

        var genuine = await _receiverClient.Events.ParseAsync(body, signature!);

        Assert.Multiple(() =>
        {
            Assert.That(tampered, Is.Not.EqualTo(body), "the copy was changed");
            Assert.That(((BoletoEvent)genuine).Log.Boleto.Amount, Is.EqualTo(1_000));
            Assert.ThrowsAsync<InvalidSignatureError>(() => _receiverClient.Events.ParseAsync(tampered, signature!), "tampered body");
            Assert.ThrowsAsync<InvalidSignatureError>(() => _receiverClient.Events.ParseAsync(body, otherSignature), "another event's signature");
            Assert.ThrowsAsync<InvalidSignatureError>(() => _receiverClient.Events.ParseAsync(body, ourOwnSignature), "signed by another key");
            Assert.ThrowsAsync<InvalidSignatureError>(() => _receiverClient.Events.ParseAsync(body, ""), "no signature");
            Assert.ThrowsAsync<InvalidSignatureError>(() => _receiverClient.Events.ParseAsync(body, "bm90IGEgc2lnbmF0dXJl"), "not a signature");
            Assert.That(_rejected, Is.Empty, "the deliveries themselves verified");
        });
    }
}
