using System.Collections.Generic;
using System.Globalization;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Engine;

namespace StarkSdk.Emulator.Behaviours;

/// <summary>
/// Money in and out of the corporate balance: a corporate invoice is a Pix charge that credits it when paid (admin
/// trigger <c>POST /emulator/corporate-invoice/{id}/pay</c>); a corporate withdrawal moves money from it to the
/// workspace balance at once (a corporate transaction and a workspace transaction).
/// </summary>
public sealed class CorporateFundsBehaviour : CollectionBehaviour
{
    /// <summary>The corporate invoice collection.</summary>
    public const string Invoices = "corporate-invoice";

    /// <summary>The corporate withdrawal collection.</summary>
    public const string Withdrawals = "corporate-withdrawal";

    /// <summary>Creates the behaviour.</summary>
    public CorporateFundsBehaviour()
        : base(Invoices, Withdrawals)
    {
    }

    /// <inheritdoc />
    public override void BeforeCreate(EmulatorContext context, string collection, JObject entity, string path, IList<ApiError> errors)
    {
        var amount = LongOr(entity["amount"], 0);
        if (amount <= 0)
            Error(errors, path, "amount", "must be a positive amount in cents");
        if (collection == Invoices)
        {
            var uuid = context.Ids.NewUuid();
            Default(entity, "name", "Stark Bank Emulator");
            Default(entity, "taxId", "20.018.183/0001-80");
            entity["brcode"] = PixCodes.Dynamic(uuid);
            entity["due"] = context.Now.AddDays(2).ToString("yyyy-MM-ddTHH:mm:ss.ffffff+00:00", CultureInfo.InvariantCulture);
            entity["link"] = $"{context.BaseUrl}/invoicelink/{uuid}";
            entity["corporateTransactionId"] = "";
            return;
        }
        var externalId = (string?)entity["externalId"] ?? "";
        if (context.Find(Withdrawals, externalId, "externalId") != null)
            Error(errors, path, "externalId", $"'{externalId}' was already used by another corporate withdrawal");
        if (amount > CorporateLedger.Amount(context))
            errors.Add(new ApiError("insufficientBalance", $"{(path.Length == 0 ? "" : path + ".")}amount: the corporate balance ({CorporateLedger.Amount(context)}) is lower than {amount}"));
    }

    /// <inheritdoc />
    public override void AfterCreate(EmulatorContext context, string collection, JObject entity)
    {
        if (collection != Withdrawals)
            return;
        var id = (string)entity["id"]!;
        var amount = LongOr(entity["amount"], 0);
        var tags = (entity["tags"] as JArray)?.ToObject<List<string>>();
        var corporate = CorporateLedger.Post(context, -amount, $"Corporate withdrawal ({id})", $"corporate-withdrawal/{id}", tags);
        var workspace = Ledger.Post(context, amount, $"Corporate withdrawal ({id})", $"corporate-withdrawal/{id}", tags);
        entity["corporateTransactionId"] = corporate["id"]!.DeepClone();
        entity["transactionId"] = workspace["id"]!.DeepClone();
        context.Touch(collection, entity);
    }

    /// <inheritdoc />
    public override JToken? Admin(EmulatorContext context, string collection, JObject? entity, string action, JObject body)
    {
        if (collection != Invoices || entity == null || action != "pay")
            return null;
        if (!StatusIs(entity, "created", "overdue"))
            throw WrongStatus(collection, entity, "paid");
        var id = (string)entity["id"]!;
        var transaction = CorporateLedger.Post(context, LongOr(entity["amount"], 0), $"Corporate invoice ({id})", $"corporate-invoice/{id}",
            (entity["tags"] as JArray)?.ToObject<List<string>>());
        entity["corporateTransactionId"] = transaction["id"]!.DeepClone();
        context.ChangeStatus(collection, entity, "paid");
        return new JObject { ["invoice"] = entity.DeepClone(), ["transaction"] = transaction.DeepClone() };
    }
}
