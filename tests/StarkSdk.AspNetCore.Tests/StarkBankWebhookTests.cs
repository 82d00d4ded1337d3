using Microsoft.AspNetCore.Builder;
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StarkSdk.Bank;
using StarkSdk.Core;
using StarkSdk.Emulator;

namespace StarkSdk.AspNetCore.Tests;

/// <summary>
/// <c>MapStarkBankWebhook</c> against the emulator: it POSTs real signed events to the mapped endpoint on 127.0.0.1,
/// and the tests re-POST recorded deliveries (a redelivery) or tampered copies of them.
/// </summary>
public sealed class StarkBankWebhookTests
{
    private const string ProjectId = "5656565656565656";
    private StarkBankEmulator _emulator = null!;
    private StarkBankClient _client = null!;

    [SetUp]
    public async Task StartEmulator()
    {
        _emulator = await StarkBankEmulator.StartAsync(new EmulatorOptions());
        var keys = Key.Create();
        _emulator.RegisterPublicKey("project/" + ProjectId, keys.PublicPem);
        _client = new StarkBankClient(new StarkClientOptions { User = new Project(StarkEnvironment.Sandbox, ProjectId, keys.PrivatePem), BaseUrl = _emulator.BaseUri });
    }

    [TearDown]
    public async Task StopEmulator() => await _emulator.DisposeAsync();

    private async Task<Invoice> PayAnInvoiceAsync(string url)
    {
        await _client.Webhooks.CreateAsync(new Webhook { Url = url, Subscriptions = new List<EventSubscription> { EventSubscription.Invoice } });
        var invoice = await _client.Invoices.CreateAsync(new Invoice { Amount = 31_415, Name = "Arya Stark", TaxId = "012.345.678-90" });
        await _emulator.PayInvoiceAsync(invoice.Id);
        return invoice;
    }

    [Test]
    public async Task Typed_handlers_get_each_event_once_even_when_it_is_delivered_twice()
    {
        var calls = new ConcurrentDictionary<string, int>();
        var types = new ConcurrentQueue<InvoiceLogType>();
        await using var app = await LoopbackApp.StartAsync(a => a.MapStarkBankWebhook("/stark/events", _client)
            .On<InvoiceEvent>((e, ct) =>
            {
                calls.AddOrUpdate(e.Id!, 1, (_, n) => n + 1);
                types.Enqueue(e.Log!.Type!.Value);
                return Task.CompletedTask;
            })
            .On<TransferEvent>((e, ct) => Assert.Fail("not a transfer")));

        await PayAnInvoiceAsync(app.Url + "/stark/events");
        var deliveries = _emulator.WebhookDeliveries;
        foreach (var delivery in deliveries)
        {
            var (status, _) = await app.PostAsync("/stark/events", delivery.Body, delivery.Signature);
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), "a redelivery of a handled event is acknowledged");
        }

        Assert.Multiple(() =>
        {
            Assert.That(deliveries, Has.Count.EqualTo(3));
            Assert.That(deliveries.Select(d => d.StatusCode), Has.All.EqualTo(200));
            Assert.That(calls.Keys, Is.EquivalentTo(deliveries.Select(d => d.EventId)));
            Assert.That(calls.Values, Has.All.EqualTo(1), "one call per event id");
            Assert.That(types, Is.EqualTo(new[] { InvoiceLogType.Created, InvoiceLogType.Paid, InvoiceLogType.Credited }));
        });
    }

    [Test]
    public async Task A_tampered_body_is_answered_400_without_calling_the_handler_and_logged_without_the_body()
    {
        var called = 0;
        await using var app = await LoopbackApp.StartAsync(a => a.MapStarkBankWebhook("/stark/events", _client).On<InvoiceEvent>((e, ct) => Interlocked.Increment(ref called)));
        var collect = await LoopbackApp.StartAsync(a => a.MapPost("/sink", () => Microsoft.AspNetCore.Http.Results.Ok()));
        await using (collect)
        {
            await PayAnInvoiceAsync(collect.Url + "/sink");
        }

        var delivery = _emulator.WebhookDeliveries.First();
        var tampered = delivery.Body.Replace("\"amount\":31415", "\"amount\":3141500", StringComparison.Ordinal);
        Assert.That(tampered, Is.Not.EqualTo(delivery.Body));

        var (status, _) = await app.PostAsync("/stark/events", tampered, delivery.Signature);
        var (unsigned, _) = await app.PostAsync("/stark/events", delivery.Body, null);
        var (garbage, _) = await app.PostAsync("/stark/events", delivery.Body, "not a signature");

        var warnings = app.Logs.Entries.Where(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning).Select(e => e.Message).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(new[] { status, unsigned, garbage }, Has.All.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(called, Is.Zero);
            Assert.That(warnings, Has.Count.EqualTo(3));
            Assert.That(warnings[0], Does.Contain("does not match"));
            Assert.That(warnings[1], Does.Contain("missing"));
            Assert.That(warnings, Has.None.Contain("Arya Stark").And.None.Contain("3141500"), "the body is never logged");
        });
    }

    [Test]
    public async Task A_handler_that_throws_gets_500_so_Stark_redelivers_and_the_redelivery_is_handled()
    {
        var failing = true;
        var handled = new ConcurrentQueue<string>();
        await using var app = await LoopbackApp.StartAsync(a => a.MapStarkBankWebhook("/stark/events", _client).On<InvoiceEvent>((e, ct) =>
        {
            if (failing)
            {
                throw new InvalidOperationException("database down");
            }

            handled.Enqueue(e.Id);
        }));

        await PayAnInvoiceAsync(app.Url + "/stark/events");
        var deliveries = _emulator.WebhookDeliveries;
        Assert.That(deliveries.Select(d => d.StatusCode), Has.All.EqualTo(500));
        Assert.That(app.Logs.Entries.Where(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error).Select(e => e.Message), Has.Some.Contain("threw; answered 500"));

        failing = false;
        var (status, _) = await app.PostAsync("/stark/events", deliveries[0].Body, deliveries[0].Signature);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(handled, Is.EqualTo(new[] { deliveries[0].EventId }), "the failed claim was released");
    }

    [Test]
    public async Task DI_handlers_and_the_fallback_run_for_their_events_and_the_metrics_count_them()
    {
        var measurements = new ConcurrentQueue<(string Name, double Value)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == StarkCallbackTelemetry.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, _, _) => measurements.Enqueue((i.Name, v)));
        listener.SetMeasurementEventCallback<double>((i, v, _, _) => measurements.Enqueue((i.Name, v)));
        listener.Start();
        var activities = new ConcurrentQueue<System.Diagnostics.Activity>();
        using var activityListener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == StarkCallbackTelemetry.ActivitySourceName,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllData,
            ActivityStopped = activities.Enqueue,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(activityListener);

        var other = new ConcurrentQueue<Event>();
        await using var app = await LoopbackApp.StartAsync(
            a => a.MapStarkBankWebhook("/stark/events").OnOther((e, ct) =>
            {
                other.Enqueue(e);
                return Task.CompletedTask;
            }),
            services =>
            {
                services.AddSingleton(_client);
                services.AddSingleton<InvoiceRecorder>();
                services.AddStarkEventHandler<InvoiceEvent, RecordingInvoiceHandler>();
            });

        await PayAnInvoiceAsync(app.Url + "/stark/events");
        await _client.Webhooks.CreateAsync(new Webhook { Url = app.Url + "/stark/events", Subscriptions = new List<EventSubscription> { EventSubscription.Boleto } });
        await _client.Boletos.CreateAsync(new Boleto { Amount = 1_000, Name = "Jon Snow", TaxId = "20.018.183/0001-80", StreetLine1 = "Av. Paulista, 200", StreetLine2 = "10", District = "Bela Vista", City = "Sao Paulo", StateCode = "SP", ZipCode = "01310-000" });
        var recorder = app.Services.GetRequiredService<InvoiceRecorder>();
        var deliveries = _emulator.WebhookDeliveries;
        var counts = measurements.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.Count());

        Assert.Multiple(() =>
        {
            Assert.That(deliveries.Select(d => d.StatusCode), Has.All.EqualTo(200));
            Assert.That(recorder.Ids, Has.Count.EqualTo(3), "the DI handler got the invoice events");
            Assert.That(other, Is.Not.Empty.And.All.InstanceOf<BoletoEvent>(), "the fallback got what no handler took");
            Assert.That(counts.GetValueOrDefault("stark.callback.received"), Is.EqualTo(deliveries.Count));
            Assert.That(counts.GetValueOrDefault("stark.callback.verified"), Is.EqualTo(deliveries.Count));
            Assert.That(counts.GetValueOrDefault("stark.callback.handler.duration"), Is.EqualTo(deliveries.Count));
            Assert.That(counts.ContainsKey("stark.callback.rejected"), Is.False);
            var ours = activities.Where(a => (string?)a.GetTagItem("stark.api") == "StarkBank").ToList();
            Assert.That(ours.Select(a => (string?)a.GetTagItem("stark.event.id")), Is.EquivalentTo(deliveries.Select(d => d.EventId)), "one activity per delivery");
            Assert.That(ours.Select(a => a.OperationName), Has.All.EqualTo("Stark webhook StarkBank"));
        });
    }

    internal sealed class InvoiceRecorder
    {
        public ConcurrentQueue<string> Ids { get; } = new();
    }

    internal sealed class RecordingInvoiceHandler(InvoiceRecorder recorder) : IStarkEventHandler<InvoiceEvent>
    {
        public Task HandleAsync(InvoiceEvent starkEvent, CancellationToken cancellationToken)
        {
            recorder.Ids.Enqueue(starkEvent.Log.Invoice.Id);
            return Task.CompletedTask;
        }
    }
}
