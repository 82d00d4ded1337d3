using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace StarkSdk.Infra.Tests;

/// <summary>
/// A signed callback of the spec (an x-stark-callback entry of <c>webhooks:</c>): what Stark Infra sends, the SDK method
/// that verifies it, and what the parsed result must hold.
/// </summary>
/// <param name="OperationId">The webhooks operationId the SDK method is tagged with.</param>
/// <param name="Content">The signed content: the raw body, or for the BR code read the uuid.</param>
/// <param name="Parse">Calls the SDK method with the content and signature; returns the result.</param>
/// <param name="Check">Asserts on the result of a genuine callback.</param>
internal sealed record CallbackCase(string OperationId, string Content, Func<StarkInfraClient, string, string?, Task<object>> Parse, Action<object> Check)
{
    public override string ToString() => OperationId;

    /// <summary>Signs the content as Stark Infra, verifies and parses it with the SDK, checks the result, and records it.</summary>
    public async Task VerifyAsync(InfraEmulator e)
    {
        var result = await Parse(e.Client, Content, TestSupport.SignAsStarkInfra(Content));
        Check(result);
        e.Calls.Callback(OperationId);
    }
}

internal static class Callbacks
{
    public const string PixRequestJson = """
        {"id": "5155165527080960", "amount": 1000, "externalId": "2135613462", "senderName": "Tony Stark", "senderTaxId": "012.345.678-90",
         "senderBankCode": "00000000", "senderBranchCode": "0000", "senderAccountNumber": "00000-0", "senderAccountType": "checking",
         "receiverName": "Jamie Lannister", "receiverTaxId": "45.987.245/0001-92", "receiverBankCode": "20018183", "receiverBranchCode": "0001",
         "receiverAccountNumber": "00000-1", "receiverAccountType": "checking", "endToEndId": "E00000000202201060100rzsJzG9PzMg",
         "description": "For saving my life", "fee": 0, "status": "created", "flow": "in", "tags": [],
         "created": "2022-01-06T01:00:12.123456+00:00", "updated": "2022-01-06T01:00:12.123456+00:00"}
        """;

    public const string PixReversalJson = """
        {"id": "5155165527080961", "amount": 100, "endToEndId": "E00000000202201060100rzsJzG9PzMg", "externalId": "17238435823958934",
         "reason": "bankError", "returnId": "D20018183202202030109X3OoBHG74wo", "fee": 0, "status": "created", "flow": "in", "tags": [],
         "created": "2022-02-03T01:09:00.000000+00:00", "updated": "2022-02-03T01:09:00.000000+00:00"}
        """;

    public const string IssuingPurchaseJson = """
        {"holderName": "Tony Stark", "cardId": "5634941925081088", "cardEnding": "4387", "purpose": "purchase", "amount": 10000, "tax": 0,
         "issuerAmount": 10000, "issuerCurrencyCode": "BRL", "issuerCurrencySymbol": "R$", "merchantAmount": 10000, "merchantCurrencyCode": "BRL",
         "merchantCurrencySymbol": "R$", "merchantCategoryCode": "fastFoodRestaurants", "merchantCountryCode": "BRA", "acquirerId": "236090",
         "merchantId": "204933612653639", "merchantName": "Stark Burgers", "merchantFee": 0, "walletId": "", "methodCode": "chip", "score": null,
         "endToEndId": "b8d4b1ef-3d72-4a3c-9be4-2d3f2a9c8f61", "zipCode": "01310-000", "isPartialAllowed": false,
         "cardTags": ["travel"], "holderTags": ["traveler-employee"]}
        """;

    public const string TokenJson = """
        {"cardId": "5189831499972623", "externalId": "DSHRMC00002626944b0e3b539d4d459281bdba90c2588791", "walletId": "google",
         "walletInstanceId": "2d45c1a6d5e24ac4b8c1a9e6d6a3f0b7", "walletName": "Google Pay", "merchantId": "", "methodCode": "app",
         "deviceType": "SMARTPHONE", "deviceName": "My phone", "deviceSerialNumber": "2F6D63", "deviceOsName": "Android",
         "deviceOsVersion": "4.4.4", "deviceImei": "352716085692471", "status": "pending", "tags": []}
        """;

    public const string TokenActivationCheckJson = """
        {"cardId": "5189831499972623", "walletId": "google", "walletName": "Google Pay", "methodCode": "app", "status": "pending",
         "id": "5749080709922816", "activationCode": "123456", "tags": [], "created": "2022-11-01T12:30:00.000000+00:00"}
        """;

    public const string TokenActivationJson = """
        {"cardId": "5189831499972623", "tokenId": "5749080709922816", "tags": ["token", "user/1234"], "activationMethod": {"type": "text", "value": "** *****-5678"}}
        """;

    public const string EventJson = """
        {"event": {"id": "5732829530963968", "created": "2022-01-20T14:30:01.000000+00:00", "subscription": "pix-key", "workspaceId": "5078376503050240",
          "log": {"id": "6365510001430528", "created": "2022-01-20T14:30:00.000000+00:00", "type": "created", "errors": [],
            "key": {"id": "+5511989898989", "accountCreated": "2022-02-01T00:00:00+00:00", "accountNumber": "76543", "accountType": "savings",
              "branchCode": "1234", "name": "Jamie Lannister", "taxId": "012.345.678-90", "status": "created", "tags": []}}}}
        """;

    public const string BrcodeUuid = "ac7caa14e601461dbd6b12bf7e4cc48e";

    public static IReadOnlyList<CallbackCase> All { get; } = new[]
    {
        new CallbackCase("receivePixRequestAuthorization", PixRequestJson,
            async (c, content, signature) => await c.PixRequests.ParseAsync(content, signature),
            result =>
            {
                var request = (PixRequest)result;
                Assert.That(request.Id, Is.EqualTo("5155165527080960"));
                Assert.That(request.Amount, Is.EqualTo(1000));
                Assert.That(request.Flow, Is.EqualTo(PixRequestFlow.In));
                Assert.That(request.EndToEndId, Is.EqualTo("E00000000202201060100rzsJzG9PzMg"));
            }),
        new CallbackCase("receivePixReversalAuthorization", PixReversalJson,
            async (c, content, signature) => await c.PixReversals.ParseAsync(content, signature),
            result =>
            {
                var reversal = (PixReversal)result;
                Assert.That(reversal.ReturnId, Is.EqualTo("D20018183202202030109X3OoBHG74wo"));
                Assert.That(reversal.Reason, Is.EqualTo(PixReversalReason.BankError));
            }),
        new CallbackCase("receiveIssuingPurchaseAuthorization", IssuingPurchaseJson,
            async (c, content, signature) => await c.IssuingPurchases.ParseAsync(content, signature),
            result =>
            {
                var purchase = (IssuingPurchaseAuthorizationRequest)result;
                Assert.That(purchase.Amount, Is.EqualTo(10_000));
                Assert.That(purchase.MerchantName, Is.EqualTo("Stark Burgers"));
                Assert.That(purchase.CardTags, Is.EqualTo(new[] { "travel" }));
            }),
        new CallbackCase("receiveIssuingTokenAuthorization", TokenJson,
            async (c, content, signature) => await c.IssuingTokens.ParseAuthorizationAsync(content, signature),
            result => Assert.That(((IssuingTokenAuthorizationRequest)result).WalletName, Is.EqualTo("Google Pay"))),
        new CallbackCase("receiveIssuingTokenActivationAuthorization", TokenActivationCheckJson,
            async (c, content, signature) => await c.IssuingTokens.ParseActivationAsync(content, signature),
            result => Assert.That(((IssuingTokenAuthorizationRequest)result).ActivationCode, Is.EqualTo("123456"))),
        new CallbackCase("receiveIssuingTokenActivation", TokenActivationJson,
            async (c, content, signature) => await c.IssuingTokenActivations.ParseAsync(content, signature),
            result =>
            {
                var activation = (IssuingTokenActivation)result;
                Assert.That(activation.TokenId, Is.EqualTo("5749080709922816"));
                Assert.That(activation.ActivationMethod!.Type, Is.EqualTo(IssuingTokenActivationMethodType.Text));
            }),
        new CallbackCase("receiveEvent", EventJson,
            async (c, content, signature) => await c.Events.ParseAsync(content, signature),
            result =>
            {
                Assert.That(result, Is.InstanceOf<PixKeyEvent>());
                Assert.That(((PixKeyEvent)result).Log.Key.Name, Is.EqualTo("Jamie Lannister"));
            }),
        new CallbackCase("receiveDynamicBrcodeRead", BrcodeUuid,
            async (c, content, signature) => await c.DynamicBrcodes.VerifyAsync(content, signature),
            result => Assert.That(result, Is.EqualTo(BrcodeUuid))),
    };
}
