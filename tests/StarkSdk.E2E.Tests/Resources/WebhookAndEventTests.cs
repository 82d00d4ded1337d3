namespace StarkSdk.E2E.Tests.Resources;

/// <summary>Webhook subscriptions, events (query, get, update, delete) and failed delivery attempts.</summary>
[TestFixture(Target.Emulator)]
[TestFixture(Target.PrismProxy)]
public sealed class WebhookAndEventTests(Target target) : E2ETest(target)
{
    [Test]
    [Covers("createWebhook", "queryWebhooks", "getWebhook", "deleteWebhook")]
    public async Task Creates_lists_gets_and_deletes_a_webhook()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var created = await Client.Webhooks.CreateAsync(new Webhook { Url = receiver.Url, Subscriptions = new List<EventSubscription> { EventSubscription.Invoice, EventSubscription.Boleto } });

        var listed = await Client.Webhooks.QueryAsync().ToListAsync();
        var fetched = await Client.Webhooks.GetAsync(created.Id);
        var deleted = await Client.Webhooks.DeleteAsync(created.Id);
        var afterDelete = await Client.Webhooks.QueryAsync().ToListAsync();
        await Client.Invoices.CreateAsync(Samples.Invoice());

        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(w => w.Id), Is.EqualTo(new[] { created.Id }));
            Assert.That(fetched.Url, Is.EqualTo(receiver.Url));
            Assert.That(fetched.Subscriptions, Is.EqualTo(new[] { EventSubscription.Invoice, EventSubscription.Boleto }));
            Assert.That(deleted.Id, Is.EqualTo(created.Id));
            Assert.That(afterDelete, Is.Empty);
            Assert.That(receiver.Received, Is.Empty, "a deleted webhook gets nothing");
        });
    }

    [Test]
    [Covers("queryEvents", "getEvent", "updateEvent", "deleteEvent")]
    public async Task Events_are_listed_fetched_marked_and_deleted()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await Client.Webhooks.CreateAsync(new Webhook { Url = receiver.Url, Subscriptions = new List<EventSubscription> { EventSubscription.Invoice } });
        var invoice = await Client.Invoices.CreateAsync(Samples.Invoice());

        var delivered = await Client.Events.QueryAsync(new EventQueryOptions { IsDelivered = true }).ToListAsync();
        var evt = await Client.Events.GetAsync(delivered.Single().Id);
        var marked = await Client.Events.UpdateAsync(evt.Id, new EventUpdate { IsDelivered = false });
        var undelivered = await Client.Events.QueryAsync(new EventQueryOptions { IsDelivered = false }).ToListAsync();
        var deleted = await Client.Events.DeleteAsync(evt.Id);
        var remaining = await Client.Events.QueryAsync().ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(evt, Is.InstanceOf<InvoiceEvent>());
            Assert.That(((InvoiceEvent)evt).Log.Invoice.Id, Is.EqualTo(invoice.Id));
            Assert.That(((InvoiceEvent)evt).Log.Type, Is.EqualTo(InvoiceLogType.Created));
            Assert.That(evt.IsDelivered, Is.True);
            Assert.That(marked.IsDelivered, Is.False);
            Assert.That(undelivered.Select(e => e.Id), Is.EqualTo(new[] { evt.Id }));
            Assert.That(deleted.Id, Is.EqualTo(evt.Id));
            Assert.That(remaining, Is.Empty);
            Assert.That(receiver.Received, Has.Count.EqualTo(1));
        });
    }

    [Test]
    [Covers("queryEventAttempts", "getEventAttempt")]
    public async Task A_failed_delivery_is_an_event_attempt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StatusToAnswer = 500;
        var webhook = await Client.Webhooks.CreateAsync(new Webhook { Url = receiver.Url, Subscriptions = new List<EventSubscription> { EventSubscription.Boleto } });
        await Client.Boletos.CreateAsync(Samples.Boleto());

        var attempts = await Client.Events.Attempts.QueryAsync(new EventAttemptQueryOptions { WebhookIds = new[] { webhook.Id } }).ToListAsync();
        var attempt = await Client.Events.Attempts.GetAsync(attempts.Single().Id);
        var events = await Client.Events.QueryAsync(new EventQueryOptions { IsDelivered = false }).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(attempt.Code, Is.EqualTo("invalidHttpStatus"));
            Assert.That(attempt.WebhookId, Is.EqualTo(webhook.Id));
            Assert.That(attempt.EventId, Is.EqualTo(events.Single().Id));
            Assert.That(receiver.Received, Has.Count.EqualTo(1));
        });
    }
}
