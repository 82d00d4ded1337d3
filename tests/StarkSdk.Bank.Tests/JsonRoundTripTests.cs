using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using StarkSdk.Core;

namespace StarkSdk.Bank.Tests;

/// <summary>The generated DTOs and string enums against JSON as the API writes it (and as a newer API might).</summary>
public class JsonRoundTripTests
{
    private const string InvoiceJson = """
        {
          "id": "5730174175805440",
          "amount": 400000,
          "nominalAmount": 400000,
          "fineAmount": 0,
          "interestAmount": 0,
          "discountAmount": 0,
          "name": "Iron Bank S.A.",
          "taxId": "20.018.183/0001-80",
          "due": "2023-06-25T19:59:26.249976+00:00",
          "expiration": 123456789,
          "fine": 2.5,
          "interest": 1.3,
          "discounts": [{ "percentage": 10, "due": "2023-06-20" }],
          "descriptions": [{ "key": "Product X", "value": "big" }],
          "tags": ["war supply", "invoice #1234"],
          "brcode": "00020101021226890014br.gov.bcb.pix",
          "link": "https://starkbank-sandbox.com/invoicelink/5730174175805440",
          "pdf": "https://sandbox.api.starkbank.com/v2/invoice/5730174175805440.pdf",
          "fee": 0,
          "status": "created",
          "transactionIds": [],
          "created": "2023-06-15T19:59:26.249976+00:00",
          "updated": "2023-06-15T19:59:26.249976+00:00",
          "someFieldFromANewerApi": { "nested": [1, 2, 3] }
        }
        """;

    [Test]
    public void AnInvoiceReadsWithLongAmountsDatesAndEnums()
    {
        var invoice = Read<Invoice>(InvoiceJson);
        Assert.That(invoice.Id, Is.EqualTo("5730174175805440"));
        Assert.That(invoice.Amount, Is.EqualTo(400000L));
        Assert.That(invoice.Fine, Is.EqualTo(2.5m));
        Assert.That(invoice.Status, Is.EqualTo(InvoiceStatus.Created));
        Assert.That(invoice.Status!.Value.IsKnown, Is.True);
        Assert.That(invoice.Due, Is.EqualTo(new DateTimeOffset(2023, 6, 25, 19, 59, 26, TimeSpan.Zero).AddTicks(2499760)));
        Assert.That(invoice.Created!.Value.Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(invoice.Discounts![0].Due, Is.EqualTo(new DateTimeOffset(2023, 6, 20, 0, 0, 0, TimeSpan.Zero)), "a date-only value of a date-or-date-time field");
        Assert.That(invoice.Tags, Is.EqualTo(new[] { "war supply", "invoice #1234" }));
        Assert.That(invoice.TransactionIds, Is.Empty);
    }

    [Test]
    public void UnknownFieldsAreToleratedAndWrittenBack()
    {
        var invoice = Read<Invoice>(InvoiceJson);
        Assert.That(invoice.AdditionalData!.Keys, Is.EquivalentTo(new[] { "someFieldFromANewerApi" }));

        var written = Parse(Write(invoice));
        Assert.That(JToken.DeepEquals(written["someFieldFromANewerApi"], JToken.Parse("""{ "nested": [1, 2, 3] }""")), Is.True);
        Assert.That((long)written["amount"]!, Is.EqualTo(400000L));
        Assert.That((string?)written["created"], Is.EqualTo("2023-06-15T19:59:26.249976+00:00"));
    }

    [Test]
    public void AnUnknownEnumValueRoundTrips()
    {
        var invoice = Read<Invoice>(InvoiceJson.Replace("\"status\": \"created\"", "\"status\": \"reversed-by-a-newer-api\""));
        Assert.That(invoice.Status!.Value.Value, Is.EqualTo("reversed-by-a-newer-api"));
        Assert.That(invoice.Status.Value.IsKnown, Is.False);
        Assert.That(invoice.Status, Is.EqualTo(new InvoiceStatus("reversed-by-a-newer-api")));
        Assert.That(invoice.Status == InvoiceStatus.Paid, Is.False);
        Assert.That((string?)Parse(Write(invoice))["status"], Is.EqualTo("reversed-by-a-newer-api"));
    }

    [Test]
    public void StringEnumsCompareConvertAndListTheirKnownValues()
    {
        InvoiceStatus paid = "paid";
        Assert.That(paid, Is.EqualTo(InvoiceStatus.Paid));
        Assert.That(paid == InvoiceStatus.Paid, Is.True);
        Assert.That(paid != InvoiceStatus.Created, Is.True);
        Assert.That((string)paid, Is.EqualTo("paid"));
        Assert.That(paid.ToString(), Is.EqualTo("paid"));
        Assert.That(paid.GetHashCode(), Is.EqualTo(InvoiceStatus.Paid.GetHashCode()));
        Assert.That(InvoiceStatus.KnownValues, Does.Contain(InvoiceStatus.Paid));
        Assert.That(default(InvoiceStatus).Value, Is.EqualTo(string.Empty));
        Assert.That(() => new InvoiceStatus(null!), Throws.ArgumentNullException);
        Assert.That(Write(new Dictionary<string, InvoiceStatus?> { ["a"] = InvoiceStatus.Paid, ["b"] = null }), Is.EqualTo("""{"a":"paid","b":null}"""));
        Assert.That(Read<InvoiceStatus?>("null"), Is.Null);
        Assert.That(Read<InvoiceStatus>("\"overdue\""), Is.EqualTo(InvoiceStatus.Overdue));
    }

    [Test]
    public void ANewInvoiceSendsOnlyWhatWasSetAndNoServerFields()
    {
        var invoice = new Invoice { Amount = 10_000, Name = "Arya Stark", TaxId = "012.345.678-90", Tags = new List<string> { "a" } };
        var written = Parse(Write(invoice));
        Assert.That(written.Properties().Select(p => p.Name), Is.EquivalentTo(new[] { "amount", "name", "taxId", "tags" }));
    }

    [Test]
    public void AnUpdateSendsOnlyTheFieldsGiven()
    {
        Assert.That(Write(new InvoiceUpdate { Amount = 5000 }), Is.EqualTo("""{"amount":5000}"""));
        Assert.That(Write(new InvoiceUpdate { Status = InvoiceStatus.Canceled }), Is.EqualTo("""{"status":"canceled"}"""));
    }

    [Test]
    public void DatesAreWrittenAsDatesAndReadBack()
    {
        var preview = new PaymentPreviewCreate { Id = "00020126580014br.gov.bcb.pix", Scheduled = new DateOnly(2023, 1, 29) };
        var json = Write(preview);
        Assert.That((string?)Parse(json)["scheduled"], Is.EqualTo("2023-01-29"));
        Assert.That(Read<PaymentPreviewCreate>(json).Scheduled, Is.EqualTo(new DateOnly(2023, 1, 29)));
    }

    [Test]
    public void AnEventOfAKnownSubscriptionCarriesItsTypedLog()
    {
        var json = $$"""
            {
              "id": "5718171281244160",
              "created": "2023-06-15T20:00:01.234567+00:00",
              "isDelivered": false,
              "subscription": "invoice",
              "workspaceId": "5078376503050240",
              "log": {
                "id": "6365510001430528",
                "created": "2023-06-15T19:59:27.000000+00:00",
                "type": "created",
                "errors": [],
                "invoice": {{InvoiceJson}}
              }
            }
            """;
        var @event = Read<Event>(json);
        Assert.That(@event, Is.InstanceOf<InvoiceEvent>());
        var invoiceEvent = (InvoiceEvent)@event;
        Assert.That(invoiceEvent.Subscription, Is.EqualTo(EventSubscription.Invoice));
        Assert.That(invoiceEvent.Log.Type, Is.EqualTo(InvoiceLogType.Created));
        Assert.That(invoiceEvent.Log.Invoice!.Amount, Is.EqualTo(400000L));
        Assert.That(invoiceEvent.Created, Is.EqualTo(new DateTimeOffset(2023, 6, 15, 20, 0, 1, TimeSpan.Zero).AddTicks(2345670)));

        var written = Parse(Write(@event));
        Assert.That((string?)written["subscription"], Is.EqualTo("invoice"));
        Assert.That((long)written["log"]!["invoice"]!["amount"]!, Is.EqualTo(400000L));
    }

    [Test]
    public void AnEventOfAnUnknownSubscriptionFallsBackToTheBaseTypeKeepingItsLog()
    {
        const string json = """
            { "id": "1", "created": "2023-06-15T20:00:01.000000+00:00", "subscription": "space-travel", "log": { "id": "2", "rocket": "Falcon" } }
            """;
        var @event = Read<Event>(json);
        Assert.That(@event.GetType(), Is.EqualTo(typeof(Event)));
        Assert.That(@event.Subscription!.Value.Value, Is.EqualTo("space-travel"));
        Assert.That((string?)@event.AdditionalData!["log"]["rocket"], Is.EqualTo("Falcon"));
        Assert.That((string?)Parse(Write(@event))["log"]!["rocket"], Is.EqualTo("Falcon"));
    }

    [Test]
    public void AListOfEventsMixesSubclasses()
    {
        const string json = """
            [
              { "id": "1", "created": "2023-06-15T20:00:01.000000+00:00", "subscription": "transfer", "log": { "id": "t", "type": "success", "errors": [] } },
              { "id": "2", "created": "2023-06-15T20:00:01.000000+00:00", "subscription": "boleto", "log": { "id": "b", "type": "paid", "errors": [] } },
              { "id": "3", "created": "2023-06-15T20:00:01.000000+00:00", "subscription": "something-new" }
            ]
            """;
        var events = Read<List<Event>>(json);
        Assert.That(events.Select(e => e.GetType()), Is.EqualTo(new[] { typeof(TransferEvent), typeof(BoletoEvent), typeof(Event) }));
        Assert.That(((TransferEvent)events[0]).Log.Type, Is.EqualTo(TransferLogType.Success));
    }

    [Test]
    public void NewUnionCasesSetTheirDiscriminator()
    {
        Assert.That(StarkBankModelFactory.InvoiceEvent().Subscription, Is.EqualTo(EventSubscription.Invoice));
        Assert.That(StarkBankModelFactory.PaymentRequestTransfer().Type, Is.EqualTo(PaymentRequestType.Transfer));
        Assert.That((string?)Parse(Write(StarkBankModelFactory.PaymentRequestTransfer(centerId: "1")))["type"], Is.EqualTo("transfer"));
    }

    /// <summary>Parses without turning date strings into DateTime, to see exactly what was written.</summary>
    private static JObject Parse(string json) =>
        JsonConvert.DeserializeObject<JObject>(json, new JsonSerializerSettings { DateParseHandling = DateParseHandling.None })!;

    private static T Read<T>(string json) => JsonConvert.DeserializeObject<T>(json, StarkJson.Settings)!;

    private static string Write(object? value) => JsonConvert.SerializeObject(value, StarkJson.Settings);
}
