using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace StarkSdk.Emulator.Tests;

/// <summary>Merchant sessions and purchases with the card payments guide's test cards.</summary>
public sealed class CardTests : EmulatorTest
{
    private async Task<JObject> CreateSessionAsync(string challengeMode = "disabled")
    {
        var response = await Client.PostAsync("/v2/merchant-session", new JObject
        {
            ["allowedFundingTypes"] = new JArray("debit", "credit"),
            ["allowedInstallments"] = new JArray(
                new JObject { ["totalAmount"] = 5000, ["count"] = 1 },
                new JObject { ["totalAmount"] = 5500, ["count"] = 2 }),
            ["expiration"] = 3600,
            ["challengeMode"] = challengeMode,
            ["tags"] = new JArray("Cart/456"),
        });
        AssertOk(response);
        return (JObject)response.Body["session"]!;
    }

    private static JObject PurchaseBody(string cardNumber, long amount = 5500, int installments = 2) => new()
    {
        ["amount"] = amount,
        ["installmentCount"] = installments,
        ["cardExpiration"] = "2035-01",
        ["cardNumber"] = cardNumber,
        ["cardSecurityCode"] = "123",
        ["holderName"] = "Rhaenyra Targaryen",
        ["fundingType"] = "credit",
        ["holderEmail"] = "rhaenyra.targaryen@gmail.com",
        ["holderPhone"] = "11985923451",
        ["billingCountryCode"] = "BRA",
        ["billingCity"] = "Sao Paulo",
        ["billingStateCode"] = "SP",
        ["billingStreetLine1"] = "Rua do Holder Name, 123",
        ["billingStreetLine2"] = "1 andar",
        ["billingZipCode"] = "11111-111",
        ["metadata"] = new JObject { ["userAgent"] = "Postman", ["userIp"] = "255.255.255.255", ["language"] = "pt-BR", ["timezoneOffset"] = 3 },
    };

    private async Task<(ApiResponse Response, JObject Purchase)> PurchaseAsync(JObject session, string cardNumber)
    {
        var response = await Client.PostAsync($"/v2/merchant-session/{session["uuid"]}/purchase", PurchaseBody(cardNumber));
        return (response, response.Body["purchase"] as JObject ?? new JObject());
    }

    private async Task<string[]> PurchaseLogTypesAsync(string purchaseId) =>
        (await Client.GetAsync($"/v2/merchant-purchase/log?purchaseIds={purchaseId}")).Body["logs"]!.Select(l => (string)l["type"]!).Reverse().ToArray();

    [TestCase("4242 4242 4242 4242", "confirmed", new[] { "created", "approved", "confirmed" }, null)]
    [TestCase("4000 0000 0000 0002", "denied", new[] { "created", "denied" }, "insufficientFunds")]
    [TestCase("5105 1051 0510 5100", "denied", new[] { "created", "denied" }, "cardDeclined")]
    [TestCase("3782 822463 10005", "failed", new[] { "created", "failed" }, "expiredCard")]
    [TestCase("3714 496353 98431", "failed", new[] { "created", "failed" }, "invalidSecurityCode")]
    public async Task A_test_card_produces_its_documented_outcome(string card, string status, string[] logTypes, string? reason)
    {
        var session = await CreateSessionAsync();

        var (response, purchase) = await PurchaseAsync(session, card);

        AssertOk(response);
        Assert.That((string?)purchase["status"], Is.EqualTo(status));
        Assert.That((string?)purchase["source"], Is.EqualTo($"merchant-session/{session["id"]}"));
        Assert.That(await PurchaseLogTypesAsync((string)purchase["id"]!), Is.EqualTo(logTypes));
        if (reason != null)
        {
            var last = (await Client.GetAsync($"/v2/merchant-purchase/log?purchaseIds={purchase["id"]}&types={status}")).Body["logs"]![0]!;
            Assert.That(last["errors"]!.ToString(), Does.Contain(reason));
        }
    }

    [Test]
    public async Task Canceling_a_purchase_sets_its_amount_to_zero_and_cancels_its_installments()
    {
        var session = await CreateSessionAsync();
        var (_, purchase) = await PurchaseAsync(session, "4242424242424242");

        var canceled = await Client.PatchAsync($"/v2/merchant-purchase/{purchase["id"]}", new JObject { ["status"] = "canceled", ["amount"] = 0 });
        var installments = await Client.GetAsync("/v2/merchant-installment");

        AssertOk(canceled);
        Assert.That((string?)canceled.Body["purchase"]!["status"], Is.EqualTo("canceled"));
        Assert.That((long)canceled.Body["purchase"]!["amount"]!, Is.EqualTo(0));
        Assert.That(installments.Body["installments"]!.Select(i => (string)i["status"]!), Has.All.EqualTo("canceled"));
        Assert.That(await PurchaseLogTypesAsync((string)purchase["id"]!), Is.EqualTo(new[] { "created", "approved", "confirmed", "canceling", "canceled" }));
    }

    [Test]
    public async Task An_approved_card_is_saved_split_into_installments_and_reusable()
    {
        var session = await CreateSessionAsync();
        var (_, purchase) = await PurchaseAsync(session, "4242424242424242");

        var cards = await Client.GetAsync("/v2/merchant-card");
        var installments = await Client.GetAsync("/v2/merchant-installment");
        var usedSession = await Client.GetAsync($"/v2/merchant-session/{session["id"]}");

        var card = cards.Body["cards"]![0]!;
        Assert.That((string?)card["ending"], Is.EqualTo("4242"));
        Assert.That((string?)card["network"], Is.EqualTo("visa"));
        Assert.That((string?)card["expiration"], Does.StartWith("2035-01-31T23:59:59"));
        Assert.That((string?)purchase["cardId"], Is.EqualTo((string?)card["id"]));
        Assert.That(installments.Body["installments"]!.Select(i => (long)i["amount"]!).Sum(), Is.EqualTo(5500));
        Assert.That(installments.Body["installments"]!.Count(), Is.EqualTo(2));
        Assert.That((string?)usedSession.Body["session"]!["status"], Is.EqualTo("success"));

        var again = await Client.PostAsync("/v2/merchant-purchase", new JObject { ["amount"] = 1000, ["cardId"] = card["id"], ["fundingType"] = "credit" });
        AssertOk(again);
        Assert.That((string?)again.Body["purchase"]!["status"], Is.EqualTo("confirmed"));
        Assert.That((string?)again.Body["purchase"]!["holderName"], Is.EqualTo("Rhaenyra Targaryen"));
    }

    [Test]
    public async Task The_3ds_card_waits_for_the_challenge_when_the_session_enables_it()
    {
        var session = await CreateSessionAsync("enabled");
        var (_, purchase) = await PurchaseAsync(session, "5500 0000 0000 0004");
        Assert.That((string?)purchase["status"], Is.EqualTo("pending"));
        Assert.That((string?)purchase["challengeUrl"], Does.Contain("/challenge"));

        var completed = await Emulator.CompleteChallengeAsync((string)purchase["id"]!);

        Assert.That(completed.Status, Is.EqualTo("confirmed"));
        Assert.That(await PurchaseLogTypesAsync((string)purchase["id"]!), Is.EqualTo(new[] { "created", "pending", "approved", "confirmed" }));
        Assert.That((await Client.GetAsync("/v2/merchant-card")).Body["cards"]!.Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_failed_challenge_denies_the_purchase()
    {
        var session = await CreateSessionAsync("enabled");
        var (_, purchase) = await PurchaseAsync(session, "5500000000000004");

        var failed = await Emulator.CompleteChallengeAsync((string)purchase["id"]!, approved: false);

        Assert.That(failed.Status, Is.EqualTo("denied"));
    }

    [Test]
    public async Task Without_challenge_mode_the_3ds_card_is_approved()
    {
        var session = await CreateSessionAsync("disabled");

        var (_, purchase) = await PurchaseAsync(session, "5500000000000004");

        Assert.That((string?)purchase["status"], Is.EqualTo("confirmed"));
    }

    [Test]
    public async Task A_3ds_session_requires_the_holder_billing_and_device_data()
    {
        var session = await CreateSessionAsync("enabled");
        var body = PurchaseBody("4242424242424242");
        body.Remove("holderEmail");
        body.Remove("billingCity");
        ((JObject)body["metadata"]!).Remove("userIp");

        var response = await Client.PostAsync($"/v2/merchant-session/{session["uuid"]}/purchase", body);

        Assert.That(response.ErrorCodes, Is.EquivalentTo(new[] { "invalidHolderEmail", "invalidBillingCity", "invalidUserIp" }));
    }

    [Test]
    public async Task A_purchase_must_match_an_allowed_installment_option_and_a_valid_card()
    {
        var session = await CreateSessionAsync();
        var body = PurchaseBody("4242424242424243", amount: 1234, installments: 3);

        var response = await Client.PostAsync($"/v2/merchant-session/{session["uuid"]}/purchase", body);

        Assert.That(response.ErrorCodes, Is.EquivalentTo(new[] { "invalidAmount", "invalidCardNumber" }));
    }

    [Test]
    public async Task A_used_session_takes_no_second_purchase()
    {
        var session = await CreateSessionAsync();
        await PurchaseAsync(session, "4242424242424242");

        var (second, _) = await PurchaseAsync(session, "4242424242424242");

        Assert.That(second.ErrorCodes, Is.EqualTo(new[] { "invalidMerchantSessionStatus" }));
    }

    [Test]
    public async Task A_confirmed_purchase_is_reversed_partially_then_voided()
    {
        var session = await CreateSessionAsync();
        var (_, purchase) = await PurchaseAsync(session, "4242424242424242");
        var path = $"/v2/merchant-purchase/{purchase["id"]}";

        var partial = await Client.PatchAsync(path, new JObject { ["status"] = "reversed", ["amount"] = 5000 });
        var full = await Client.PatchAsync(path, new JObject { ["status"] = "reversed", ["amount"] = 0 });

        Assert.That((long)partial.Body["purchase"]!["amount"]!, Is.EqualTo(5000));
        Assert.That((string?)partial.Body["purchase"]!["status"], Is.EqualTo("confirmed"));
        Assert.That((string?)full.Body["purchase"]!["status"], Is.AnyOf("voided", "void"));
        Assert.That(await PurchaseLogTypesAsync((string)purchase["id"]!), Is.EqualTo(new[] { "created", "approved", "confirmed", "reversing", "reversed", "reversing", "voided" }));
    }

    [Test]
    public async Task A_confirmed_purchase_is_canceled_with_amount_zero_and_settling_pays_it()
    {
        var session = await CreateSessionAsync();
        var (_, toCancel) = await PurchaseAsync(session, "4242424242424242");
        var other = await CreateSessionAsync();
        var (_, toSettle) = await PurchaseAsync(other, "4242424242424242");

        var canceled = await Client.PatchAsync($"/v2/merchant-purchase/{toCancel["id"]}", new JObject { ["status"] = "canceled", ["amount"] = 0 });
        var settled = await Emulator.SettlePurchaseAsync((string)toSettle["id"]!);

        Assert.That((string?)canceled.Body["purchase"]!["status"], Is.EqualTo("canceled"));
        Assert.That(settled.Purchase.Status, Is.EqualTo("paid"));
        Assert.That(settled.Installments.Select(i => i.Status), Is.All.EqualTo("paid"));
        Assert.That(await BalanceAsync(), Is.EqualTo(5500));
    }
}
