using System.Collections.Generic;

namespace Spec.Tests;

/// <summary>
/// The deliberate differences between the official Node SDK's facts and openapi/starkbank.yaml, by the key
/// <see cref="OfficialSdkReconciliation"/> gives them, each with a one-line reason (openapi/README.md, "The official
/// Node SDK", has the evidence).
/// </summary>
internal static class OfficialSdkAcceptedDifferences
{
    private const string CopiedLogExample = "the SDK docstring's example list is copied from the boleto/invoice logs; this resource's logs have no such type";

    /// <summary>Routes the spec has in place of an SDK defect listed in <see cref="All"/> (path parameters as {}).</summary>
    public static readonly IReadOnlyList<string> CorrectedRoutes = new[] { "GET /v2/corporate-holder/log/{}" };

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        // SDK defects: the SDK sends something the API cannot mean.
        ["route: DELETE /v2/corporate-holder/log/{id}"] = "SDK bug: corporateHolder.log.get calls deleteId; the spec keeps GET like every other log",
        ["query: GET /v2/corporate-purchase merchantCategoryType"] = "SDK typo: query() sends merchantCategoryType, page() sends merchantCategoryTypes, which the spec declares",
        ["field: CorporateCard zipeCode"] = "SDK typo in the constructor; its docstring and the API say zipCode",
        ["field: CorporatePurchase update"] = "SDK typo in the constructor; its docstring says updated, which the spec has",
        ["field: Transaction receivedId"] = "SDK typo in the constructor for receiverId, which the spec has",
        ["field: SplitReceiverLog types"] = "SDK bug: the log docstring names its type attribute types; the spec has type like every log",
        ["field: Purchase cardId"] = "a session purchase carries the card data itself; a saved card is charged through POST /v2/merchant-purchase",
        ["notRequired: POST /v2/payment-request type"] = "the SDK fills type from the payment object, so it is always on the wire; a raw JSON request needs it",

        // Example values of the SDK docstrings that do not belong to the resource.
        ["enum: GET /v2/boleto-holmes/log types paid"] = CopiedLogExample,
        ["enum: GET /v2/boleto-holmes/log types registered"] = CopiedLogExample,
        ["enum: GET /v2/boleto-payment/log types paid"] = CopiedLogExample,
        ["enum: GET /v2/boleto-payment/log types registered"] = CopiedLogExample,
        ["enum: GET /v2/tax-payment/log types paid"] = CopiedLogExample,
        ["enum: GET /v2/tax-payment/log types registered"] = CopiedLogExample,
        ["enum: GET /v2/utility-payment/log types paid"] = CopiedLogExample,
        ["enum: GET /v2/utility-payment/log types registered"] = CopiedLogExample,
        ["enum: GET /v2/invoice/log types registered"] = "copied from the boleto logs: invoices are never registered (the Invoice docstring has no such status)",
        ["enum: InvoiceLog type registered"] = "copied from the boleto logs: invoices are never registered (the Invoice docstring has no such status)",
        ["enum: GET /v2/dict-key status success"] = "copied from the payment docstrings: a Pix key is registered, not successful",
        ["enum: GET /v2/invoice-pull-request/log types overdue"] = "copied from the invoice logs: a pull request is not overdue (its own status docstring has no such value)",
        ["enum: GET /v2/invoice-pull-request/log types paid"] = "copied from the invoice logs: a pull request ends in success (added), not paid",
        ["enum: GET /v2/invoice-pull-subscription/log types overdue"] = "copied from the invoice logs: a subscription is not overdue",
        ["enum: GET /v2/invoice-pull-subscription/log types paid"] = "copied from the invoice logs: a subscription is not paid (its requests are)",
        ["enum: GET /v2/split-receiver status updated"] = "updated is a log type, not a status",
        ["enum: SplitReceiver status updated"] = "updated is a log type, not a status",
        ["enum: GET /v2/split-receiver/log types canceled"] = "copied from the split logs: the reference and the receiver docstring show no canceled receiver",
        ["enum: GET /v2/split-receiver/log types failed"] = "copied from the split logs: a receiver is registered, it does not fail",
        ["enum: GET /v2/split-receiver/log types updated"] = "copied from the split logs; receivers have no update route",
    };
}
