using System;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using StarkSdk.Core;

namespace StarkSdk.Bank.Tests;

/// <summary>The generated model factory, <c>ToString()</c>, and the single-item create's empty answer.</summary>
public class ModelFactoryTests
{
    [Test]
    public void TheFactoryBuildsAResponseObjectWithServerSetFields()
    {
        var created = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var invoice = StarkBankModelFactory.Invoice(
            id: "5730174175805440",
            amount: 400000,
            name: "Iron Bank S.A.",
            taxId: "20.018.183/0001-80",
            status: InvoiceStatus.Paid,
            fee: 25,
            created: created,
            transactionIds: new[] { "t1" });

        Assert.Multiple(() =>
        {
            Assert.That(invoice.Id, Is.EqualTo("5730174175805440"));
            Assert.That(invoice.Amount, Is.EqualTo(400000L));
            Assert.That(invoice.Status, Is.EqualTo(InvoiceStatus.Paid));
            Assert.That(invoice.Fee, Is.EqualTo(25L));
            Assert.That(invoice.Created, Is.EqualTo(created));
            Assert.That(invoice.TransactionIds, Is.EqualTo(new[] { "t1" }));
            Assert.That(invoice.Link, Is.Null, "a parameter left out stays unset");
        });
    }

    [Test]
    public void TheFactorySetsInheritedFieldsAndKeepsTheUnionDiscriminator()
    {
        var log = StarkBankModelFactory.InvoiceLog(id: "9", type: InvoiceLogType.Credited, invoice: StarkBankModelFactory.Invoice(amount: 100));
        var @event = StarkBankModelFactory.InvoiceEvent(id: "e1", isDelivered: true, log: log);

        Assert.Multiple(() =>
        {
            Assert.That(@event.Subscription, Is.EqualTo(EventSubscription.Invoice));
            Assert.That(@event.Id, Is.EqualTo("e1"));
            Assert.That(@event.Log.Invoice!.Amount, Is.EqualTo(100L));
        });
    }

    [Test]
    public void ToStringIsTheJsonOfTheObject()
    {
        var invoice = StarkBankModelFactory.Invoice(id: "5730174175805440", amount: 400000, name: "Iron Bank S.A.", taxId: "20.018.183/0001-80", status: InvoiceStatus.Paid);

        var text = invoice.ToString();

        Assert.That(text, Does.Not.Contain("\n"), "one line for logs");
        var json = JObject.Parse(text);
        Assert.That((string?)json["id"], Is.EqualTo("5730174175805440"));
        Assert.That((long)json["amount"]!, Is.EqualTo(400000L));
        Assert.That((string?)json["status"], Is.EqualTo("paid"));
        Assert.That(json.ContainsKey("link"), Is.False, "unset fields are left out");
    }

    [Test]
    public void ToStringOfADerivedClassShowsItsOwnAndInheritedFields()
    {
        var @event = StarkBankModelFactory.InvoiceEvent(id: "e1", log: StarkBankModelFactory.InvoiceLog(id: "9", type: InvoiceLogType.Paid));

        var json = JObject.Parse(@event.ToString());

        Assert.That((string?)json["subscription"], Is.EqualTo("invoice"));
        Assert.That((string?)json["log"]!["type"], Is.EqualTo("paid"));
    }

    [Test]
    public void ToStringLeavesCardDataOutButRequestsSendIt()
    {
        var purchase = new MerchantSessionPurchase
        {
            Amount = 100,
            CardExpiration = "2035-01",
            CardNumber = "5277696455399733",
            CardSecurityCode = "123",
            HolderName = "Arya Stark",
            FundingType = MerchantCardFundingType.Credit,
        };

        var text = purchase.ToString();

        Assert.That(text, Does.Not.Contain("5277696455399733").And.Not.Contain("\"123\""));
        Assert.That(text, Does.Contain("Arya Stark"));
        var sent = JObject.FromObject(purchase, StarkJson.Serializer);
        Assert.That((string?)sent["cardNumber"], Is.EqualTo("5277696455399733"));
        Assert.That((string?)sent["cardSecurityCode"], Is.EqualTo("123"));
    }

    [Test]
    public void AnEmptyAnswerToASingleCreateIsAnUnknownError()
    {
        var (client, handler) = TestSupport.Client((_, _) => TestSupport.Json("""{ "message": "Invoice(s) successfully created", "invoices": [] }"""));

        var error = Assert.ThrowsAsync<UnknownError>(() => client.Invoices.CreateAsync(new Invoice { Amount = 100, Name = "Arya Stark", TaxId = "012.345.678-90" }))!;

        Assert.That(error, Is.InstanceOf<StarkException>());
        Assert.That(error.Message, Does.Contain("'invoices' list holds no item"));
        Assert.That(error.Path, Does.Contain("invoice"));
        var sent = JObject.Parse(handler.Requests.Single().Body);
        Assert.That((long)sent["invoices"]![0]!["amount"]!, Is.EqualTo(100L), "the one item is sent as a one-item list");
    }

    [Test]
    public async Task ASingleCreateReturnsTheOneItem()
    {
        var (client, _) = TestSupport.Client((_, _) => TestSupport.Json("""{ "invoices": [{ "id": "1", "amount": 100, "name": "Arya Stark", "taxId": "012.345.678-90", "status": "created" }] }"""));

        var invoice = await client.Invoices.CreateAsync(new Invoice { Amount = 100, Name = "Arya Stark", TaxId = "012.345.678-90" });

        Assert.That(invoice.Id, Is.EqualTo("1"));
        Assert.That(invoice.Status, Is.EqualTo(InvoiceStatus.Created));
    }
}
