using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Engine;

namespace StarkSdk.Emulator.Behaviours;

/// <summary>
/// Verified accounts and the transfers sent to them. An account (bank, branch and number, or a Pix key) is checked at
/// once, as the sandbox does: created, processing, then active (each logged). A verified transfer needs an active
/// account and leaves the workspace balance at once (a transaction, status success).
/// </summary>
public sealed class VerifiedAccountBehaviour : CollectionBehaviour
{
    /// <summary>The account collection.</summary>
    public const string Accounts = "verified-account";

    /// <summary>The transfer collection.</summary>
    public const string Transfers = "verified-transfer";

    /// <summary>Creates the behaviour.</summary>
    public VerifiedAccountBehaviour()
        : base(Accounts, Transfers)
    {
    }

    /// <inheritdoc />
    public override void BeforeCreate(EmulatorContext context, string collection, JObject entity, string path, IList<ApiError> errors)
    {
        if (collection == Accounts)
        {
            if (!IsTaxId((string?)entity["taxId"]))
                Error(errors, path, "taxId", "must be a CPF or CNPJ");
            var byKey = entity["keyId"] != null;
            var byAccount = entity["bankCode"] != null && entity["branchCode"] != null && entity["number"] != null;
            if (!byKey && !byAccount)
                Error(errors, path, "keyId", "keyId, or bankCode with branchCode and number, is required");
            Default(entity, "name", "Jon Snow");
            Default(entity, "type", "checking");
            Default(entity, "bankName", "Stark Bank");
            return;
        }
        var amount = LongOr(entity["amount"], 0);
        if (amount <= 0)
            Error(errors, path, "amount", "must be a positive amount in cents");
        var account = context.Find(Accounts, (string?)entity["accountId"] ?? "");
        if (account == null)
            Error(errors, path, "accountId", $"no verified account has the id '{(string?)entity["accountId"]}'");
        else if (!StatusIs(account, "active"))
            Error(errors, path, "accountId", $"the verified account is {(string?)account["status"]}, not active");
        var externalId = (string?)entity["externalId"];
        if (externalId != null && context.Find(Transfers, externalId, "externalId") != null)
            Error(errors, path, "externalId", $"'{externalId}' was already used by another verified transfer");
        Ledger.EnsureFunds(context, amount, path.Length == 0 ? "amount" : path + ".amount", errors);
        Default(entity, "accountType", account?["type"]?.DeepClone() ?? "checking");
        Default(entity, "scheduled", context.NowIso());
        Default(entity, "metadata", new JObject());
    }

    /// <inheritdoc />
    public override void AfterCreate(EmulatorContext context, string collection, JObject entity)
    {
        if (collection == Accounts)
        {
            context.ChangeStatus(collection, entity, "processing");
            context.ChangeStatus(collection, entity, "active");
            return;
        }
        var id = (string)entity["id"]!;
        var tags = (entity["tags"] as JArray)?.Select(t => t.ToString()).ToList();
        var transaction = Ledger.Post(context, -LongOr(entity["amount"], 0), $"Verified transfer ({id})", $"verified-transfer/{id}", tags);
        Ledger.Link(entity, transaction);
        context.ChangeStatus(collection, entity, "success");
    }

    /// <inheritdoc />
    public override bool Cancel(EmulatorContext context, string collection, JObject entity)
    {
        if (collection != Accounts)
            return false;
        if (StatusIs(entity, "canceled"))
            throw WrongStatus(collection, entity, "canceled");
        context.ChangeStatus(collection, entity, "canceled");
        return true;
    }
}
