using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Engine;
using StarkSdk.Emulator.State;

namespace StarkSdk.Emulator.Behaviours;

/// <summary>
/// Payment previews: recognises what the id is (a BR code, a boleto line or bar code, a utility or tax code) and
/// answers what paying it would involve, reading amounts from this emulator's invoices, dynamic BR codes and boletos
/// when the code is one of theirs.
/// </summary>
public sealed class PaymentPreviewBehaviour : CollectionBehaviour
{
    /// <summary>Creates the behaviour.</summary>
    public PaymentPreviewBehaviour()
        : base("payment-preview")
    {
    }

    /// <inheritdoc />
    /// <remarks>
    /// A preview is an answer, not a resource (there is no GET): it is not kept, so the same code can be previewed
    /// again, or twice in one request, without its id (the code) colliding.
    /// </remarks>
    public override void AfterCreate(EmulatorContext context, string collection, JObject entity) =>
        context.Remove(collection, (string)entity["id"]!);

    /// <inheritdoc />
    public override void BeforeCreate(EmulatorContext context, string collection, JObject entity, string path, IList<ApiError> errors)
    {
        var id = (string?)entity["id"] ?? "";
        Default(entity, "scheduled", Clock.Date(context.Now));
        var digits = BoletoNumbers.Digits(id);
        if (PixCodes.IsBrcode(id))
        {
            entity["type"] = "brcode-payment";
            entity["payment"] = Brcode(context, id);
        }
        else if (digits.Length is 44 or 48 && digits[0] == '8')
        {
            var amount = BoletoNumbers.Amount(digits) ?? 0;
            entity["type"] = digits[1] is '1' ? "tax-payment" : "utility-payment";
            entity["payment"] = new JObject { ["amount"] = amount, ["name"] = "Utility company", ["description"] = "Bill", ["line"] = id, ["barCode"] = digits.Length == 44 ? digits : id };
        }
        else if (digits.Length is 44 or 47)
        {
            var boleto = context.All(BoletoBehaviour.Collection).FirstOrDefault(b =>
                BoletoNumbers.SameDocument((string?)b["line"], id) || BoletoNumbers.SameDocument((string?)b["barCode"], id));
            var amount = boleto != null ? LongOr(boleto["amount"], 0) : BoletoNumbers.Amount(id) ?? 0;
            entity["type"] = "boleto-payment";
            entity["payment"] = new JObject
            {
                ["amount"] = amount,
                ["nominalAmount"] = amount,
                ["discountAmount"] = 0,
                ["fineAmount"] = 0,
                ["interestAmount"] = 0,
                ["due"] = boleto?["due"]?.DeepClone() ?? context.NowIso(),
                ["line"] = boleto?["line"]?.DeepClone() ?? id,
                ["barCode"] = boleto?["barCode"]?.DeepClone() ?? digits,
                ["receiverName"] = boleto != null ? "Stark Bank Emulator" : "Receiver",
                ["receiverTaxId"] = "20.018.183/0001-80",
                ["payerName"] = boleto?["name"]?.DeepClone() ?? "Payer",
                ["payerTaxId"] = boleto?["taxId"]?.DeepClone() ?? "012.345.678-90",
            };
        }
        else
        {
            Error(errors, path, "id", "is neither a BR code nor a boleto, utility or tax line or bar code");
        }
        if (entity["payment"] is JObject payment)
            entity["payment"] = Keep(context, (string?)entity["type"], payment);
    }

    private static JObject Brcode(EmulatorContext context, string brcode)
    {
        var invoice = context.All(InvoiceBehaviour.Collection).FirstOrDefault(i => (string?)i["brcode"] == brcode);
        var dynamic = context.Find(DynamicBrcodeBehaviour.Collection, brcode);
        var amount = invoice != null ? LongOr(invoice["amount"], 0) : dynamic != null ? LongOr(dynamic["amount"], 0) : PixCodes.Amount(brcode) ?? 0;
        return new JObject
        {
            ["accountType"] = "checking",
            ["allowChange"] = amount == 0,
            ["amount"] = amount,
            ["bankCode"] = "20018183",
            ["cashAmount"] = 0,
            ["cashierBankCode"] = "",
            ["cashierType"] = "",
            ["description"] = (string?)dynamic?["displayDescription"] ?? "",
            ["discountAmount"] = 0,
            ["fineAmount"] = 0,
            ["interestAmount"] = 0,
            ["keyId"] = "",
            ["name"] = invoice != null || dynamic != null ? "Stark Bank Emulator" : PixCodes.ReceiverName(brcode) ?? "",
            ["nominalAmount"] = amount,
            ["reconciliationId"] = (string?)dynamic?["uuid"] ?? "",
            ["reductionAmount"] = 0,
            ["status"] = "created",
            ["taxId"] = "20.018.183/0001-80",
        };
    }

    /// <summary>Keeps only the properties the spec's preview schema of that type declares (when it declares any).</summary>
    private static JObject Keep(EmulatorContext context, string? type, JObject payment)
    {
        var name = type switch
        {
            "brcode-payment" => "PaymentPreviewBrcodePreview",
            "boleto-payment" => "PaymentPreviewBoletoPreview",
            "utility-payment" => "PaymentPreviewUtilityPreview",
            "tax-payment" => "PaymentPreviewTaxPreview",
            _ => null,
        };
        var schema = name == null ? null : context.Spec.Schema(name);
        var properties = SchemaWalker.Properties(context.Spec, schema);
        if (properties.Count == 0)
            return payment;
        var kept = new JObject();
        foreach (var property in payment.Properties().Where(p => properties.ContainsKey(p.Name)))
            kept[property.Name] = property.Value.DeepClone();
        return kept;
    }
}
