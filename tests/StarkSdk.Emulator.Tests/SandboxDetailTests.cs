using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace StarkSdk.Emulator.Tests;

/// <summary>Details the sandbox fills and the emulator used to leave out or echo (issue 18, group 8).</summary>
public sealed class SandboxDetailTests : EmulatorTest
{
    [Test]
    public async Task A_workspace_picture_becomes_a_picture_url_and_is_not_echoed()
    {
        var workspace = (JObject)(await Client.GetAsync("/v2/workspace")).Body["workspaces"]![0]!;

        var updated = await Client.PatchAsync($"/v2/workspace/{workspace["id"]}", new JObject
        {
            ["picture"] = "data:image/png;base64,iVBORw0KGgo=",
            ["pictureType"] = "image/png",
        });

        Assert.That((int)updated.Status, Is.EqualTo(200), updated.ToString());
        var body = (JObject)updated.Body["workspace"]!;
        Assert.Multiple(() =>
        {
            Assert.That(body["picture"], Is.Null);
            Assert.That(body["pictureType"], Is.Null);
            Assert.That((string?)body["pictureUrl"], Does.StartWith("http").And.EndWith(".png"));
        });
    }

    [Test]
    public async Task A_dict_key_says_when_its_account_was_opened()
    {
        var key = await Client.GetAsync("/v2/dict-key/jon.snow@starkbank.com");

        Assert.That((int)key.Status, Is.EqualTo(200), key.ToString());
        Assert.That((string?)key.Body["key"]!["accountCreated"], Is.Not.Null.And.Not.Empty);
    }

    [Test]
    public async Task Tax_and_utility_payments_get_their_type_from_the_code()
    {
        var tax = await Client.PostAsync("/v2/tax-payment", new JObject
        {
            ["payments"] = new JArray(new JObject { ["barCode"] = "81660000005003657010074119002551100010601813", ["description"] = "ISS of the Red Keep" }),
        });
        var utility = await Client.PostAsync("/v2/utility-payment", new JObject
        {
            ["payments"] = new JArray(new JObject { ["line"] = "83640000001 1 07540138007 0 61053026111 0 08067159411 9", ["description"] = "Electricity for the Long Night" }),
        });

        Assert.That((int)tax.Status, Is.EqualTo(200), tax.ToString());
        Assert.That((int)utility.Status, Is.EqualTo(200), utility.ToString());
        Assert.Multiple(() =>
        {
            Assert.That((string?)tax.Body["payments"]![0]!["type"], Is.EqualTo("iss"));
            Assert.That((string?)utility.Body["payments"]![0]!["type"], Is.EqualTo("utility"));
        });
    }

    [Test]
    public async Task A_pull_request_cancellation_ends_canceled()
    {
        var subscription = await Client.PostAsync("/v2/invoice-pull-subscription", new JObject
        {
            ["subscriptions"] = new JArray(new JObject
            {
                ["type"] = "push", ["start"] = "2030-09-14", ["interval"] = "month", ["pullMode"] = "manual", ["pullRetryLimit"] = 3,
                ["name"] = "John Snow", ["taxId"] = "012.345.678-90",
            }),
        });
        Assert.That((int)subscription.Status, Is.EqualTo(200), subscription.ToString());
        var invoice = await CreateInvoiceAsync(1000);
        var request = await Client.PostAsync("/v2/invoice-pull-request", new JObject
        {
            ["requests"] = new JArray(new JObject
            {
                ["subscriptionId"] = subscription.Body["subscriptions"]![0]!["id"], ["invoiceId"] = invoice["id"], ["due"] = "2030-10-14T00:00:00+00:00",
                ["externalId"] = "pull-1",
            }),
        });
        Assert.That((int)request.Status, Is.EqualTo(200), request.ToString());
        var id = (string)request.Body["requests"]![0]!["id"]!;

        var canceled = await Client.DeleteAsync($"/v2/invoice-pull-request/{id}");
        var again = await Client.DeleteAsync($"/v2/invoice-pull-request/{id}");

        Assert.Multiple(() =>
        {
            Assert.That((string?)request.Body["requests"]![0]!["externalId"], Is.EqualTo("pull-1"), "externalId is a creation field");
            Assert.That((string?)canceled.Body["request"]!["status"], Is.EqualTo("canceled"));
            Assert.That((int)again.Status, Is.EqualTo(400), "a canceled request cannot be canceled again");
        });
    }

    [Test]
    public async Task A_deposit_reversal_keeps_its_display_description()
    {
        var deposit = await Emulator.CreateDepositAsync(5000);
        var id = deposit.Id;

        var reversed = await Client.PatchAsync($"/v2/deposit/{id}", new JObject { ["amount"] = 0, ["reversalDisplayDescription"] = "Refund of order 1234" });

        Assert.That((int)reversed.Status, Is.EqualTo(200), reversed.ToString());
        Assert.That((string?)reversed.Body["deposit"]!["reversalDisplayDescription"], Is.EqualTo("Refund of order 1234"));
    }
}
