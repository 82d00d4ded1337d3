using System;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using StarkSdk.Emulator.Spec;

namespace StarkSdk.Infra.Tests;

/// <summary>
/// The answers to the authorization callbacks: the JSON the helpers build is the README's, validates against the
/// spec's 200 answer schema, and the deadlines are the documented ones.
/// </summary>
public class AuthorizationResponseTests
{
    /// <summary>Parses without turning date strings into dates, to see exactly what was written.</summary>
    private static JToken Raw(string json)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new System.IO.StringReader(json)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }

    private static void AssertJson(string actual, string expected, string webhook)
    {
        Assert.That(JToken.DeepEquals(JToken.Parse(actual), JToken.Parse(expected)), Is.True, actual);
        Assert.That(actual, Is.EqualTo(Raw(actual).ToString(Newtonsoft.Json.Formatting.None)), "compact");
        Assert.That(Raw(actual).SelectTokens("$..*").Where(t => t.Type == JTokenType.Null), Is.Empty, "absent fields are left out, not null");
        var spec = TestSupport.Spec;
        var operation = (JObject)((JObject)spec.Root["webhooks"]![webhook]!).Properties().Single().Value;
        var schema = spec.Deref(operation["responses"]!["200"]!)["content"]!["application/json"]!["schema"]!;
        var problems = new SchemaValidator(spec, rejectUnknownProperties: true).ValidateOutput(JToken.Parse(actual), schema);
        Assert.That(problems.Select(p => p.Message), Is.Empty, $"{actual} against the {webhook} answer schema");
    }

    [Test]
    public void PixRequestAnswers()
    {
        AssertJson(PixRequestAuthorizationResponse.Approve().ToJson(), """{"authorization": {"status": "approved"}}""", "pixRequestAuthorization");
        AssertJson(PixRequestAuthorizationResponse.Deny(PixRequestAuthorizationReason.OrderRejected).ToJson(), """{"authorization": {"status": "denied", "reason": "orderRejected"}}""", "pixRequestAuthorization");
        Assert.That(PixRequestAuthorizationResponse.Deadline, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(() => PixRequestAuthorizationResponse.Deny(default), Throws.ArgumentException);
    }

    [Test]
    public void PixReversalAnswers()
    {
        AssertJson(PixReversalAuthorizationResponse.Approve().ToJson(), """{"authorization": {"status": "approved"}}""", "pixReversalAuthorization");
        AssertJson(PixReversalAuthorizationResponse.Deny(PixReversalAuthorizationReason.OrderRejected).ToJson(), """{"authorization": {"status": "denied", "reason": "orderRejected"}}""", "pixReversalAuthorization");
        Assert.That(PixReversalAuthorizationResponse.Deadline, Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void IssuingPurchaseAnswers()
    {
        AssertJson(IssuingPurchaseAuthorizationResponse.Approve(10_000, new[] { "my-purchase-id/123" }).ToJson(), """{"authorization": {"status": "approved", "amount": 10000, "tags": ["my-purchase-id/123"]}}""", "issuingPurchaseAuthorization");
        AssertJson(IssuingPurchaseAuthorizationResponse.Deny(IssuingPurchaseAuthorizationReason.Other, new[] { "other-id/456" }).ToJson(), """{"authorization": {"status": "denied", "reason": "other", "tags": ["other-id/456"]}}""", "issuingPurchaseAuthorization");
        AssertJson(IssuingPurchaseAuthorizationResponse.Approve(5_000).ToJson(), """{"authorization": {"status": "approved", "amount": 5000}}""", "issuingPurchaseAuthorization");
        Assert.That(IssuingPurchaseAuthorizationResponse.Deadline, Is.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(() => IssuingPurchaseAuthorizationResponse.Approve(-1), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => IssuingPurchaseAuthorizationResponse.Approve(1, new string[] { null! }), Throws.ArgumentException);
    }

    [Test]
    public void IssuingTokenAnswers()
    {
        var approve = IssuingTokenAuthorizationResponse.Approve(
            new[]
            {
                new IssuingTokenActivationMethod { Type = IssuingTokenActivationMethodType.App, Value = "com.subissuer.android" },
                new IssuingTokenActivationMethod { Type = IssuingTokenActivationMethodType.Text, Value = "** *****-5678" },
            },
            "4584031664472031",
            new[] { "token", "user/1234" });
        AssertJson(approve.ToJson(), """
            {"authorization": {"status": "approved", "activationMethods": [{"type": "app", "value": "com.subissuer.android"}, {"type": "text", "value": "** *****-5678"}],
             "designId": "4584031664472031", "tags": ["token", "user/1234"]}}
            """, "issuingTokenAuthorization");
        AssertJson(IssuingTokenAuthorizationResponse.Deny("other").ToJson(), """{"authorization": {"status": "denied", "reason": "other"}}""", "issuingTokenAuthorization");
        Assert.That(IssuingTokenAuthorizationResponse.Deadline, Is.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(() => IssuingTokenAuthorizationResponse.Deny(" "), Throws.ArgumentException);
        Assert.That(() => IssuingTokenAuthorizationResponse.Deny(null!), Throws.ArgumentNullException);

        AssertJson(IssuingTokenActivationResponse.Approve(new[] { "token", "user/1234" }).ToJson(), """{"authorization": {"status": "approved", "tags": ["token", "user/1234"]}}""", "issuingTokenActivationAuthorization");
        AssertJson(IssuingTokenActivationResponse.Deny("other", new[] { "token", "user/1234" }).ToJson(), """{"authorization": {"status": "denied", "reason": "other", "tags": ["token", "user/1234"]}}""", "issuingTokenActivationAuthorization");
    }

    [Test]
    public void DynamicBrcodeReadAnswers()
    {
        var due = new DynamicBrcodeDueResponse
        {
            Version = 1, Created = new DateTimeOffset(2022, 6, 8, 18, 20, 3, TimeSpan.Zero), Due = new DateTimeOffset(2022, 7, 15, 23, 59, 59, TimeSpan.Zero),
            KeyId = "+5511989898989", Status = DynamicBrcodeReadStatus.Created, ReconciliationId = "cd65c78aeb6543eaaa0170f68bd741ee", Amount = 23000,
            SenderName = "Anthony Edward Stark", SenderTaxId = "01.001.001/0001-01", ReceiverName = "Jamie Lannister", ReceiverTaxId = "012.345.678-90",
            ReceiverStreetLine = "Av. Paulista, 200", ReceiverCity = "Sao Paulo", ReceiverStateCode = "SP", ReceiverZipCode = "01234-567",
            Fine = 2.0m, Interest = 1.0m, Discounts = new[] { new DynamicBrcodeDiscount { Percentage = 5.0m, Due = new DateTimeOffset(2022, 7, 10, 23, 59, 59, TimeSpan.Zero) } },
        };
        var json = JObject.Parse(due.ToJson());
        Assert.That((string?)json["keyId"], Is.EqualTo("+5511989898989"));
        AssertJson(due.ToJson(), json.ToString(), "dynamicBrcodeRead");

        var instant = new DynamicBrcodeInstantResponse
        {
            Version = 1, Created = new DateTimeOffset(2022, 6, 8, 18, 20, 3, TimeSpan.Zero), KeyId = "+5511989898989", Status = DynamicBrcodeReadStatus.Created,
            ReconciliationId = "cd65c78aeb6543eaaa0170f68bd741ee", Amount = 1234, AmountType = BrcodePreviewAmountType.Fixed, Expiration = 86400,
        };
        AssertJson(instant.ToJson(), JObject.Parse(instant.ToJson()).ToString(), "dynamicBrcodeRead");
        Assert.That(DynamicBrcodeDueResponse.Deadline, Is.EqualTo(TimeSpan.FromSeconds(5)));

        var incomplete = Assert.Throws<InvalidOperationException>(() => StarkInfraModelFactory.DynamicBrcodeDueResponse(version: 1, amount: 1).ToJson())!;
        Assert.That(incomplete.Message, Does.Contain("created").And.Contain("due").And.Contain("keyId").And.Contain("receiverZipCode"));
        instant.CashAmount = 1000;
        var cash = Assert.Throws<InvalidOperationException>(() => instant.ToJson())!;
        Assert.That(cash.Message, Does.Contain("cashierType").And.Contain("cashierBankCode"));
        instant.CashierType = BrcodePreviewCashierType.Merchant;
        instant.CashierBankCode = "20018183";
        AssertJson(instant.ToJson(), JObject.Parse(instant.ToJson()).ToString(), "dynamicBrcodeRead");
    }

    [Test]
    public async Task AParsedPixRequestIsAnsweredWithTheApproval()
    {
        // The README's flow: parse (verifying the signature) and answer. How fast is measured in the benchmarks
        // (WebhookVerificationBenchmarks), never asserted against the wall clock here.
        await using var emulator = await InfraEmulator.StartAsync();
        var content = Callbacks.PixRequestJson;
        var request = await emulator.Client.PixRequests.ParseAsync(content, TestSupport.SignAsStarkInfra(content));
        var answer = request.Amount <= 5_000
            ? PixRequestAuthorizationResponse.Approve()
            : PixRequestAuthorizationResponse.Deny(PixRequestAuthorizationReason.OrderRejected);
        var json = answer.ToJson();
        Assert.That(json, Is.EqualTo("""{"authorization":{"status":"approved"}}"""));
    }
}
