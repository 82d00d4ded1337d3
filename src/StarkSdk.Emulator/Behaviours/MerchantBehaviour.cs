using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Engine;
using StarkSdk.Emulator.Spec;
using StarkSdk.Emulator.State;

namespace StarkSdk.Emulator.Behaviours;

/// <summary>
/// Card acquiring, after the card payments guide: a merchant session's purchase route checks the session (status,
/// expiration, allowed installment options and funding types, the 3DS fields when challengeMode is enabled), then the
/// card number decides the outcome (<see cref="TestCards"/>). Approved purchases save the card (merchant-card, log
/// active), get their installments and are confirmed; challenge cards stay pending until the admin <c>challenge</c>
/// trigger; declined cards end denied or failed with the reason in the log's errors. A purchase with a saved
/// card (<c>POST /merchant-purchase</c> with cardId) is approved. PATCH cancels (status canceled, amount 0) an approved or
/// confirmed purchase, or reverses (status reversed, lower amount) a confirmed or paid one; 0 voids it. The admin
/// <c>settle</c> trigger pays the installments (crediting the workspace) and marks the purchase paid.
/// </summary>
public sealed class MerchantBehaviour : CollectionBehaviour
{
    /// <summary>The sessions collection.</summary>
    public const string Sessions = "merchant-session";

    /// <summary>The purchases collection.</summary>
    public const string Purchases = "merchant-purchase";

    /// <summary>The saved cards collection.</summary>
    public const string Cards = "merchant-card";

    /// <summary>The installments collection.</summary>
    public const string Installments = "merchant-installment";

    private static readonly string[] ChallengeFields =
        { "holderEmail", "holderPhone", "billingCity", "billingCountryCode", "billingStateCode", "billingStreetLine1", "billingStreetLine2", "billingZipCode" };

    private static readonly string[] ChallengeMetadata = { "userAgent", "userIp", "language" };

    // Set by the session purchase right before the purchase is inserted, read by AfterCreate (all under the state lock).
    private PendingPurchase? _pending;

    /// <summary>Creates the behaviour.</summary>
    public MerchantBehaviour()
        : base(Sessions, Purchases, Cards, Installments)
    {
    }

    private sealed record CardData(string Digits, string Expiration, string HolderName, string FundingType);

    private sealed record PendingPurchase(CardOutcome Outcome, CardData? Card, string? SessionId);

    /// <inheritdoc />
    public override void BeforeCreate(EmulatorContext context, string collection, JObject entity, string path, IList<ApiError> errors)
    {
        switch (collection)
        {
            case Sessions:
                Default(entity, "challengeMode", "enabled");
                Default(entity, "tags", new JArray());
                Default(entity, "allowedIps", new JArray());
                break;
            case Purchases when _pending == null:
                var cardId = (string?)entity["cardId"] ?? "";
                var card = context.Find(Cards, cardId);
                if (card == null)
                {
                    Error(errors, path, "cardId", $"no merchant card has the id '{cardId}'");
                    return;
                }
                if (!StatusIs(card, "active"))
                    Error(errors, path, "cardId", $"the merchant card {cardId} is {(string?)card["status"]}");
                Default(entity, "installmentCount", 1);
                Default(entity, "challengeMode", "disabled");
                Default(entity, "tags", new JArray());
                entity["holderName"] = card["holderName"]?.DeepClone();
                entity["cardEnding"] = card["ending"]?.DeepClone();
                entity["network"] = card["network"]?.DeepClone();
                entity["source"] = $"merchant-card/{cardId}";
                entity["currencyCode"] = "BRL";
                entity["challengeUrl"] = "";
                entity["endToEndId"] = context.Ids.NewUuid();
                break;
        }
    }

    /// <inheritdoc />
    public override void AfterCreate(EmulatorContext context, string collection, JObject entity)
    {
        if (collection != Purchases)
            return;
        var pending = _pending ?? new PendingPurchase(Saved(context, entity), null, null);
        _pending = null;
        Resolve(context, entity, pending);
    }

    /// <inheritdoc />
    public override JToken? Action(EmulatorContext context, SpecOperation operation, JObject entity, JObject? body)
    {
        if (operation.Collection != Sessions || operation.Action != "purchase")
            return null;
        return Purchase(context, entity, body ?? new JObject());
    }

    /// <inheritdoc />
    public override bool Update(EmulatorContext context, string collection, JObject entity, JObject changes)
    {
        if (collection != Purchases)
            return false;
        var status = (string?)changes["status"];
        var amount = LongOr(changes["amount"], -1);
        var current = LongOr(entity["amount"], 0);
        if (status == "canceled")
        {
            if (amount != 0)
                throw new ApiException("invalidAmount", "amount: must be 0 to cancel a purchase");
            if (!StatusIs(entity, "approved", "confirmed"))
                throw WrongStatus(collection, entity, "canceled");
            context.Log(collection, entity, "canceling");
            entity["amount"] = 0;
            context.ChangeStatus(collection, entity, "canceled");
            foreach (var installment in InstallmentsOf(context, entity))
                context.ChangeStatus(Installments, installment, "canceled");
            return true;
        }
        if (status == "reversed")
        {
            if (!StatusIs(entity, "confirmed", "paid"))
                throw WrongStatus(collection, entity, "reversed");
            if (amount < 0 || amount >= current)
                throw new ApiException("invalidAmount", $"amount: must be lower than the current amount ({current}); 0 reverses it fully");
            var wasPaid = StatusIs(entity, "paid");
            context.Log(collection, entity, "reversing");
            entity["amount"] = amount;
            if (wasPaid)
            {
                var id = (string)entity["id"]!;
                Ledger.Post(context, amount - current, $"Merchant purchase reversal ({id})", $"merchant-purchase/{id}");
            }
            if (amount == 0)
            {
                context.ChangeStatus(collection, entity, context.StatusOf(collection, "voided", "void"), "voided");
                foreach (var installment in InstallmentsOf(context, entity))
                    context.ChangeStatus(Installments, installment, context.StatusOf(Installments, "voided", "void"), "voided");
            }
            else
            {
                context.Touch(collection, entity);
                context.Log(collection, entity, "reversed");
            }
            return true;
        }
        throw new ApiException("invalidStatus", "status: must be canceled or reversed");
    }

    /// <inheritdoc />
    public override JToken? Admin(EmulatorContext context, string collection, JObject? entity, string action, JObject body)
    {
        if (collection != Purchases || entity == null)
            return null;
        switch (action)
        {
            case "challenge":
            {
                if (!StatusIs(entity, "pending"))
                    throw WrongStatus(collection, entity, "challenged");
                var record = context.FindRecord(Purchases, (string)entity["id"]!)!;
                var card = record.Extras.TryGetValue("card", out var saved) ? saved.ToObject<CardData>() : null;
                var sessionId = record.Extras.TryGetValue("session", out var session) ? (string?)session : null;
                var approved = (bool?)body["approved"] ?? true;
                var outcome = approved
                    ? new CardOutcome(CardOutcomeKind.Approved)
                    : new CardOutcome(CardOutcomeKind.Denied, "challengeFailed", "The card holder did not pass the 3DS challenge.");
                entity["challengeUrl"] = "";
                Resolve(context, entity, new PendingPurchase(outcome, card, sessionId));
                return new JObject { ["purchase"] = entity };
            }
            case "settle":
            {
                if (!StatusIs(entity, "confirmed"))
                    throw WrongStatus(collection, entity, "settled");
                var id = (string)entity["id"]!;
                foreach (var installment in InstallmentsOf(context, entity).Where(i => StatusIs(i, "created")))
                {
                    var transaction = Ledger.Post(context, LongOr(installment["amount"], 0), $"Merchant installment ({installment["id"]})",
                        $"merchant-installment/{installment["id"]}", null, LongOr(installment["fee"], 0));
                    Ledger.Link(installment, transaction);
                    context.ChangeStatus(Installments, installment, "paid");
                }
                context.ChangeStatus(collection, entity, "paid");
                return new JObject { ["purchase"] = entity, ["installments"] = new JArray(InstallmentsOf(context, entity)) };
            }
            default:
                return null;
        }
    }

    private JToken Purchase(EmulatorContext context, JObject session, JObject body)
    {
        const string sessions = Sessions;
        if (!StatusIs(session, "created", "active"))
            throw WrongStatus(sessions, session, "used for a purchase");
        if ((string?)session["created"] is { } created && Formats.TryParseDateTime(created, out var since)
            && session["expiration"] is { Type: JTokenType.Integer } lifetime && since.AddSeconds((long)lifetime) < context.Now)
            throw new ApiException("invalidMerchantSessionStatus", $"the merchant session {(string?)session["id"]} expired");

        var errors = new List<ApiError>();
        var amount = LongOr(body["amount"], 0);
        var count = LongOr(body["installmentCount"], 1);
        var options = (session["allowedInstallments"] as JArray ?? new JArray()).OfType<JObject>().ToList();
        if (!options.Any(o => LongOr(o["totalAmount"], -1) == amount && LongOr(o["count"], -1) == count))
        {
            var allowed = string.Join(", ", options.Select(o => $"{o["totalAmount"]} in {o["count"]}"));
            Error(errors, "", "amount", $"amount {amount} in {count} installment(s) is not one of the session's allowedInstallments ({allowed})");
        }
        var fundingType = (string?)body["fundingType"];
        if (session["allowedFundingTypes"] is JArray funding && funding.Count > 0 && funding.All(f => (string?)f != fundingType))
            Error(errors, "", "fundingType", $"must be one of the session's allowedFundingTypes ({string.Join(", ", funding)})");
        var challengeEnabled = (string?)session["challengeMode"] == "enabled";
        if (challengeEnabled)
        {
            foreach (var field in ChallengeFields.Where(f => string.IsNullOrWhiteSpace((string?)body[f])))
                Error(errors, "", field, "is required when the session's challengeMode is enabled");
            var metadata = body["metadata"] as JObject;
            foreach (var field in ChallengeMetadata.Where(f => string.IsNullOrWhiteSpace((string?)metadata?[f])))
                Error(errors, "metadata", field, "is required when the session's challengeMode is enabled");
        }
        var digits = BoletoNumbers.Digits((string?)body["cardNumber"]);
        if (!TestCards.IsValidNumber(digits))
            Error(errors, "", "cardNumber", "is not a valid card number");
        if (errors.Count > 0)
            throw new ApiException(errors);

        var expiration = (string?)body["cardExpiration"] ?? "";
        var outcome = TestCards.OutcomeOf(digits, challengeEnabled);
        if (outcome.Kind == CardOutcomeKind.Approved && ExpirationEnd(expiration) is { } end && end < context.Now)
            outcome = new CardOutcome(CardOutcomeKind.Failed, "expiredCard", "The purchase failed: the card is expired.");

        var sessionId = (string)session["id"]!;
        var purchase = new JObject
        {
            ["amount"] = amount,
            ["cardId"] = "",
            ["fundingType"] = fundingType,
            ["installmentCount"] = count,
            ["challengeMode"] = session["challengeMode"]?.DeepClone() ?? "disabled",
            ["holderName"] = body["holderName"]?.DeepClone(),
            ["cardEnding"] = digits.Length >= 4 ? digits.Substring(digits.Length - 4) : digits,
            ["network"] = TestCards.Network(digits),
            ["source"] = $"merchant-session/{sessionId}",
            ["currencyCode"] = "BRL",
            ["challengeUrl"] = "",
            ["endToEndId"] = context.Ids.NewUuid(),
            ["tags"] = new JArray(((body["tags"] as JArray) ?? new JArray()).Concat((session["tags"] as JArray) ?? new JArray())
                .Select(t => (object)t.ToString().ToLowerInvariant()).Distinct().ToArray()),
        };
        foreach (var field in ChallengeFields.Append("metadata"))
        {
            if (body[field] != null)
                purchase[field] = body[field]!.DeepClone();
        }
        _pending = new PendingPurchase(outcome, new CardData(digits, expiration, (string?)body["holderName"] ?? "", fundingType ?? "credit"), sessionId);
        try
        {
            return context.Insert(Purchases, purchase);
        }
        finally
        {
            _pending = null;
        }
    }

    private static CardOutcome Saved(EmulatorContext context, JObject purchase)
    {
        var card = context.FindRecord(Cards, (string?)purchase["cardId"] ?? "");
        var challenge = card != null && card.Extras.ContainsKey("challenge") && (string?)purchase["challengeMode"] == "enabled";
        return challenge ? new CardOutcome(CardOutcomeKind.Challenge) : new CardOutcome(CardOutcomeKind.Approved);
    }

    private static void Resolve(EmulatorContext context, JObject purchase, PendingPurchase pending)
    {
        var id = (string)purchase["id"]!;
        switch (pending.Outcome.Kind)
        {
            case CardOutcomeKind.Approved:
                if (pending.Card != null && string.IsNullOrEmpty((string?)purchase["cardId"]))
                    purchase["cardId"] = SaveCard(context, pending.Card, purchase);
                context.ChangeStatus(Purchases, purchase, "approved");
                CreateInstallments(context, purchase);
                context.ChangeStatus(Purchases, purchase, "confirmed");
                if (pending.SessionId != null && context.Find(Sessions, pending.SessionId) is { } session)
                    context.ChangeStatus(Sessions, session, "success");
                break;
            case CardOutcomeKind.Challenge:
                var record = context.FindRecord(Purchases, id)!;
                if (pending.Card != null)
                    record.Extras["card"] = JObject.FromObject(pending.Card);
                if (pending.SessionId != null)
                    record.Extras["session"] = pending.SessionId;
                purchase["challengeUrl"] = $"{context.BaseUrl}/emulator/{Purchases}/{id}/challenge";
                context.ChangeStatus(Purchases, purchase, "pending");
                break;
            case CardOutcomeKind.Denied:
                context.ChangeStatus(Purchases, purchase, "denied", null, new[] { new ApiError(pending.Outcome.Code!, pending.Outcome.Reason!) });
                break;
            case CardOutcomeKind.Failed:
                context.ChangeStatus(Purchases, purchase, "failed", null, new[] { new ApiError(pending.Outcome.Code!, pending.Outcome.Reason!) });
                break;
        }
    }

    private static string SaveCard(EmulatorContext context, CardData card, JObject purchase)
    {
        var saved = context.Insert(Cards, new JObject
        {
            ["ending"] = card.Digits.Length >= 4 ? card.Digits.Substring(card.Digits.Length - 4) : card.Digits,
            ["expiration"] = ExpirationEnd(card.Expiration) is { } end ? Clock.Iso(end) : JValue.CreateNull(),
            ["fundingType"] = card.FundingType,
            ["holderName"] = card.HolderName,
            ["network"] = TestCards.Network(card.Digits),
            ["status"] = "active",
            ["tags"] = purchase["tags"]?.DeepClone() ?? new JArray(),
        });
        if (card.Digits == TestCards.Challenge)
            context.FindRecord(Cards, (string)saved["id"]!)!.Extras["challenge"] = true;
        return (string)saved["id"]!;
    }

    private static void CreateInstallments(EmulatorContext context, JObject purchase)
    {
        var amount = LongOr(purchase["amount"], 0);
        var count = Math.Max(1, LongOr(purchase["installmentCount"], 1));
        var share = amount / count;
        for (var i = 0; i < count; i++)
        {
            var value = i == 0 ? amount - share * (count - 1) : share;
            context.Insert(Installments, new JObject
            {
                ["amount"] = value,
                ["due"] = Clock.Iso(context.Now.AddDays(30 * (i + 1))),
                ["fee"] = 0,
                ["fundingType"] = purchase["fundingType"]?.DeepClone(),
                ["network"] = purchase["network"]?.DeepClone(),
                ["purchaseId"] = purchase["id"]?.DeepClone(),
                ["tags"] = purchase["tags"]?.DeepClone() ?? new JArray(),
            });
        }
    }

    private static List<JObject> InstallmentsOf(EmulatorContext context, JObject purchase)
    {
        var id = (string?)purchase["id"];
        return context.All(Installments).Where(i => (string?)i["purchaseId"] == id).ToList();
    }

    /// <summary>The last instant of a <c>YYYY-MM</c> card expiration month, or null.</summary>
    private static DateTimeOffset? ExpirationEnd(string expiration)
    {
        if (!DateTime.TryParseExact(expiration, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var month))
            return null;
        return new DateTimeOffset(month.Year, month.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1).AddTicks(-10);
    }
}
