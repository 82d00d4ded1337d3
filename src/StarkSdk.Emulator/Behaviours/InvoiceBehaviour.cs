using System.Collections.Generic;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Engine;
using StarkSdk.Emulator.State;

namespace StarkSdk.Emulator.Behaviours;

/// <summary>
/// Invoices: documented defaults (due in 2 days, 59-day expiration, 2% fine, 1% interest), a BR code, links; PATCH
/// cancels (created/overdue only), changes amount/due/expiration before payment, or lowers the amount of a paid
/// invoice (a reversal); the sandbox payment (admin <c>pay</c>) marks it paid, records who paid
/// (<c>GET /invoice/{id}/payment</c>), credits the workspace and creates the Deposit (tag <c>invoice/{id}</c>).
/// </summary>
public sealed class InvoiceBehaviour : CollectionBehaviour
{
    /// <summary>The collection.</summary>
    public const string Collection = "invoice";

    /// <summary>Creates the behaviour.</summary>
    public InvoiceBehaviour()
        : base(Collection)
    {
    }

    /// <inheritdoc />
    public override void BeforeCreate(EmulatorContext context, string collection, JObject entity, string path, IList<ApiError> errors)
    {
        if (!IsTaxId((string?)entity["taxId"]))
            Error(errors, path, "taxId", "must be a CPF (11 digits) or a CNPJ (14 digits)");
        var id = context.NewId();
        entity["id"] = id;
        Default(entity, "due", Clock.Iso(context.Now.AddDays(2)));
        Default(entity, "expiration", 5097600);
        Default(entity, "fine", 2.0m);
        Default(entity, "interest", 1.0m);
        foreach (var list in new[] { "discounts", "descriptions", "rules", "splits", "tags" })
            Default(entity, list, new JArray());
        var amount = LongOr(entity["amount"], 0);
        entity["nominalAmount"] = amount;
        entity["fineAmount"] = 0;
        entity["interestAmount"] = 0;
        entity["discountAmount"] = 0;
        entity["brcode"] = PixCodes.Dynamic(context.Ids.NewUuid());
        entity["link"] = $"{context.BaseUrl}/invoicelink/{id}";
        entity["pdf"] = $"{context.BaseUrl}/{context.Version}/invoice/{id}/pdf";
    }

    /// <inheritdoc />
    public override bool Update(EmulatorContext context, string collection, JObject entity, JObject changes)
    {
        var status = (string?)changes["status"];
        if (status != null)
        {
            if (status != "canceled")
                throw new ApiException("invalidStatus", "status: only \"canceled\" can be set");
            if (!StatusIs(entity, "created", "overdue"))
                throw WrongStatus(collection, entity, "canceled");
            context.ChangeStatus(collection, entity, "canceled");
            return true;
        }
        if (StatusIs(entity, "paid"))
        {
            if (changes["amount"] is not { } newAmount || changes.Count != 1)
                throw WrongStatus(collection, entity, "changed other than by lowering its amount");
            var amount = (long)newAmount;
            var current = LongOr(entity["amount"], 0);
            if (amount >= current)
                throw new ApiException("invalidAmount", $"amount: a paid invoice can only be lowered (reversed); it is {current}");
            context.Log(collection, entity, "reversing");
            var transaction = Ledger.Post(context, amount - current, $"Invoice reversal ({entity["id"]})", $"invoice/{entity["id"]}");
            Ledger.Link(entity, transaction);
            entity["amount"] = amount;
            context.Touch(collection, entity);
            context.Log(collection, entity, "reversed");
            return true;
        }
        if (!StatusIs(entity, "created", "overdue"))
            throw WrongStatus(collection, entity, "updated");
        foreach (var property in changes.Properties())
            entity[property.Name] = property.Value.DeepClone();
        if (changes["amount"] != null)
            entity["nominalAmount"] = changes["amount"]!.DeepClone();
        context.Touch(collection, entity);
        context.Log(collection, entity, "updated");
        return true;
    }

    /// <inheritdoc />
    public override JToken? SubResource(EmulatorContext context, Spec.SpecOperation operation, JObject entity)
    {
        if (operation.Action != "payment")
            return null;
        var record = context.FindRecord(Collection, (string)entity["id"]!);
        if (record != null && record.Extras.TryGetValue("payment", out var payment))
            return payment;
        throw WrongStatus(Collection, entity, "read as paid");
    }

    /// <inheritdoc />
    public override JToken? Admin(EmulatorContext context, string collection, JObject? entity, string action, JObject body)
    {
        if (action != "pay" || entity == null)
            return null;
        var (invoice, deposit) = Pay(context, entity, LongOr(body["amount"], 0), Payer.From(body, context));
        return new JObject { ["invoice"] = invoice, ["deposit"] = deposit };
    }

    /// <summary>The sandbox payment of an invoice by <paramref name="payer"/> (amount 0 = the invoice's amount).</summary>
    public static (JObject Invoice, JObject Deposit) Pay(EmulatorContext context, JObject invoice, long amount, Payer payer)
    {
        if (!StatusIs(invoice, "created", "overdue"))
            throw WrongStatus(Collection, invoice, "paid");
        if (amount <= 0)
            amount = LongOr(invoice["amount"], 0);
        if (amount <= 0)
            throw new ApiException("invalidAmount", "amount: this invoice accepts any amount; say how much is paid");
        var id = (string)invoice["id"]!;
        var record = context.FindRecord(Collection, id)!;
        record.Extras["payment"] = new JObject
        {
            ["amount"] = amount,
            ["name"] = payer.Name,
            ["taxId"] = payer.TaxId,
            ["bankCode"] = payer.BankCode,
            ["branchCode"] = payer.BranchCode,
            ["accountNumber"] = payer.AccountNumber,
            ["accountType"] = payer.AccountType,
            ["endToEndId"] = payer.EndToEndId(context),
            ["method"] = "pix",
        };
        invoice["amount"] = amount;
        context.ChangeStatus(Collection, invoice, "paid");
        var (transaction, deposit) = payer.Deposit(context, amount, $"invoice/{id}", $"Invoice payment ({id})", $"invoice/{id}");
        Ledger.Link(invoice, transaction);
        context.Touch(Collection, invoice);
        context.Log(Collection, invoice, "credited");
        Splits.CreateFor(context, $"invoice/{id}", invoice);
        return (invoice, deposit);
    }
}
