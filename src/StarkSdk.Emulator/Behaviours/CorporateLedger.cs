using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Engine;

namespace StarkSdk.Emulator.Behaviours;

/// <summary>
/// The corporate balance, separate from the workspace balance: every credit or debit is a CorporateTransaction (its
/// statement) and the CorporateBalance entity follows their sum. Purchases may use the credit limit; withdrawals may not.
/// </summary>
public static class CorporateLedger
{
    /// <summary>The corporate balance collection (one entity).</summary>
    public const string BalanceCollection = "corporate-balance";

    /// <summary>The corporate transaction collection.</summary>
    public const string TransactionCollection = "corporate-transaction";

    /// <summary>The credit limit the emulated workspace starts with, in cents (R$ 10,000.00).</summary>
    public const long InitialLimit = 1_000_000;

    /// <summary>The largest limit the emulated workspace may ask for, in cents (R$ 50,000.00).</summary>
    public const long MaxLimit = 5_000_000;

    /// <summary>The corporate balance entity, created (empty, with the initial limit) when missing.</summary>
    public static JObject Balance(EmulatorContext context) =>
        context.All(BalanceCollection).FirstOrDefault()
        ?? context.Insert(BalanceCollection, new JObject { ["amount"] = 0, ["limit"] = InitialLimit, ["maxLimit"] = MaxLimit, ["currency"] = "BRL" });

    /// <summary>The money in the corporate balance, in cents (negative when the limit is in use).</summary>
    public static long Amount(EmulatorContext context) => (long?)Balance(context)["amount"] ?? 0;

    /// <summary>What card purchases may still spend: the amount plus the credit limit.</summary>
    public static long Available(EmulatorContext context) => Amount(context) + ((long?)Balance(context)["limit"] ?? 0);

    /// <summary>Records a corporate transaction of <paramref name="amount"/> cents (negative for debits) and updates the balance.</summary>
    /// <returns>The transaction.</returns>
    public static JObject Post(EmulatorContext context, long amount, string description, string source, IEnumerable<string>? tags = null)
    {
        var balance = Balance(context);
        var after = ((long?)balance["amount"] ?? 0) + amount;
        balance["amount"] = after;
        context.Touch(BalanceCollection, balance);
        return context.Insert(TransactionCollection, new JObject
        {
            ["amount"] = amount,
            ["balance"] = after,
            ["description"] = description,
            ["source"] = source,
            ["tags"] = new JArray((tags ?? Enumerable.Empty<string>()).Select(t => (object)t.ToLowerInvariant()).ToArray()),
        });
    }
}
