using System;
using System.Collections.Generic;
using System.Globalization;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Engine;
using StarkSdk.Emulator.Spec;

namespace StarkSdk.Emulator.Behaviours;

/// <summary>
/// Boletos: documented defaults (due in 2 days, 2% fine, 1% interest, 59-day overdue limit), a bar code and digitable
/// line carrying the amount; DELETE cancels created/overdue boletos; the sandbox payment (admin <c>pay</c>, the
/// emulator's stand-in for "90% are paid within an hour") marks it paid and credits the workspace.
/// </summary>
public sealed class BoletoBehaviour : CollectionBehaviour
{
    /// <summary>The collection.</summary>
    public const string Collection = "boleto";

    /// <summary>Creates the behaviour.</summary>
    public BoletoBehaviour()
        : base(Collection)
    {
    }

    /// <inheritdoc />
    public override void BeforeCreate(EmulatorContext context, string collection, JObject entity, string path, IList<ApiError> errors)
    {
        if (!IsTaxId((string?)entity["taxId"]))
            Error(errors, path, "taxId", "must be a CPF (11 digits) or a CNPJ (14 digits)");
        if (((string?)entity["receiverName"] == null) != ((string?)entity["receiverTaxId"] == null))
            Error(errors, path, (string?)entity["receiverName"] == null ? "receiverName" : "receiverTaxId", "receiverName and receiverTaxId go together");
        entity["id"] = context.NewId();
        var due = context.Now.AddDays(2).UtcDateTime.Date;
        if ((string?)entity["due"] is { } text && Formats.TryParseDateOrDateTime(text, out var given))
            due = given.UtcDateTime.Date;
        entity["due"] = due.ToString("yyyy-MM-dd'T'23:59:59.999999'+00:00'", CultureInfo.InvariantCulture);
        Default(entity, "fine", 2.0m);
        Default(entity, "interest", 1.0m);
        Default(entity, "overdueLimit", 59);
        foreach (var list in new[] { "descriptions", "discounts", "splits", "tags" })
            Default(entity, list, new JArray());
        var ourNumber = context.Ids.Digits(10);
        var barCode = BoletoNumbers.BarCode(LongOr(entity["amount"], 0), due, "0900" + ourNumber + context.Ids.Digits(11));
        entity["barCode"] = barCode;
        entity["line"] = BoletoNumbers.Line(barCode);
        entity["ourNumber"] = ourNumber;
    }

    /// <inheritdoc />
    public override bool Cancel(EmulatorContext context, string collection, JObject entity)
    {
        if (!StatusIs(entity, "created", "overdue"))
            throw WrongStatus(collection, entity, "canceled");
        context.ChangeStatus(collection, entity, "canceled");
        return true;
    }

    /// <inheritdoc />
    public override JToken? Admin(EmulatorContext context, string collection, JObject? entity, string action, JObject body)
    {
        if (action != "pay" || entity == null)
            return null;
        var (boleto, transaction) = Pay(context, entity, LongOr(body["amount"], 0));
        return new JObject { ["boleto"] = boleto, ["transaction"] = transaction };
    }

    /// <summary>The sandbox payment of a boleto (amount 0 = its amount).</summary>
    public static (JObject Boleto, JObject Transaction) Pay(EmulatorContext context, JObject boleto, long amount)
    {
        if (!StatusIs(boleto, "created", "overdue"))
            throw WrongStatus(Collection, boleto, "paid");
        if (amount <= 0)
            amount = LongOr(boleto["amount"], 0);
        var id = (string)boleto["id"]!;
        boleto["amount"] = amount;
        context.ChangeStatus(Collection, boleto, "paid");
        var transaction = Ledger.Post(context, amount, $"Boleto payment ({id})", $"boleto/{id}", new[] { $"boleto/{id}" });
        Ledger.Link(boleto, transaction);
        context.Touch(Collection, boleto);
        if (context.HasLogType(Collection, "credited"))
            context.Log(Collection, boleto, "credited");
        Splits.CreateFor(context, $"boleto/{id}", boleto);
        return (boleto, transaction);
    }
}
