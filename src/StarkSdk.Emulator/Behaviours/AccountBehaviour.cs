using System;
using System.Linq;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Engine;
using StarkSdk.Emulator.State;

namespace StarkSdk.Emulator.Behaviours;

/// <summary>
/// The workspace itself: the balance (one entity, moved by <see cref="Ledger"/>), the emulated workspace, the
/// emulator's public key on <c>/v2/public-key</c>, a few financial institutions, and any Pix key looked up in the DICT.
/// </summary>
public sealed class AccountBehaviour : CollectionBehaviour
{
    private static readonly (string Name, string Display, string Spi, string Str)[] Institutions =
    {
        ("Stark Bank S.A. - Instituicao de Pagamento", "Stark Bank", "20018183", ""),
        ("Banco do Brasil S.A.", "BCO DO BRASIL S.A.", "00000000", "001"),
        ("Itau Unibanco S.A.", "ITAU UNIBANCO S.A.", "60701190", "341"),
        ("Banco Bradesco S.A.", "BCO BRADESCO S.A.", "60746948", "237"),
        ("Caixa Economica Federal", "CAIXA ECONOMICA FEDERAL", "00360305", "104"),
        ("Banco Santander (Brasil) S.A.", "BCO SANTANDER (BRASIL) S.A.", "90400888", "033"),
        ("Nu Pagamentos S.A. - Instituicao de Pagamento", "NU PAGAMENTOS - IP", "18236120", "260"),
    };

    /// <summary>Creates the behaviour.</summary>
    public AccountBehaviour()
        : base(Ledger.BalanceCollection, "workspace", "public-key", "institution", "dict-key")
    {
    }

    /// <inheritdoc />
    public override void Seed(EmulatorContext context)
    {
        context.Insert(Ledger.BalanceCollection, new JObject { ["amount"] = context.Options.InitialBalance, ["currency"] = "BRL" });
        context.Insert("workspace", new JObject
        {
            ["id"] = context.WorkspaceId,
            ["username"] = "emulator",
            ["name"] = "Stark Bank Emulator",
            ["allowedTaxIds"] = new JArray(),
            ["status"] = "active",
        });
        context.Insert("public-key", new JObject { ["content"] = context.SigningPublicKeyPem });
        foreach (var (name, display, spi, str) in Institutions)
            context.Insert("institution", new JObject { ["displayName"] = display, ["name"] = name, ["spiCode"] = spi, ["strCode"] = str });
    }

    /// <inheritdoc />
    public override JObject? Resolve(EmulatorContext context, string collection, string id)
    {
        if (collection != "dict-key")
            return null;
        var digits = BoletoNumbers.Digits(id);
        var type = id.Contains('@', StringComparison.Ordinal) ? "email"
            : id.StartsWith("+", StringComparison.Ordinal) ? "phone"
            : digits.Length == id.Length && digits.Length == 11 ? "cpf"
            : digits.Length == id.Length && digits.Length == 14 ? "cnpj"
            : "evp";
        var info = context.Catalog.Get("dict-key");
        string Pick(string property, string wanted)
        {
            var values = info.Properties.TryGetValue(property, out var schema) ? SchemaWalker.Enum(context.Spec, schema) : new System.Collections.Generic.List<string>();
            return values.Count == 0 || values.Contains(wanted) ? wanted : values[0];
        }
        var business = type == "cnpj";
        return new JObject
        {
            ["id"] = id,
            ["accountCreated"] = Clock.Iso(context.Now.AddYears(-3)),
            ["accountNumber"] = "*" + context.Ids.Digits(5),
            ["accountType"] = Pick("accountType", "checking"),
            ["bankName"] = "Stark Bank",
            ["branchCode"] = "*" + context.Ids.Digits(3),
            ["ispb"] = "20018183",
            ["name"] = business ? "Stark Bank Emulator Ltda." : "Jon Snow",
            ["ownerType"] = Pick("ownerType", business ? "business" : "naturalPerson"),
            ["status"] = Pick("status", "registered"),
            ["taxId"] = business ? "**.***.***/0001-**" : "***.345.678-**",
            ["type"] = Pick("type", type),
        };
    }
}
