using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Engine;

namespace StarkSdk.Emulator.Behaviours;

/// <summary>
/// Corporate cards: holders and their cards (blocking, unblocking and canceling, each logged), and the purchases the
/// card networks send, emulated by the admin trigger <c>POST /emulator/corporate-card/{id}/purchase</c>
/// (<c>{"amount": 1000, "merchantName": "...", "merchantCategoryType": "food"}</c>): approved when the card and its
/// holder are active, their rules allow the amount and the corporate balance plus its limit covers it, and then debited
/// from the corporate balance; denied otherwise (the log's errors say why).
/// </summary>
public sealed class CorporateCardBehaviour : CollectionBehaviour
{
    /// <summary>The holder collection.</summary>
    public const string Holders = "corporate-holder";

    /// <summary>The card collection.</summary>
    public const string Cards = "corporate-card";

    /// <summary>The purchase collection.</summary>
    public const string Purchases = "corporate-purchase";

    // POST /v2/corporate-card/token creates a card: the engine names that route's collection after its path.
    private const string CardCreation = "corporate-card/token";

    /// <summary>Creates the behaviour.</summary>
    public CorporateCardBehaviour()
        : base(Holders, Cards, CardCreation, Purchases, CorporateLedger.BalanceCollection)
    {
    }

    /// <inheritdoc />
    public override void Seed(EmulatorContext context) => CorporateLedger.Balance(context);

    /// <inheritdoc />
    public override void BeforeCreate(EmulatorContext context, string collection, JObject entity, string path, IList<ApiError> errors)
    {
        switch (collection)
        {
            case Holders:
                Default(entity, "rules", new JArray());
                Default(entity, "permissions", new JArray());
                CheckRules(entity, path, errors);
                break;
            case CardCreation:
                CreateCard(context, entity, path, errors);
                break;
        }
    }

    /// <inheritdoc />
    public override bool Update(EmulatorContext context, string collection, JObject entity, JObject changes)
    {
        if (collection is not (Holders or Cards))
            return false;
        if (StatusIs(entity, "canceled", "expired"))
            throw WrongStatus(collection, entity, "updated");
        var status = (string?)changes["status"];
        if (status != null && status is not ("active" or "blocked"))
            throw new ApiException("invalidStatus", "status: must be active or blocked");
        var errors = new List<ApiError>();
        CheckRules(changes, "", errors);
        if (errors.Count > 0)
            throw new ApiException(errors);
        var before = (string?)entity["status"];
        foreach (var property in changes.Properties().Where(p => p.Name != "pin"))
            entity[property.Name] = property.Value.DeepClone();
        context.Touch(collection, entity);
        var type = status == "blocked" && before != "blocked" ? "blocked"
            : status == "active" && before == "blocked" ? "unblocked"
            : "updated";
        context.Log(collection, entity, type);
        return true;
    }

    /// <inheritdoc />
    public override bool Cancel(EmulatorContext context, string collection, JObject entity)
    {
        if (collection is not (Holders or Cards))
            return false;
        if (StatusIs(entity, "canceled"))
            throw WrongStatus(collection, entity, "canceled");
        context.ChangeStatus(collection, entity, "canceled", "canceled");
        if (collection == Holders)
        {
            // A canceled holder's cards cannot be used any more.
            foreach (var card in context.All(Cards).Where(c => (string?)c["holderId"] == (string?)entity["id"] && !StatusIs(c, "canceled")).ToList())
                context.ChangeStatus(Cards, card, "canceled", "canceled");
        }
        return true;
    }

    /// <inheritdoc />
    public override JToken? Admin(EmulatorContext context, string collection, JObject? entity, string action, JObject body)
    {
        if (collection != Cards || entity == null || action != "purchase")
            return null;
        var amount = LongOr(body["amount"], 0);
        if (amount <= 0)
            throw new ApiException("invalidAmount", "amount: a positive amount in cents is required");
        var holder = context.Find(Holders, (string?)entity["holderId"] ?? "");
        var reasons = DenialReasons(context, entity, holder, amount);
        var id = context.NewId();
        var purchase = new JObject
        {
            ["id"] = id,
            ["holderId"] = entity["holderId"]?.DeepClone(),
            ["holderName"] = entity["holderName"]?.DeepClone(),
            ["centerId"] = holder?["centerId"]?.DeepClone() ?? "",
            ["cardId"] = entity["id"]!.DeepClone(),
            ["cardEnding"] = ((string?)entity["number"] ?? "0000").Substring(Math.Max(0, ((string?)entity["number"] ?? "0000").Length - 4)),
            ["description"] = (string?)body["description"] ?? "Card purchase",
            ["amount"] = amount,
            ["tax"] = 0,
            ["issuerAmount"] = amount,
            ["issuerCurrencyCode"] = "BRL",
            ["issuerCurrencySymbol"] = "R$",
            ["merchantAmount"] = amount,
            ["merchantCurrencyCode"] = "BRL",
            ["merchantCurrencySymbol"] = "R$",
            ["merchantCategoryCode"] = (string?)body["merchantCategoryCode"] ?? "fastFoodRestaurants",
            ["merchantCategoryType"] = (string?)body["merchantCategoryType"] ?? "food",
            ["merchantCountryCode"] = (string?)body["merchantCountryCode"] ?? "BRA",
            ["merchantName"] = (string?)body["merchantName"] ?? "Emulated Merchant",
            ["merchantDisplayName"] = (string?)body["merchantName"] ?? "Emulated Merchant",
            ["merchantDisplayUrl"] = "",
            ["merchantFee"] = 0,
            ["methodCode"] = (string?)body["methodCode"] ?? "token",
            ["tags"] = new JArray(),
            ["corporateTransactionIds"] = new JArray(),
            ["status"] = reasons.Count == 0 ? "approved" : "denied",
        };
        if (reasons.Count == 0)
        {
            var transaction = CorporateLedger.Post(context, -amount, $"Corporate purchase ({id})", $"corporate-purchase/{id}");
            ((JArray)purchase["corporateTransactionIds"]!).Add(transaction["id"]!.DeepClone());
        }
        var stored = context.Insert(Purchases, purchase);
        if (reasons.Count > 0)
        {
            // Insert logged the denial without its reasons: replace that log with one that carries them.
            var logs = context.Catalog.Get(Purchases).Logs;
            var first = logs == null ? null : context.All(logs.Name).FirstOrDefault(l => (string?)l["purchase"]?["id"] == id);
            if (first != null && logs != null)
                context.Remove(logs.Name, (string)first["id"]!);
            context.Log(Purchases, stored, "denied", reasons);
        }
        return new JObject { ["purchase"] = stored.DeepClone() };
    }

    private static List<ApiError> DenialReasons(EmulatorContext context, JObject card, JObject? holder, long amount)
    {
        var reasons = new List<ApiError>();
        if (!StatusIs(card, "active"))
            reasons.Add(new ApiError("invalidCardStatus", $"the card is {(string?)card["status"]}"));
        if (holder == null || !StatusIs(holder, "active"))
            reasons.Add(new ApiError("invalidHolderStatus", $"the holder is {(string?)holder?["status"] ?? "unknown"}"));
        foreach (var rule in new[] { card["rules"], holder?["rules"] }.OfType<JArray>().SelectMany(r => r).OfType<JObject>())
        {
            if (LongOr(rule["amount"], long.MaxValue) < amount)
                reasons.Add(new ApiError("ruleLimitExceeded", $"the rule {(string?)rule["name"]} allows {(long)rule["amount"]!} per {(string?)rule["interval"] ?? "day"}"));
        }
        if (CorporateLedger.Available(context) < amount)
            reasons.Add(new ApiError("insufficientBalance", $"the corporate balance and limit ({CorporateLedger.Available(context)}) do not cover {amount}"));
        return reasons;
    }

    private static void CreateCard(EmulatorContext context, JObject entity, string path, IList<ApiError> errors)
    {
        var holder = context.Find(Holders, (string?)entity["holderId"] ?? "");
        if (holder == null)
            Error(errors, path, "holderId", $"no corporate holder has the id '{(string?)entity["holderId"]}'");
        else if (!StatusIs(holder, "active"))
            Error(errors, path, "holderId", $"the holder is {(string?)holder["status"]}");
        CheckRules(entity, path, errors);
        if (errors.Count > 0 || holder == null)
            return;
        var digits = context.Ids.Digits(4);
        Default(entity, "displayName", ((string?)holder["name"] ?? "").ToUpperInvariant());
        Default(entity, "rules", new JArray());
        entity["holderName"] = holder["name"]!.DeepClone();
        entity["type"] = "virtual";
        entity["number"] = "**** **** **** " + digits;
        entity["securityCode"] = "***";
        entity["expiration"] = context.Now.AddYears(4).ToString("yyyy-MM-ddT00:00:00.000000+00:00", CultureInfo.InvariantCulture);
        // The card lives in the corporate-card collection (GET /v2/corporate-card/{id}); the creation route answers it.
        var card = context.Insert(Cards, (JObject)entity.DeepClone());
        foreach (var property in card.Properties())
            entity[property.Name] = property.Value.DeepClone();
    }

    private static void CheckRules(JObject entity, string path, IList<ApiError> errors)
    {
        if (entity["rules"] is not JArray rules)
            return;
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is not JObject rule)
                continue;
            if (LongOr(rule["amount"], -1) < 0)
                Error(errors, path.Length == 0 ? $"rules[{i}]" : $"{path}.rules[{i}]", "amount", "must be a non-negative amount in cents");
            Default(rule, "id", "");
            Default(rule, "interval", "day");
            Default(rule, "currencyCode", "BRL");
        }
    }
}
