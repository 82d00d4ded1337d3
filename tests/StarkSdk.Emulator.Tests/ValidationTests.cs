using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace StarkSdk.Emulator.Tests;

public sealed class ValidationTests : EmulatorTest
{
    [Test]
    public async Task Every_problem_of_a_body_is_reported_in_one_400()
    {
        var body = Json.Object(@"{""invoices"": [
            {""amount"": ""ten"", ""taxId"": ""012.345.678-90"", ""due"": ""tomorrow"", ""typo"": 1},
            {""amount"": -5, ""name"": ""Bran"", ""taxId"": ""012.345.678-90"", ""discounts"": [{""percentage"": ""x""}]}
        ]}");

        var response = await Client.PostAsync("/v2/invoice", body);

        Assert.That((int)response.Status, Is.EqualTo(400));
        var messages = response.Body["errors"]!.Select(e => (string)e["code"]! + " " + (string)e["message"]!).ToList();
        Assert.That(messages, Has.Some.StartsWith("invalidAmount invoices[0].amount: must be an integer"));
        Assert.That(messages, Has.Some.StartsWith("invalidName invoices[0].name: is required"));
        Assert.That(messages, Has.Some.StartsWith("invalidDue invoices[0].due: must be a date (YYYY-MM-DD) or must be a date-time"));
        Assert.That(messages, Has.Some.StartsWith("invalidTypo invoices[0].typo: is not a known field"));
        Assert.That(messages, Has.Some.StartsWith("invalidAmount invoices[1].amount: must be at least 0"));
        Assert.That(messages.Count, Is.GreaterThanOrEqualTo(6), string.Join("\n", messages));
        Assert.That(Emulator.All("invoice"), Is.Empty);
    }

    [Test]
    public async Task A_wrong_enum_value_names_the_allowed_ones()
    {
        var response = await Client.PostAsync("/v2/webhook", new JObject { ["url"] = "http://127.0.0.1:9/x", ["subscriptions"] = new JArray("invoice", "dragons") });

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "invalidSubscriptions" }));
        Assert.That((string)response.Body["errors"]![0]!["message"]!, Does.Contain("subscriptions[1]").And.Contain("invoice").And.Contain("\"dragons\""));
    }

    [Test]
    public async Task Too_many_items_and_an_empty_list_are_rejected()
    {
        var many = new JArray(Enumerable.Range(0, 101).Select(_ => NewInvoice()));

        var tooMany = await Client.PostAsync("/v2/invoice", new JObject { ["invoices"] = many });
        var none = await Client.PostAsync("/v2/invoice", new JObject { ["invoices"] = new JArray() });

        Assert.That(tooMany.ErrorCodes, Is.EqualTo(new[] { "invalidInvoices" }));
        Assert.That(none.ErrorCodes, Is.EqualTo(new[] { "invalidInvoices" }));
    }

    [Test]
    public async Task Query_parameters_are_validated_against_their_schemas()
    {
        var response = await Client.GetAsync("/v2/invoice?limit=500&after=yesterday&status=lost&color=blue");

        Assert.That((int)response.Status, Is.EqualTo(400));
        Assert.That(response.ErrorCodes, Is.EquivalentTo(new[] { "invalidLimit", "invalidAfter", "invalidStatus", "invalidColor" }));
    }

    [Test]
    public async Task Read_only_fields_sent_by_the_client_are_ignored()
    {
        var invoice = NewInvoice();
        invoice["status"] = "paid";
        invoice["fee"] = 999;
        invoice["id"] = "1";

        var response = await Client.PostAsync("/v2/invoice", new JObject { ["invoices"] = new JArray(invoice) });

        AssertOk(response);
        var created = response.Body["invoices"]![0]!;
        Assert.That((string?)created["status"], Is.EqualTo("created"));
        Assert.That((long)created["fee"]!, Is.EqualTo(0));
        Assert.That((string?)created["id"], Has.Length.EqualTo(16));
    }

    [Test]
    public async Task A_body_that_is_not_json_is_rejected()
    {
        var response = await Client.SendAsync(HttpMethod.Post, "/v2/invoice", "{\"invoices\": [");

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "invalidJson" }));
    }

    [Test]
    public async Task A_missing_body_is_rejected()
    {
        var response = await Client.SendAsync(HttpMethod.Post, "/v2/invoice", "");

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "invalidJson" }));
    }

    [Test]
    public async Task Business_rules_the_schema_cannot_express_are_reported_too()
    {
        var invoice = NewInvoice();
        invoice["taxId"] = "123";

        var response = await Client.PostAsync("/v2/invoice", new JObject { ["invoices"] = new JArray(invoice) });

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "invalidTaxId" }));
    }

    [Test]
    public async Task An_unknown_route_is_a_404_and_a_wrong_method_a_405()
    {
        var unknown = await Client.GetAsync("/v2/dragon");
        var wrongMethod = await Client.PutAsync("/v2/invoice", new JObject());

        Assert.That((int)unknown.Status, Is.EqualTo(404));
        Assert.That(unknown.ErrorCodes, Is.EqualTo(new[] { "routeNotFound" }));
        Assert.That((int)wrongMethod.Status, Is.EqualTo(405));
    }
}

public sealed class LenientValidationTests : EmulatorTest
{
    internal override EmulatorOptions CreateOptions() => new() { RejectUnknownProperties = false };

    [Test]
    public async Task Unknown_fields_can_be_allowed()
    {
        var invoice = NewInvoice();
        invoice["typo"] = 1;

        var response = await Client.PostAsync("/v2/invoice", new JObject { ["invoices"] = new JArray(invoice) });

        AssertOk(response);
        Assert.That(response.Body["invoices"]![0]!["typo"], Is.Null, "an unknown field is ignored, not stored");
    }
}
