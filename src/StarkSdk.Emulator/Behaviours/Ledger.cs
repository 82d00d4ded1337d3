using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Engine;

namespace StarkSdk.Emulator.Behaviours;

/// <summary>
/// The workspace's money: every credit or debit is a Transaction (the statement), and the Balance entity follows
/// their sum. Cash-outs fail for lack of funds only when <see cref="EmulatorOptions.EnforceBalance"/> is on.
/// </summary>
public static class Ledger
{
    /// <summary>The balance collection (one entity).</summary>
    public const string BalanceCollection = "balance";

    /// <summary>The transaction collection.</summary>
    public const string TransactionCollection = "transaction";

    /// <summary>The current balance in cents.</summary>
    public static long Balance(EmulatorContext context) => (long?)BalanceEntity(context)["amount"] ?? 0;

    /// <summary>Throws the API's error when <see cref="EmulatorOptions.EnforceBalance"/> is on and <paramref name="amount"/> exceeds the balance.</summary>
    public static void EnsureFunds(EmulatorContext context, long amount, string field, IList<ApiError> errors)
    {
        if (context.Options.EnforceBalance && amount > Balance(context))
            errors.Add(new ApiError("insufficientBalance", $"{field}: the workspace balance ({Balance(context)}) is lower than {amount}"));
    }

    /// <summary>Records a transaction of <paramref name="amount"/> cents (negative for cash-outs) and updates the balance.</summary>
    /// <returns>The transaction.</returns>
    public static JObject Post(EmulatorContext context, long amount, string description, string source, IEnumerable<string>? tags = null, long fee = 0)
    {
        var balance = BalanceEntity(context);
        var after = ((long?)balance["amount"] ?? 0) + amount - fee;
        balance["amount"] = after;
        context.Touch(BalanceCollection, balance);
        var transaction = new JObject
        {
            ["amount"] = amount,
            ["balance"] = after,
            ["description"] = description,
            ["externalId"] = source.Replace('/', '-') + "-" + context.Ids.Digits(6),
            ["fee"] = fee,
            ["senderId"] = amount < 0 ? context.WorkspaceId : "",
            ["receiverId"] = amount >= 0 ? context.WorkspaceId : "",
            ["source"] = source,
            ["tags"] = new JArray((tags ?? Enumerable.Empty<string>()).Select(t => (object)t.ToLowerInvariant()).ToArray()),
        };
        return context.Insert(TransactionCollection, transaction);
    }

    /// <summary>Adds a transaction id to an entity's <c>transactionIds</c>.</summary>
    public static void Link(JObject entity, JObject transaction)
    {
        if (entity["transactionIds"] is not JArray ids)
            entity["transactionIds"] = ids = new JArray();
        ids.Add((string)transaction["id"]!);
    }

    private static JObject BalanceEntity(EmulatorContext context)
    {
        var balance = context.All(BalanceCollection).FirstOrDefault();
        if (balance != null)
            return balance;
        return context.Insert(BalanceCollection, new JObject { ["amount"] = context.Options.InitialBalance, ["currency"] = "BRL" });
    }
}
