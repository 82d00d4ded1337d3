using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Engine;
using StarkSdk.Emulator.Spec;

namespace StarkSdk.Emulator.Behaviours;

/// <summary>
/// Cash-outs: transfers and brcode, boleto, utility, tax and DARF payments. They are created with status
/// <c>created</c> and wait: the admin <c>settle</c> trigger moves one (or, on the collection, every pending one)
/// through processing (log <c>sending</c>/<c>processing</c>) to <c>success</c> (debiting the balance) or <c>failed</c>.
/// Creation fills what the docs say the API reads from the code: a brcode payment's amount and receiver from the BR code
/// (and from invoices and dynamic BR codes of this emulator), a boleto payment's amount from the line or bar code.
/// A settled payment of this emulator's own invoice, dynamic BR code or boleto pays it (the loop closes locally).
/// DELETE (or a brcode payment's PATCH to canceled) cancels while the payment is still <c>created</c>.
/// </summary>
public sealed class PaymentBehaviour : CollectionBehaviour
{
    private static readonly string[] Collections = { "transfer", "brcode-payment", "boleto-payment", "utility-payment", "tax-payment", "darf-payment" };

    /// <summary>Creates the behaviour.</summary>
    public PaymentBehaviour()
        : base(Collections)
    {
    }

    /// <inheritdoc />
    public override void BeforeCreate(EmulatorContext context, string collection, JObject entity, string path, IList<ApiError> errors)
    {
        switch (collection)
        {
            case "transfer":
                if ((string?)entity["externalId"] is { } externalId && context.All(collection).Any(t => (string?)t["externalId"] == externalId))
                    Error(errors, path, "externalId", $"a transfer with the externalId '{externalId}' already exists");
                if (!IsTaxId((string?)entity["taxId"]))
                    Error(errors, path, "taxId", "must be a CPF (11 digits) or a CNPJ (14 digits)");
                Default(entity, "accountType", "checking");
                break;
            case "brcode-payment":
                FillBrcode(context, entity, path, errors);
                break;
            case "darf-payment":
                entity["amount"] = LongOr(entity["nominalAmount"], 0) + LongOr(entity["fineAmount"], 0) + LongOr(entity["interestAmount"], 0);
                break;
            case "boleto-payment":
            case "utility-payment":
            case "tax-payment":
                FillLine(context, collection, entity, path, errors);
                break;
        }
        Default(entity, "tags", new JArray());
        if (context.Catalog.Get(collection).Has("scheduled"))
            Default(entity, "scheduled", context.NowIso());
        Ledger.EnsureFunds(context, Amount(entity), path.Length == 0 ? "amount" : path + ".amount", errors);
    }

    /// <inheritdoc />
    public override bool Cancel(EmulatorContext context, string collection, JObject entity)
    {
        if (!StatusIs(entity, "created"))
            throw WrongStatus(collection, entity, "canceled");
        context.ChangeStatus(collection, entity, "canceled");
        return true;
    }

    /// <inheritdoc />
    public override bool Update(EmulatorContext context, string collection, JObject entity, JObject changes)
    {
        if (collection != "brcode-payment")
            return false;
        if ((string?)changes["status"] != "canceled")
            throw new ApiException("invalidStatus", "status: only \"canceled\" can be set");
        if (!StatusIs(entity, "created"))
            throw WrongStatus(collection, entity, "canceled");
        context.Log(collection, entity, "canceling");
        context.ChangeStatus(collection, entity, "canceled");
        return true;
    }

    /// <inheritdoc />
    public override JToken? Admin(EmulatorContext context, string collection, JObject? entity, string action, JObject body)
    {
        if (action != "settle")
            return null;
        var success = (bool?)body["success"] ?? true;
        var reason = (string?)body["reason"] ?? "The payment was refused by the receiving institution (emulated failure).";
        if (entity != null)
            return Settle(context, collection, entity, success, reason);
        var settled = new JArray();
        foreach (var pending in context.All(collection).Where(e => StatusIs(e, "created", "processing")).ToList())
            settled.Add(Settle(context, collection, pending, success, reason));
        return new JObject { [Naming.Camel(collection) + "s"] = settled };
    }

    /// <summary>Moves a pending cash-out to success (debiting the balance) or failed.</summary>
    public static JObject Settle(EmulatorContext context, string collection, JObject entity, bool success, string reason)
    {
        if (!StatusIs(entity, "created", "processing"))
            throw WrongStatus(collection, entity, "settled");
        if (StatusIs(entity, "created"))
            context.ChangeStatus(collection, entity, "processing", context.LogTypeOf(collection, "sending", "processing"));
        if (!success)
            return context.ChangeStatus(collection, entity, "failed", null, new[] { new ApiError("paymentFailed", reason) });
        var amount = Amount(entity);
        if (context.Options.EnforceBalance && amount > Ledger.Balance(context))
            return context.ChangeStatus(collection, entity, "failed", null, new[] { new ApiError("insufficientBalance", "The workspace balance is too low.") });
        var id = (string)entity["id"]!;
        var transaction = Ledger.Post(context, -amount, $"{Naming.Words(collection)} ({id})", $"{collection}/{id}", (entity["tags"] as JArray)?.Select(t => t.ToString()),
            LongOr(entity["fee"], 0));
        Ledger.Link(entity, transaction);
        context.ChangeStatus(collection, entity, "success");
        PayLocalTarget(context, collection, entity, amount);
        return entity;
    }

    private static void PayLocalTarget(EmulatorContext context, string collection, JObject entity, long amount)
    {
        var payer = new Payer("Stark Bank Emulator", "20.018.183/0001-80", "20018183", "0001", context.WorkspaceId, "payment");
        if (collection == "brcode-payment" && (string?)entity["brcode"] is { } brcode)
        {
            var invoice = context.All(InvoiceBehaviour.Collection).FirstOrDefault(i => (string?)i["brcode"] == brcode && StatusIs(i, "created", "overdue"));
            if (invoice != null)
            {
                InvoiceBehaviour.Pay(context, invoice, amount, payer);
                return;
            }
            var dynamic = context.Find(DynamicBrcodeBehaviour.Collection, brcode);
            if (dynamic != null && !context.FindRecord(DynamicBrcodeBehaviour.Collection, brcode)!.Extras.ContainsKey("paid"))
                DynamicBrcodeBehaviour.Pay(context, dynamic, amount, payer);
        }
        else if (collection == "boleto-payment")
        {
            var code = (string?)entity["line"] ?? (string?)entity["barCode"];
            var boleto = context.All(BoletoBehaviour.Collection).FirstOrDefault(b =>
                StatusIs(b, "created", "overdue") && (BoletoNumbers.SameDocument((string?)b["line"], code) || BoletoNumbers.SameDocument((string?)b["barCode"], code)));
            if (boleto != null)
                BoletoBehaviour.Pay(context, boleto, amount);
        }
    }

    private static long Amount(JObject entity) => LongOr(entity["amount"], 0);

    private static void FillBrcode(EmulatorContext context, JObject entity, string path, IList<ApiError> errors)
    {
        var brcode = (string?)entity["brcode"] ?? "";
        var invoice = context.All(InvoiceBehaviour.Collection).FirstOrDefault(i => (string?)i["brcode"] == brcode);
        var dynamic = context.Find(DynamicBrcodeBehaviour.Collection, brcode);
        long? known = invoice != null ? LongOr(invoice["amount"], 0) : dynamic != null ? LongOr(dynamic["amount"], 0) : PixCodes.Amount(brcode);
        if (known == 0)
            known = null;
        if (entity["amount"] == null)
        {
            if (known == null)
                Error(errors, path, "amount", "is required: the brcode carries no amount");
            else
                entity["amount"] = known.Value;
        }
        if (!PixCodes.IsBrcode(brcode) && invoice == null && dynamic == null)
            Error(errors, path, "brcode", "is not a Pix BR code (EMV payload)");
        entity["name"] = invoice != null ? "Stark Bank Emulator" : PixCodes.ReceiverName(brcode) ?? (JToken)JValue.CreateNull();
        entity["type"] = dynamic != null || invoice != null || PixCodes.IsDynamic(brcode) ? "dynamic" : "static";
        Default(entity, "rules", new JArray());
    }

    private static void FillLine(EmulatorContext context, string collection, JObject entity, string path, IList<ApiError> errors)
    {
        var line = (string?)entity["line"];
        var barCode = (string?)entity["barCode"];
        if (line == null && barCode == null)
        {
            Error(errors, path, "line", "line or barCode is required");
            return;
        }
        if (line != null && barCode != null && !BoletoNumbers.SameDocument(line, barCode))
            Error(errors, path, "barCode", "does not match the line");
        // Stark Bank reads the kind of bill from the code: the segment digit of a collection (arrecadacao) code.
        if (collection == "tax-payment")
            entity["type"] = BoletoNumbers.Digits(line ?? barCode) is { Length: > 1 } code && code[1] == '1' ? "iss" : "das";
        else if (collection == "utility-payment")
            entity["type"] = "utility";
        if (entity["amount"] != null)
            return;
        var amount = BoletoNumbers.Amount(line ?? barCode);
        if (collection == "boleto-payment")
        {
            var code = line ?? barCode;
            var boleto = context.All(BoletoBehaviour.Collection).FirstOrDefault(b =>
                BoletoNumbers.SameDocument((string?)b["line"], code) || BoletoNumbers.SameDocument((string?)b["barCode"], code));
            if (boleto != null)
                amount = LongOr(boleto["amount"], 0);
        }
        if (context.Catalog.Get(collection).Has("amount"))
            entity["amount"] = amount ?? 0;
    }
}
