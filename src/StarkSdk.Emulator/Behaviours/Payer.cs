using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Engine;

namespace StarkSdk.Emulator.Behaviours;

/// <summary>Who pays in a simulated cash-in (an admin trigger's body may override each field).</summary>
public sealed record Payer(string Name, string TaxId, string BankCode, string BranchCode, string AccountNumber, string AccountType)
{
    /// <summary>The default payer, overridden by <c>name</c>, <c>taxId</c>, <c>bankCode</c>, ... of an admin body.</summary>
    public static Payer From(JObject? body, EmulatorContext context) => new(
        (string?)body?["name"] ?? "Jon Snow",
        (string?)body?["taxId"] ?? "012.345.678-90",
        (string?)body?["bankCode"] ?? "20018183",
        (string?)body?["branchCode"] ?? "0001",
        (string?)body?["accountNumber"] ?? context.Ids.Digits(6) + "-" + context.Ids.Digits(1),
        (string?)body?["accountType"] ?? "checking");

    /// <summary>A Pix end-to-end id: E + payer ISPB + yyyyMMddHHmm + 11 characters.</summary>
    public string EndToEndId(EmulatorContext context) =>
        "E" + BankCode.PadLeft(8, '0').Substring(0, 8) + context.Now.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture) + context.Ids.Digits(11);

    /// <summary>
    /// Credits the workspace: one transaction and a Deposit (with the payer's data and <paramref name="tags"/>) linked to it.
    /// </summary>
    /// <returns>The transaction and the deposit.</returns>
    public (JObject Transaction, JObject Deposit) Deposit(EmulatorContext context, long amount, string source, string description, params string[] tags)
    {
        var transaction = Ledger.Post(context, amount, description, source, tags);
        var deposit = context.Insert("deposit", new JObject
        {
            ["name"] = Name,
            ["taxId"] = TaxId,
            ["bankCode"] = BankCode,
            ["branchCode"] = BranchCode,
            ["accountNumber"] = AccountNumber,
            ["accountType"] = AccountType,
            ["amount"] = amount,
            ["type"] = "pix",
            ["tags"] = new JArray(tags),
            ["transactionIds"] = new JArray((string)transaction["id"]!),
        });
        return (transaction, deposit);
    }
}
