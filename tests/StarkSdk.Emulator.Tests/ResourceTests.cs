using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace StarkSdk.Emulator.Tests;

/// <summary>The generic engine: create, query with cursors and filters, get, update, cancel, delete, logs.</summary>
public sealed class ResourceTests : EmulatorTest
{
    [Test]
    public async Task Canceling_a_pull_subscription_logs_canceling_then_canceled()
    {
        var body = new JObject
        {
            ["subscriptions"] = new JArray(new JObject
            {
                ["type"] = "push", ["start"] = "2030-09-14", ["interval"] = "month", ["pullMode"] = "manual", ["pullRetryLimit"] = 3,
                ["displayDescription"] = "Dragon Travel Fare", ["externalId"] = "sub-1", ["referenceCode"] = "contract-1",
                ["name"] = "John Snow", ["taxId"] = "012.345.678-90",
            }),
        };
        var created = await Client.PostAsync("/v2/invoice-pull-subscription", body);
        AssertOk(created);
        var id = (string)created.Body["subscriptions"]![0]!["id"]!;

        var canceled = await Client.DeleteAsync($"/v2/invoice-pull-subscription/{id}");
        var logs = await Client.GetAsync($"/v2/invoice-pull-subscription/log?subscriptionIds={id}");

        AssertOk(canceled);
        Assert.That((string?)canceled.Body["subscription"]!["status"], Is.EqualTo("canceled"));
        Assert.That(logs.Body["logs"]!.Select(l => (string)l["type"]!), Is.EqualTo(new[] { "canceled", "canceling", "created" }));
    }

    [Test]
    public async Task Created_entities_get_ids_dates_and_read_only_defaults()
    {
        var invoice = await CreateInvoiceAsync(1500, "Order/1");

        Assert.That((string?)invoice["id"], Does.Match(@"^\d{16}$"));
        Assert.That((string?)invoice["created"], Does.Match(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$"));
        Assert.That((string?)invoice["status"], Is.EqualTo("created"));
        Assert.That((long)invoice["fee"]!, Is.EqualTo(0));
        Assert.That(invoice["transactionIds"], Is.EqualTo(new JArray()));
        Assert.That(invoice["tags"], Is.EqualTo(new JArray("order/1")), "tags are stored in lowercase");
        Assert.That((string?)invoice["brcode"], Does.StartWith("000201"));
    }

    [Test]
    public async Task The_create_response_has_the_message_and_items_envelope()
    {
        var response = await Client.PostAsync("/v2/invoice", new JObject { ["invoices"] = new JArray(NewInvoice(), NewInvoice(2000)) });

        AssertOk(response);
        Assert.That(response.Body.Properties().Select(p => p.Name), Is.EqualTo(new[] { "message", "invoices" }));
        Assert.That(response.Body["invoices"]!.Count(), Is.EqualTo(2));
    }

    [Test]
    public async Task Query_pages_with_a_cursor_newest_first_until_the_cursor_is_null()
    {
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
            created.Add((string)(await CreateInvoiceAsync(100 + i))["id"]!);

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var response = await Client.GetAsync("/v2/invoice?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            AssertOk(response);
            seen.AddRange(response.Body["invoices"]!.Select(i => (string)i["id"]!));
            cursor = (string?)response.Body["cursor"];
            pages++;
        }
        while (cursor != null && pages < 10);

        Assert.That(pages, Is.EqualTo(3));
        created.Reverse();
        Assert.That(seen, Is.EqualTo(created));
    }

    [Test]
    public async Task A_cursor_stays_valid_when_entities_are_added_between_pages()
    {
        for (var i = 0; i < 3; i++)
            await CreateInvoiceAsync(100 + i);
        var first = await Client.GetAsync("/v2/invoice?limit=2");

        await CreateInvoiceAsync(999);
        var second = await Client.GetAsync("/v2/invoice?limit=2&cursor=" + (string)first.Body["cursor"]!);

        Assert.That(second.Body["invoices"]!.Select(i => (long)i["amount"]!), Is.EqualTo(new[] { 100L }));
        Assert.That(second.Body["cursor"]!.Type, Is.EqualTo(JTokenType.Null));
    }

    [Test]
    public async Task An_invalid_cursor_is_rejected()
    {
        var response = await Client.GetAsync("/v2/invoice?cursor=nonsense");

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "invalidCursor" }));
    }

    [Test]
    public async Task Query_filters_by_status_tags_ids_and_dates()
    {
        var a = await CreateInvoiceAsync(100, "team/a");
        var b = await CreateInvoiceAsync(200, "team/b");
        var c = await CreateInvoiceAsync(300, "team/a", "vip");
        AssertOk(await Client.PatchAsync($"/v2/invoice/{c["id"]}", new JObject { ["status"] = "canceled" }));
        var today = ((string)a["created"]!).Substring(0, 10);

        async Task<long[]> Amounts(string query) =>
            (await Client.GetAsync("/v2/invoice?" + query)).Body["invoices"]!.Select(i => (long)i["amount"]!).ToArray();

        Assert.That(await Amounts("tags=team/a"), Is.EqualTo(new[] { 300L, 100L }));
        Assert.That(await Amounts("tags=vip,team/b"), Is.EqualTo(new[] { 300L, 200L }));
        Assert.That(await Amounts("status=canceled"), Is.EqualTo(new[] { 300L }));
        Assert.That(await Amounts($"ids={a["id"]},{b["id"]}"), Is.EqualTo(new[] { 200L, 100L }));
        Assert.That(await Amounts($"after={today}&before={today}"), Has.Length.EqualTo(3));
        Assert.That(await Amounts("after=2999-01-01"), Is.Empty);
        Assert.That(await Amounts("before=2000-01-01"), Is.Empty);
    }

    [Test]
    public async Task Get_returns_one_entity_and_an_unknown_id_is_a_400()
    {
        var invoice = await CreateInvoiceAsync();

        var found = await Client.GetAsync($"/v2/invoice/{invoice["id"]}");
        var missing = await Client.GetAsync("/v2/invoice/1234567890123456");

        AssertOk(found);
        Assert.That(found.Body["invoice"], Is.EqualTo(invoice));
        Assert.That((int)missing.Status, Is.EqualTo(400));
        Assert.That(missing.ErrorCodes, Is.EqualTo(new[] { "invalidInvoiceId" }));
    }

    [Test]
    public async Task Update_changes_fields_and_logs_the_change()
    {
        var invoice = await CreateInvoiceAsync(1000);

        var response = await Client.PatchAsync($"/v2/invoice/{invoice["id"]}", new JObject { ["amount"] = 2500, ["expiration"] = 3600 });

        AssertOk(response);
        Assert.That((long)response.Body["invoice"]!["amount"]!, Is.EqualTo(2500));
        Assert.That((long)response.Body["invoice"]!["expiration"]!, Is.EqualTo(3600));
        var logs = await Client.GetAsync($"/v2/invoice/log?invoiceIds={invoice["id"]}");
        Assert.That(logs.Body["logs"]!.Select(l => (string)l["type"]!), Is.EqualTo(new[] { "updated", "created" }));
        Assert.That((long)logs.Body["logs"]![0]!["invoice"]!["amount"]!, Is.EqualTo(2500), "a log embeds the entity as it was after the change");
        Assert.That((long)logs.Body["logs"]![1]!["invoice"]!["amount"]!, Is.EqualTo(1000));
    }

    [Test]
    public async Task An_invoice_is_canceled_by_patch_only_before_payment()
    {
        var invoice = await CreateInvoiceAsync();
        var paid = await CreateInvoiceAsync();
        await Emulator.PayInvoiceAsync((string)paid["id"]!);

        var canceled = await Client.PatchAsync($"/v2/invoice/{invoice["id"]}", new JObject { ["status"] = "canceled" });
        var refused = await Client.PatchAsync($"/v2/invoice/{paid["id"]}", new JObject { ["status"] = "canceled" });

        Assert.That((string?)canceled.Body["invoice"]!["status"], Is.EqualTo("canceled"));
        Assert.That(refused.ErrorCodes, Is.EqualTo(new[] { "invalidInvoiceStatus" }));
    }

    [Test]
    public async Task A_boleto_is_canceled_by_delete_once()
    {
        var boleto = await CreateBoletoAsync();

        var first = await Client.DeleteAsync($"/v2/boleto/{boleto["id"]}");
        var second = await Client.DeleteAsync($"/v2/boleto/{boleto["id"]}");

        AssertOk(first);
        Assert.That((string?)first.Body["boleto"]!["status"], Is.EqualTo("canceled"));
        Assert.That(second.ErrorCodes, Is.EqualTo(new[] { "invalidBoletoStatus" }));
        var logs = await Client.GetAsync($"/v2/boleto/log?boletoIds={boleto["id"]}&types=canceled");
        Assert.That(logs.Body["logs"]!.Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_log_can_be_fetched_by_id_and_filtered_by_type()
    {
        var invoice = await CreateInvoiceAsync();
        var all = await Client.GetAsync("/v2/invoice/log");
        var logId = (string)all.Body["logs"]![0]!["id"]!;

        var log = await Client.GetAsync($"/v2/invoice/log/{logId}");
        var none = await Client.GetAsync("/v2/invoice/log?types=paid");

        Assert.That((string?)log.Body["log"]!["invoice"]!["id"], Is.EqualTo((string?)invoice["id"]));
        Assert.That(log.Body["log"]!["errors"], Is.EqualTo(new JArray()));
        Assert.That(none.Body["logs"], Is.EqualTo(new JArray()));
    }

    [Test]
    public async Task Webhooks_are_created_listed_fetched_and_deleted()
    {
        var created = await Client.PostAsync("/v2/webhook", new JObject { ["url"] = "http://127.0.0.1:1/hook", ["subscriptions"] = new JArray("invoice", "deposit") });
        AssertOk(created);
        var id = (string)created.Body["webhook"]!["id"]!;

        var listed = await Client.GetAsync("/v2/webhook");
        var deleted = await Client.DeleteAsync($"/v2/webhook/{id}");
        var gone = await Client.GetAsync($"/v2/webhook/{id}");

        Assert.That(listed.Body["webhooks"]!.Select(w => (string)w["id"]!), Is.EqualTo(new[] { id }));
        AssertOk(deleted);
        Assert.That(gone.ErrorCodes, Is.EqualTo(new[] { "invalidWebhookId" }));
    }

    [Test]
    public async Task The_fields_parameter_projects_the_entities()
    {
        await CreateInvoiceAsync(700);
        Client.CheckConformance = false; // a projection leaves out required fields on purpose

        var response = await Client.GetAsync("/v2/invoice?fields=amount,status");

        Assert.That(((JObject)response.Body["invoices"]![0]!).Properties().Select(p => p.Name), Is.EquivalentTo(new[] { "id", "amount", "status" }));
    }

    [Test]
    public async Task Split_profiles_are_put_and_replaced()
    {
        var first = await Client.PutAsync("/v2/split-profile", new JObject { ["profiles"] = new JArray(new JObject { ["interval"] = "day", ["delay"] = 0 }) });
        var second = await Client.PutAsync("/v2/split-profile", new JObject { ["profiles"] = new JArray(new JObject { ["interval"] = "month", ["delay"] = 604800 }) });

        AssertOk(first);
        AssertOk(second);
        var listed = await Client.GetAsync("/v2/split-profile");
        Assert.That(listed.Body["profiles"]!.Select(p => (string)p["interval"]!), Is.EqualTo(new[] { "month" }));
        Assert.That((string?)second.Body["profiles"]![0]!["id"], Is.EqualTo((string?)first.Body["profiles"]![0]!["id"]));
    }

    [Test]
    public async Task Institutions_are_searched_and_dict_keys_resolved()
    {
        var institutions = await Client.GetAsync("/v2/institution?search=stark");
        var key = await Client.GetAsync("/v2/dict-key/tony@starkbank.com");

        Assert.That(institutions.Body["institutions"]!.Select(i => (string)i["spiCode"]!), Is.EqualTo(new[] { "20018183" }));
        Assert.That((string?)key.Body["key"]!["type"], Is.EqualTo("email"));
        Assert.That((string?)key.Body["key"]!["id"], Is.EqualTo("tony@starkbank.com"));
    }

    [Test]
    public async Task The_admin_status_trigger_moves_any_entity_and_logs_it()
    {
        var invoice = await CreateInvoiceAsync();

        var overdue = await Emulator.SetStatusAsync("invoice", (string)invoice["id"]!, "overdue");
        var logs = await Client.GetAsync($"/v2/invoice/log?invoiceIds={invoice["id"]}&types=overdue");

        Assert.That(overdue.Status, Is.EqualTo("overdue"));
        Assert.That(logs.Body["logs"]!.Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task Reset_forgets_the_state_but_keeps_the_keys()
    {
        await CreateInvoiceAsync();

        await Emulator.ResetAsync();

        var invoices = await Client.GetAsync("/v2/invoice");
        AssertOk(invoices);
        Assert.That(invoices.Body["invoices"], Is.EqualTo(new JArray()));
        Assert.That(await BalanceAsync(), Is.EqualTo(0));
    }
}
