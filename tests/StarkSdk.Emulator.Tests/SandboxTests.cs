using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using StarkSdk.Emulator.Engine;

namespace StarkSdk.Emulator.Tests;

/// <summary>The sandbox behaviours: payments of invoices, boletos and BR codes, deposits, cash-outs.</summary>
public sealed class SandboxTests : EmulatorTest
{
    [Test]
    public async Task Paying_an_invoice_marks_it_paid_and_creates_a_deposit_and_a_credit()
    {
        var invoice = await CreateInvoiceAsync(4321);
        var id = (string)invoice["id"]!;

        var result = await Emulator.PayInvoiceAsync(id);

        Assert.That(result.Invoice.Status, Is.EqualTo("paid"));
        Assert.That(result.Deposit?.Tags, Does.Contain($"invoice/{id}"));
        Assert.That(result.Deposit?.Amount, Is.EqualTo(4321));
        Assert.That(Emulator.Find("invoice", id)?.Status, Is.EqualTo("paid"));
        var fetched = await Client.GetAsync($"/v2/invoice/{id}");
        Assert.That((string?)fetched.Body["invoice"]!["status"], Is.EqualTo("paid"));
        var payment = await Client.GetAsync($"/v2/invoice/{id}/payment");
        AssertOk(payment);
        Assert.That((long)payment.Body["payment"]!["amount"]!, Is.EqualTo(4321));
        Assert.That((string?)payment.Body["payment"]!["method"], Is.EqualTo("pix"));

        var deposits = await Client.GetAsync($"/v2/deposit?tags=invoice/{id}");
        Assert.That(deposits.Body["deposits"]!.Count(), Is.EqualTo(1));
        Assert.That((long)deposits.Body["deposits"]![0]!["amount"]!, Is.EqualTo(4321));
        Assert.That(await BalanceAsync(), Is.EqualTo(4321));

        var transactionId = (string)deposits.Body["deposits"]![0]!["transactionIds"]![0]!;
        var transaction = await Client.GetAsync($"/v2/transaction/{transactionId}");
        Assert.That((long)transaction.Body["transaction"]!["amount"]!, Is.EqualTo(4321));
        Assert.That((string?)transaction.Body["transaction"]!["source"], Is.EqualTo($"invoice/{id}"));

        var logs = await Client.GetAsync($"/v2/invoice/log?invoiceIds={id}");
        Assert.That(logs.Body["logs"]!.Select(l => (string)l["type"]!), Is.EqualTo(new[] { "credited", "paid", "created" }));
    }

    [Test]
    public async Task The_payment_of_an_unpaid_invoice_is_not_available()
    {
        var invoice = await CreateInvoiceAsync();

        var response = await Client.GetAsync($"/v2/invoice/{invoice["id"]}/payment");

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "invalidInvoiceStatus" }));
    }

    [Test]
    public async Task An_invoice_is_paid_once_and_an_any_amount_invoice_needs_an_amount()
    {
        var invoice = await CreateInvoiceAsync();
        var anyAmount = await CreateInvoiceAsync(0);
        await Emulator.PayInvoiceAsync((string)invoice["id"]!);

        var again = Assert.ThrowsAsync<ApiException>(() => Emulator.PayInvoiceAsync((string)invoice["id"]!));
        var noAmount = Assert.ThrowsAsync<ApiException>(() => Emulator.PayInvoiceAsync((string)anyAmount["id"]!));
        var withAmount = await Emulator.PayInvoiceAsync((string)anyAmount["id"]!, 777);

        Assert.That(again!.Errors[0].Code, Is.EqualTo("invalidInvoiceStatus"));
        Assert.That(noAmount!.Errors[0].Code, Is.EqualTo("invalidAmount"));
        Assert.That(withAmount.Invoice.Amount, Is.EqualTo(777));
    }

    [Test]
    public async Task A_paid_invoice_can_be_partially_reversed_by_lowering_its_amount()
    {
        var invoice = await CreateInvoiceAsync(1000);
        await Emulator.PayInvoiceAsync((string)invoice["id"]!);

        var response = await Client.PatchAsync($"/v2/invoice/{invoice["id"]}", new JObject { ["amount"] = 600 });

        AssertOk(response);
        Assert.That(await BalanceAsync(), Is.EqualTo(600));
        var logs = await Client.GetAsync($"/v2/invoice/log?invoiceIds={invoice["id"]}&types=reversed");
        Assert.That(logs.Body["logs"]!.Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task The_admin_http_route_pays_an_invoice_too()
    {
        var invoice = await CreateInvoiceAsync(900);
        using var admin = new System.Net.Http.HttpClient { BaseAddress = new System.Uri(Emulator.BaseUrl) };

        var response = await EmulatorClient.ReadAsync(await admin.PostAsync($"/emulator/invoice/{invoice["id"]}/pay",
            new System.Net.Http.StringContent("{\"name\": \"Tyrion Lannister\"}")));

        AssertOk(response);
        Assert.That((string?)response.Body["deposit"]!["name"], Is.EqualTo("Tyrion Lannister"));
    }

    [Test]
    public async Task Paying_a_boleto_credits_the_workspace()
    {
        var boleto = await CreateBoletoAsync(12345);
        Assert.That((string?)boleto["line"], Does.Match(@"^\d{5}\.\d{5} \d{5}\.\d{6} \d{5}\.\d{6} \d \d{14}$"));
        Assert.That((string?)boleto["barCode"], Does.Match(@"^\d{44}$"));

        await Emulator.PayBoletoAsync((string)boleto["id"]!);

        var fetched = await Client.GetAsync($"/v2/boleto/{boleto["id"]}");
        Assert.That((string?)fetched.Body["boleto"]!["status"], Is.EqualTo("paid"));
        Assert.That(await BalanceAsync(), Is.EqualTo(12345));
        var logs = await Client.GetAsync($"/v2/boleto/log?boletoIds={boleto["id"]}&types=paid");
        Assert.That(logs.Body["logs"]!.Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task Paying_a_dynamic_brcode_creates_a_deposit_tagged_with_its_uuid()
    {
        var created = await Client.PostAsync("/v2/dynamic-brcode", new JObject { ["brcodes"] = new JArray(new JObject { ["amount"] = 4000, ["tags"] = new JArray("Order/123") }) });
        AssertOk(created);
        var brcode = created.Body["brcodes"]![0]!;
        var uuid = (string)brcode["uuid"]!;
        Assert.That((string?)brcode["id"], Does.StartWith("000201").And.Contain(uuid));

        var byUuid = await Client.GetAsync($"/v2/dynamic-brcode/{uuid}");
        AssertOk(byUuid);
        await Emulator.PayDynamicBrcodeAsync(uuid);
        var again = Assert.ThrowsAsync<ApiException>(() => Emulator.PayDynamicBrcodeAsync(uuid));

        var deposits = await Client.GetAsync($"/v2/deposit?tags=dynamic-brcode/{uuid}");
        Assert.That(deposits.Body["deposits"]!.Select(d => (long)d["amount"]!), Is.EqualTo(new[] { 4000L }));
        Assert.That(again!.Errors[0].Code, Is.EqualTo("invalidDynamicBrcodeStatus"));
    }

    [Test]
    public async Task A_deposit_is_reversed_partially_then_fully()
    {
        var deposit = await Emulator.CreateDepositAsync(1000);
        var path = $"/v2/deposit/{deposit.Id}";

        var partial = await Client.PatchAsync(path, new JObject { ["amount"] = 400 });
        var full = await Client.PatchAsync(path, new JObject { ["amount"] = 0 });

        Assert.That((long)partial.Body["deposit"]!["amount"]!, Is.EqualTo(400));
        Assert.That((string?)full.Body["deposit"]!["status"], Is.AnyOf("voided", "void"));
        Assert.That(await BalanceAsync(), Is.EqualTo(0));
    }

    [Test]
    public async Task A_brcode_payment_of_an_emulator_invoice_reads_its_amount_and_pays_it_when_settled()
    {
        var invoice = await CreateInvoiceAsync(2500);
        var created = await Client.PostAsync("/v2/brcode-payment", new JObject
        {
            ["payments"] = new JArray(new JObject { ["brcode"] = invoice["brcode"], ["taxId"] = "20.018.183/0001-80", ["description"] = "paying my own invoice" }),
        });
        AssertOk(created);
        var payment = created.Body["payments"]![0]!;
        Assert.That((long)payment["amount"]!, Is.EqualTo(2500));
        Assert.That((string?)payment["status"], Is.EqualTo("created"));
        Assert.That((string?)payment["type"], Is.EqualTo("dynamic"));

        var settled = await Emulator.SettleAsync("brcode-payment", (string)payment["id"]!);

        Assert.That(settled.Status, Is.EqualTo("success"));
        var logs = await Client.GetAsync($"/v2/brcode-payment/log?paymentIds={payment["id"]}");
        Assert.That(logs.Body["logs"]!.Select(l => (string)l["type"]!), Is.EqualTo(new[] { "success", "sending", "created" }));
        var paidInvoice = await Client.GetAsync($"/v2/invoice/{invoice["id"]}");
        Assert.That((string?)paidInvoice.Body["invoice"]!["status"], Is.EqualTo("paid"));
        Assert.That(await BalanceAsync(), Is.EqualTo(0), "paid out and received back");
    }

    [Test]
    public async Task A_brcode_payment_can_be_canceled_while_created_and_fails_on_request()
    {
        var brcode = Behaviours.PixCodes.Dynamic("0123456789abcdef0123456789abcdef");
        var body = new JObject { ["payments"] = new JArray(
            new JObject { ["brcode"] = brcode, ["taxId"] = "012.345.678-90", ["description"] = "first payment", ["amount"] = 100 },
            new JObject { ["brcode"] = brcode, ["taxId"] = "012.345.678-90", ["description"] = "second payment", ["amount"] = 200 }) };
        var created = await Client.PostAsync("/v2/brcode-payment", body);
        var first = (string)created.Body["payments"]![0]!["id"]!;
        var second = (string)created.Body["payments"]![1]!["id"]!;

        var canceled = await Client.PatchAsync($"/v2/brcode-payment/{first}", new JObject { ["status"] = "canceled" });
        var failed = await Emulator.SettleAsync("brcode-payment", second, success: false);

        Assert.That((string?)canceled.Body["payment"]!["status"], Is.EqualTo("canceled"));
        Assert.That(failed.Status, Is.EqualTo("failed"));
        Assert.That(await BalanceAsync(), Is.EqualTo(0));
    }

    [Test]
    public async Task A_brcode_without_amount_needs_one()
    {
        var response = await Client.PostAsync("/v2/brcode-payment", new JObject
        {
            ["payments"] = new JArray(new JObject { ["brcode"] = Behaviours.PixCodes.Dynamic("00000000000000000000000000000000"), ["taxId"] = "012.345.678-90", ["description"] = "no amount here" }),
        });

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "invalidAmount" }));
    }

    [Test]
    public async Task Transfers_wait_until_settled_then_debit_the_balance()
    {
        var created = await Client.PostAsync("/v2/transfer", new JObject
        {
            ["transfers"] = new JArray(
                new JObject { ["amount"] = 300, ["name"] = "Daenerys Targaryen", ["taxId"] = "012.345.678-90", ["bankCode"] = "20018183", ["branchCode"] = "0001", ["accountNumber"] = "10000-0", ["externalId"] = "t-1" },
                new JObject { ["amount"] = 700, ["name"] = "Jon Snow", ["taxId"] = "012.345.678-90", ["bankCode"] = "341", ["branchCode"] = "1234", ["accountNumber"] = "123456-7" }),
        });
        AssertOk(created);
        var transfers = created.Body["transfers"]!;
        var canceled = await Client.DeleteAsync($"/v2/transfer/{transfers[1]!["id"]}");

        var settled = await Emulator.SettleAllAsync("transfer");

        Assert.That((string?)canceled.Body["transfer"]!["status"], Is.EqualTo("canceled"));
        Assert.That(settled.Select(t => t.Status), Is.EqualTo(new[] { "success" }));
        Assert.That(await BalanceAsync(), Is.EqualTo(-300));
        var duplicate = await Client.PostAsync("/v2/transfer", new JObject
        {
            ["transfers"] = new JArray(new JObject { ["amount"] = 1, ["name"] = "Jon Snow", ["taxId"] = "012.345.678-90", ["bankCode"] = "341", ["branchCode"] = "1", ["accountNumber"] = "1-1", ["externalId"] = "t-1" }),
        });
        Assert.That(duplicate.ErrorCodes, Is.EqualTo(new[] { "invalidExternalId" }));
    }

    [Test]
    public async Task A_boleto_payment_of_an_emulator_boleto_reads_its_amount_and_pays_it()
    {
        var boleto = await CreateBoletoAsync(8800);
        var created = await Client.PostAsync("/v2/boleto-payment", new JObject
        {
            ["payments"] = new JArray(new JObject { ["line"] = boleto["line"], ["taxId"] = "20.018.183/0001-80", ["description"] = "paying the boleto" }),
        });
        AssertOk(created);
        var payment = created.Body["payments"]![0]!;
        Assert.That((long)payment["amount"]!, Is.EqualTo(8800));

        await Emulator.SettleAsync("boleto-payment", (string)payment["id"]!);

        var paid = await Client.GetAsync($"/v2/boleto/{boleto["id"]}");
        Assert.That((string?)paid.Body["boleto"]!["status"], Is.EqualTo("paid"));
    }

    [Test]
    public async Task Paying_an_invoice_or_a_boleto_with_splits_creates_the_splits()
    {
        var invoice = NewInvoice(10000);
        invoice["splits"] = new JArray(new JObject { ["receiverId"] = "5742447426535424", ["amount"] = 3000 }, new JObject { ["receiverId"] = "5743243941642240", ["amount"] = 5000 });
        var created = (JObject)(await Client.PostAsync("/v2/invoice", new JObject { ["invoices"] = new JArray(invoice) })).Body["invoices"]![0]!;
        var boleto = NewBoleto(4000);
        boleto["splits"] = new JArray(new JObject { ["receiverId"] = "5742447426535424", ["amount"] = 1000 });
        var createdBoleto = (JObject)(await Client.PostAsync("/v2/boleto", new JObject { ["boletos"] = new JArray(boleto) })).Body["boletos"]![0]!;
        Assert.That((await Client.GetAsync("/v2/split")).Body["splits"]!.Count(), Is.EqualTo(0), "nothing before payment");

        await Emulator.PayInvoiceAsync((string)created["id"]!);
        await Emulator.PayBoletoAsync((string)createdBoleto["id"]!);

        var splits = (await Client.GetAsync("/v2/split")).Body["splits"]!.Reverse().ToList();
        var logs = await Client.GetAsync($"/v2/split/log?splitIds={splits[0]["id"]}");
        Assert.That(splits.Select(s => (long)s["amount"]!), Is.EqualTo(new[] { 3000L, 5000L, 1000L }));
        Assert.That((string?)splits[1]["source"], Is.EqualTo($"invoice/{created["id"]}"));
        Assert.That((string?)splits[1]["externalId"], Is.EqualTo($"invoice/{created["id"]}/receiver/5743243941642240"));
        Assert.That((string?)splits[2]["source"], Is.EqualTo($"boleto/{createdBoleto["id"]}"));
        Assert.That(splits.Select(s => (string?)s["status"]), Has.All.EqualTo("created"));
        Assert.That(logs.Body["logs"]!.Select(l => (string)l["type"]!), Is.EqualTo(new[] { "created" }));
    }

    [Test]
    public async Task The_same_code_can_be_previewed_again_and_twice_in_one_request()
    {
        var invoice = await CreateInvoiceAsync(1234);
        var preview = new JObject { ["id"] = invoice["brcode"] };

        var first = await Client.PostAsync("/v2/payment-preview", new JObject { ["previews"] = new JArray(preview) });
        var twice = await Client.PostAsync("/v2/payment-preview", new JObject { ["previews"] = new JArray(preview, preview.DeepClone()) });

        AssertOk(first);
        AssertOk(twice);
        Assert.That(twice.Body["previews"]!.Select(p => (long)p["payment"]!["amount"]!), Is.EqualTo(new[] { 1234L, 1234L }));
    }

    [Test]
    public async Task A_payment_preview_recognises_an_invoice_brcode()
    {
        var invoice = await CreateInvoiceAsync(1234);

        var response = await Client.PostAsync("/v2/payment-preview", new JObject { ["previews"] = new JArray(new JObject { ["id"] = invoice["brcode"] }) });

        AssertOk(response);
        var preview = response.Body["previews"]![0]!;
        Assert.That((string?)preview["type"], Is.EqualTo("brcode-payment"));
        Assert.That((long)preview["payment"]!["amount"]!, Is.EqualTo(1234));
    }
}

public sealed class EnforcedBalanceTests : EmulatorTest
{
    internal override EmulatorOptions CreateOptions() => new() { EnforceBalance = true, InitialBalance = 500 };

    [Test]
    public async Task Cash_outs_beyond_the_balance_are_refused_when_enforced()
    {
        Assert.That(await BalanceAsync(), Is.EqualTo(500));

        var response = await Client.PostAsync("/v2/transfer", new JObject
        {
            ["transfers"] = new JArray(new JObject { ["amount"] = 501, ["name"] = "Jon Snow", ["taxId"] = "012.345.678-90", ["bankCode"] = "341", ["branchCode"] = "1", ["accountNumber"] = "1-1" }),
        });

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "insufficientBalance" }));
    }

    [Test]
    public async Task Any_admin_trigger_runs_with_a_json_body_and_answers_json()
    {
        var id = (string)(await CreateInvoiceAsync())["id"]!;

        var answer = Newtonsoft.Json.Linq.JObject.Parse(await Emulator.AdminAsync("invoice", id, "status", "{\"status\": \"overdue\"}"));

        Assert.That(((string?)answer["id"], (string?)answer["status"]), Is.EqualTo((id, "overdue")));
        Assert.That(Emulator.Find("invoice", id)?.Status, Is.EqualTo("overdue"));
        var refused = Assert.ThrowsAsync<ApiException>(() => Emulator.AdminAsync("invoice", id, "status", "not json"));
        Assert.That(refused!.Errors[0].Code, Is.EqualTo("invalidJson"));
    }
}
