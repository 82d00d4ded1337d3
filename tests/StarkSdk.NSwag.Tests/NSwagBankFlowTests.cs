using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using StarkSdk.Core;
using StarkSdk.Emulator;
using StarkSdk.TestKit;
using Bank = StarkSdk.NSwag.Generated.Bank;

namespace StarkSdk.NSwag.Tests;

/// <summary>
/// The client NSwag generated from openapi/starkbank.yaml, sending through StarkSdk.Core's public
/// <see cref="SigningHandler"/>, against a fresh in-process emulator per test that accepts only signed requests.
/// </summary>
public sealed class NSwagBankFlowTests
{
    private EmulatorFixture _fixture = null!;
    private StarkBankEmulator _emulator = null!;
    private HttpClient _http = null!;
    private Bank.Client _client = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _fixture = await EmulatorFixture.StartAsync();
        _emulator = _fixture.Emulator;
        _http = new HttpClient(new SigningHandler(EmulatorFixture.User) { InnerHandler = new HttpClientHandler() });
        _client = new Bank.Client(_http) { BaseUrl = _emulator.BaseUrl };
    }

    [TearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _fixture.DisposeAsync();
    }

    [Test]
    public async Task Creates_gets_and_pages_invoices_with_the_cursor()
    {
        var created = await _client.CreateInvoicesAsync(null, new() { Invoices = Enumerable.Range(1, 5).Select(i => Invoice(i * 1_000)).ToList() }, CancellationToken.None);
        var one = await _client.GetInvoiceAsync(null, created.Invoices.First().Id, null, CancellationToken.None);

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await _client.QueryInvoicesAsync(null, null, null, cursor, null, null, 2, null, null, null, CancellationToken.None);
            seen.AddRange(page.Invoices.Select(i => i.Id));
            cursor = page.Cursor;
            pages++;
        }
        while (cursor != null && pages < 10);

        Assert.Multiple(() =>
        {
            Assert.That(created.Invoices.Select(i => i.Amount), Is.EqualTo(new[] { 1_000L, 2_000L, 3_000L, 4_000L, 5_000L }));
            Assert.That(one.Invoice.Id, Is.EqualTo(created.Invoices.First().Id));
            Assert.That(one.Invoice.Amount, Is.EqualTo(1_000));
            Assert.That(one.Invoice.Status, Is.EqualTo(Bank.InvoiceStatus.Created));
            Assert.That(pages, Is.EqualTo(3), "5 invoices in pages of 2, the last one without a cursor");
            Assert.That(seen, Is.EquivalentTo(created.Invoices.Select(i => i.Id)));
        });
    }

    [Test]
    public async Task Downloads_an_invoice_pdf()
    {
        var created = await _client.CreateInvoicesAsync(null, new() { Invoices = new List<Bank.Invoice> { Invoice(12_345) } }, CancellationToken.None);

        using var pdf = await _client.GetInvoicePdfAsync(null, created.Invoices.Single().Id, CancellationToken.None);
        using var bytes = new MemoryStream();
        await pdf.Stream.CopyToAsync(bytes);

        Assert.That(pdf.StatusCode, Is.EqualTo(200));
        Assert.That(System.Text.Encoding.ASCII.GetString(bytes.ToArray(), 0, 5), Is.EqualTo("%PDF-"));
    }

    [Test]
    public void An_unsigned_request_is_refused_so_the_handler_is_what_authenticates()
    {
        using var unsigned = new HttpClient();
        var client = new Bank.Client(unsigned) { BaseUrl = _emulator.BaseUrl };

        var error = Assert.CatchAsync<Bank.ApiException>(() => client.QueryInvoicesAsync(null, null, null, null, null, null, 1, null, null, null, CancellationToken.None));

        Assert.That(error!.StatusCode, Is.EqualTo(400), "Stark answers an unsigned request 400 with an error list");
        Assert.That(error, Is.InstanceOf<Bank.ApiException<Bank.ErrorEnvelope>>(), "the 400 body parses as the spec's error envelope");
        Assert.That(((Bank.ApiException<Bank.ErrorEnvelope>)error).Result.Errors.Select(e => e.Code), Does.Contain("invalidAccessId"));
    }

    [Test]
    public async Task A_webhook_body_verifies_with_the_public_key_and_parses_into_the_generated_models()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await _client.CreateWebhookAsync(null, new Bank.Webhook { Url = new Uri(receiver.Url), Subscriptions = new List<Bank.EventSubscription> { Bank.EventSubscription.Invoice } }, CancellationToken.None);
        var created = await _client.CreateInvoicesAsync(null, new() { Invoices = new List<Bank.Invoice> { Invoice(31_415) } }, CancellationToken.None);
        await _emulator.PayInvoiceAsync(created.Invoices.Single().Id);
        await _emulator.FlushWebhooksAsync();
        Assert.That(receiver.Received, Is.Not.Empty, "the emulator delivered the invoice's events to the receiver");
        var delivery = receiver.Received.First();

        var keys = await _client.QueryPublicKeysAsync(null, 1, null, CancellationToken.None);
        SignatureVerifier.Verify(delivery.Body, delivery.Signature, EcdsaPublicKey.FromPem(keys.PublicKeys.Single().Content));
        var envelope = Newtonsoft.Json.JsonConvert.DeserializeObject<Bank.EventEnvelope>(delivery.Body)!;
        // NSwag reads a discriminated union (anyOf + discriminator) as a base class its cases do not derive from, so
        // the event is parsed as the case its `subscription` names (openapi/README.md, "Using the spec with another generator").
        var subscription = (string)JObject.Parse(delivery.Body)["event"]!["subscription"]!;
        var invoiceEvent = JObject.Parse(delivery.Body)["event"]!.ToObject<Bank.InvoiceEvent>()!;

        Assert.Multiple(() =>
        {
            Assert.That(envelope, Is.Not.Null);
            Assert.That(subscription, Is.EqualTo("invoice"));
            Assert.That(invoiceEvent.Log.Invoice.Id, Is.EqualTo(created.Invoices.Single().Id));
            Assert.That(invoiceEvent.Log.Invoice.Amount, Is.EqualTo(31_415));
            Assert.That(invoiceEvent.WorkspaceId, Is.EqualTo(_emulator.WorkspaceId));
            Assert.Throws<InvalidSignatureError>(() => SignatureVerifier.Verify(delivery.Body.Replace("31415", "99999", StringComparison.Ordinal), delivery.Signature, EcdsaPublicKey.FromPem(keys.PublicKeys.Single().Content)));
        });
    }

    private static Bank.Invoice Invoice(long amount) => new()
    {
        Amount = amount,
        Name = "Arya Stark",
        TaxId = "012.345.678-90",
        Due = "2030-05-12T00:00:00+00:00",  // anyOf [date, date-time]: NSwag maps it to string
        Expiration = 5_097_600,
        Fine = 2.5,
        Interest = 1.3,
        Tags = new List<string> { "nswag" },
        Descriptions = new List<Bank.InvoiceDescription> { new() { Key = "Product", Value = "Needle" } },
    };
}
