using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using StarkSdk.Core;

namespace StarkSdk.Bank.Tests;

/// <summary>The generated methods build the right requests and read the right envelopes (over an in-memory handler).</summary>
public class ClientRequestTests
{
    private const string Invoice = """{ "id": "1", "amount": 100, "name": "A", "taxId": "1", "status": "paid", "created": "2023-06-15T19:59:26.249976+00:00" }""";

    [Test]
    public async Task CreateSendsTheListEnvelopeAndReturnsTheCreatedItems()
    {
        var (client, handler) = TestSupport.Client((_, _) => TestSupport.Json($$"""{ "message": "Invoice(s) successfully created", "invoices": [{{Invoice}}] }"""));

        var created = await client.Invoices.CreateAsync(new[] { new Invoice { Amount = 100, Name = "A", TaxId = "1" } });

        Assert.That(created.Single().Status, Is.EqualTo(InvoiceStatus.Paid));
        var (request, body) = handler.Requests.Single();
        Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(request.RequestUri!.AbsoluteUri, Is.EqualTo("https://sandbox.api.starkbank.com/v2/invoice"));
        Assert.That(JToken.DeepEquals(JObject.Parse(body), JObject.Parse("""{ "invoices": [{ "amount": 100, "name": "A", "taxId": "1" }] }""")), Is.True, body);
    }

    [Test]
    public async Task TheSingleItemOverloadReturnsTheCreatedItem()
    {
        var (client, handler) = TestSupport.Client((_, _) => TestSupport.Json($$"""{ "invoices": [{{Invoice}}] }"""));

        var created = await client.Invoices.CreateAsync(new Invoice { Amount = 100, Name = "A", TaxId = "1" });

        Assert.That(created.Id, Is.EqualTo("1"));
        Assert.That(JObject.Parse(handler.Requests.Single().Body)["invoices"]!.Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task GetEscapesTheIdAndReadsTheEnvelope()
    {
        var (client, handler) = TestSupport.Client((_, _) => TestSupport.Json($$"""{ "invoice": {{Invoice}} }"""));

        var invoice = await client.Invoices.GetAsync("1/../2");

        Assert.That(invoice.Amount, Is.EqualTo(100));
        Assert.That(handler.Requests.Single().Request.RequestUri!.AbsoluteUri, Is.EqualTo("https://sandbox.api.starkbank.com/v2/invoice/1%2F..%2F2"));
    }

    [Test]
    public async Task UpdateSendsAPatchWithOnlyTheFieldsGiven()
    {
        var (client, handler) = TestSupport.Client((_, _) => TestSupport.Json($$"""{ "invoice": {{Invoice}} }"""));

        await client.Invoices.UpdateAsync("1", new InvoiceUpdate { Amount = 50 });

        var (request, body) = handler.Requests.Single();
        Assert.That(request.Method.Method, Is.EqualTo("PATCH"));
        Assert.That(body, Is.EqualTo("""{"amount":50}"""));
    }

    [Test]
    public async Task QueryPagesThroughTheCursorAndStopsAtTheLimit()
    {
        var (client, handler) = TestSupport.Client((request, _) =>
        {
            var query = request.RequestUri!.Query;
            return query.Contains("cursor=second", StringComparison.Ordinal)
                ? TestSupport.Json($$"""{ "cursor": "third", "invoices": [{{Invoice}}, {{Invoice}}] }""")
                : TestSupport.Json($$"""{ "cursor": "second", "invoices": [{{Invoice}}, {{Invoice}}] }""");
        });

        var invoices = new List<Invoice>();
        await foreach (var invoice in client.Invoices.QueryAsync(new InvoiceQueryOptions { Status = InvoiceStatus.Paid, Tags = new[] { "a", "b" }, After = new DateOnly(2023, 1, 2), Limit = 3 }))
        {
            invoices.Add(invoice);
        }

        Assert.That(invoices, Has.Count.EqualTo(3));
        Assert.That(handler.Requests, Has.Count.EqualTo(2));
        var first = Uri.UnescapeDataString(handler.Requests[0].Request.RequestUri!.Query);
        Assert.That(first, Does.Contain("status=paid").And.Contain("tags=a,b").And.Contain("after=2023-01-02"));
    }

    [Test]
    public async Task PageReturnsOnePageAndItsCursor()
    {
        var (client, handler) = TestSupport.Client((_, _) => TestSupport.Json($$"""{ "cursor": "next", "logs": [{ "id": "9", "type": "paid", "errors": [], "created": "2023-06-15T19:59:26.249976+00:00", "invoice": {{Invoice}} }] }"""));

        var page = await client.Invoices.Logs.PageAsync(new InvoiceLogQueryOptions { Limit = 10 }, cursor: "previous");

        Assert.That(page.Cursor, Is.EqualTo("next"));
        Assert.That(page.Items.Single().Type, Is.EqualTo(InvoiceLogType.Paid));
        var query = handler.Requests.Single().Request.RequestUri!.Query;
        Assert.That(query, Does.Contain("limit=10").And.Contain("cursor=previous"));
        Assert.That(handler.Requests.Single().Request.RequestUri!.AbsolutePath, Is.EqualTo("/v2/invoice/log"));
    }

    [Test]
    public async Task GetPdfReturnsTheBytesAndTheStream()
    {
        var pdf = new byte[] { 0x25, 0x50, 0x44, 0x46 };
        var (client, handler) = TestSupport.Client((_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(pdf) });

        Assert.That(await client.Invoices.GetPdfAsync("1"), Is.EqualTo(pdf));
        await using var stream = await client.Invoices.GetPdfStreamAsync("1");
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.That(copy.ToArray(), Is.EqualTo(pdf));
        Assert.That(handler.Requests.Select(r => r.Request.RequestUri!.AbsolutePath), Is.All.EqualTo("/v2/invoice/1/pdf"));
    }

    [Test]
    public async Task BalanceReturnsTheOnlyItemOfItsList()
    {
        var (client, handler) = TestSupport.Client((_, _) => TestSupport.Json("""{ "cursor": null, "balances": [{ "id": "5083989094170624", "amount": 5419070393, "currency": "BRL", "updated": "2020-04-24T17:44:48.912604+00:00" }] }"""));

        Balance balance = await client.Balance.GetAsync();

        Assert.That(balance.Amount, Is.EqualTo(5419070393L));
        Assert.That(balance.Currency, Is.EqualTo("BRL"));
        Assert.That(handler.Requests.Single().Request.RequestUri!.AbsolutePath, Is.EqualTo("/v2/balance"));
    }

    [Test]
    public void AnEmptyBalanceListIsAnUnknownError()
    {
        var (client, _) = TestSupport.Client((_, _) => TestSupport.Json("""{ "cursor": null, "balances": [] }"""));

        var error = Assert.ThrowsAsync<UnknownError>(() => client.Balance.GetAsync())!;
        Assert.That(error.Message, Does.Contain("'balances' list holds no item"));
    }

    [Test]
    public async Task PerCallOptionsAreApplied()
    {
        var (client, handler) = TestSupport.Client((_, _) => TestSupport.Json($$"""{ "invoice": {{Invoice}} }"""));

        await client.Invoices.GetAsync("1", options: new RequestOptions { Language = "pt-BR" });

        var request = handler.Requests.Single().Request;
        Assert.That(request.Method, Is.EqualTo(HttpMethod.Get));
        Assert.That(request.Headers.AcceptLanguage.ToString(), Is.EqualTo("pt-BR"));
    }

    [Test]
    public async Task UnionItemsAreSentWithTheirOwnFieldsAndDiscriminator()
    {
        var (client, handler) = TestSupport.Client((_, _) => TestSupport.Json("""{ "requests": [{ "id": "7", "centerId": "c", "type": "transfer", "payment": { "amount": 100 } }] }"""));

        var created = await client.PaymentRequests.CreateAsync(new PaymentRequestTransfer
        {
            CenterId = "c",
            Payment = new Transfer { Amount = 100, Name = "Jon Snow", TaxId = "012.345.678-90", BankCode = "20018183", BranchCode = "0001", AccountNumber = "10000-0" },
        });

        Assert.That(created, Is.InstanceOf<PaymentRequestTransfer>());
        Assert.That(((PaymentRequestTransfer)created).Payment.Amount, Is.EqualTo(100));
        var sent = JObject.Parse(handler.Requests.Single().Body)["requests"]![0]!;
        Assert.That((string?)sent["type"], Is.EqualTo("transfer"));
        Assert.That((string?)sent["payment"]!["name"], Is.EqualTo("Jon Snow"));
    }

    [Test]
    public void InputErrorsBecomeExceptions()
    {
        var (client, _) = TestSupport.Client((_, _) => new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent("""{ "errors": [{ "code": "invalidAmount", "message": "Amount must be positive." }] }"""),
        });

        var error = Assert.ThrowsAsync<InputErrors>(() => client.Invoices.CreateAsync(new Invoice { Amount = -1, Name = "A", TaxId = "1" }));
        Assert.That(error!.Errors.Single().Code, Is.EqualTo("invalidAmount"));
    }

    [Test]
    public void NullArgumentsAreRejectedBeforeAnyRequest()
    {
        var (client, handler) = TestSupport.Client((_, _) => throw new AssertionException("no request expected"));
        Assert.That(() => client.Invoices.GetAsync(null!), Throws.ArgumentNullException);
        Assert.That(() => client.Invoices.CreateAsync((Invoice)null!), Throws.ArgumentNullException);
        Assert.That(handler.Requests, Is.Empty);
    }
}
