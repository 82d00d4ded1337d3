using System;
using System.Collections.Generic;

namespace StarkSdk.Infra;

/// <summary>
/// The answer to the read of a <c>due</c> dynamic BR code (after <see cref="DynamicBrcodesClient.VerifyAsync"/>): fill it
/// from your charge and send <see cref="ToJson"/> as the HTTP 200 body.
/// </summary>
/// <remarks>
/// Stark Infra waits <see cref="Deadline"/> (5 seconds) for the answer. <see cref="ToJson"/> does no I/O.
/// </remarks>
/// <example>
/// <code>
/// var uuid = await client.DynamicBrcodes.VerifyAsync(request.Query["uuid"], request.Headers["Digital-Signature"]);
/// var answer = new DynamicBrcodeDueResponse
/// {
///     Version = 1, Created = charge.Created, Due = charge.Due, KeyId = "+5511989898989", Status = DynamicBrcodeReadStatus.Created,
///     ReconciliationId = uuid, Amount = 23000, SenderName = "...", SenderTaxId = "...", ReceiverName = "...",
///     ReceiverTaxId = "...", ReceiverStreetLine = "...", ReceiverCity = "...", ReceiverStateCode = "SP", ReceiverZipCode = "01234-567",
/// };
/// return Results.Content(answer.ToJson(), "application/json");
/// </code>
/// </example>
public partial class DynamicBrcodeDueResponse
{
    /// <summary>How long Stark Infra waits for the answer to a BR code read (5 seconds).</summary>
    public static TimeSpan Deadline { get; } = TimeSpan.FromSeconds(5);

    /// <summary>The answer as the flat JSON body of your HTTP 200 response (content type <c>application/json</c>).</summary>
    /// <returns>The JSON text.</returns>
    /// <exception cref="InvalidOperationException">A required field is missing (the message lists them).</exception>
    public string ToJson()
    {
        var missing = new List<string>();
        DynamicBrcodeAnswers.RequireCommon(missing, Version, Created, KeyId, Status.Value, ReconciliationId, Amount);
        if (Due == default)
        {
            missing.Add("due");
        }

        DynamicBrcodeAnswers.Require(missing, "senderName", SenderName);
        DynamicBrcodeAnswers.Require(missing, "senderTaxId", SenderTaxId);
        DynamicBrcodeAnswers.Require(missing, "receiverName", ReceiverName);
        DynamicBrcodeAnswers.Require(missing, "receiverTaxId", ReceiverTaxId);
        DynamicBrcodeAnswers.Require(missing, "receiverStreetLine", ReceiverStreetLine);
        DynamicBrcodeAnswers.Require(missing, "receiverCity", ReceiverCity);
        DynamicBrcodeAnswers.Require(missing, "receiverStateCode", ReceiverStateCode);
        DynamicBrcodeAnswers.Require(missing, "receiverZipCode", ReceiverZipCode);
        DynamicBrcodeAnswers.ThrowIfAny(missing, "due");
        return AnswerJson.Serialize(this);
    }
}

/// <summary>
/// The answer to the read of an <c>instant</c> dynamic BR code (after <see cref="DynamicBrcodesClient.VerifyAsync"/>): fill it
/// from your charge and send <see cref="ToJson"/> as the HTTP 200 body.
/// </summary>
/// <remarks>
/// Stark Infra waits <see cref="Deadline"/> (5 seconds) for the answer. <see cref="ToJson"/> does no I/O.
/// </remarks>
public partial class DynamicBrcodeInstantResponse
{
    /// <summary>How long Stark Infra waits for the answer to a BR code read (5 seconds).</summary>
    public static TimeSpan Deadline { get; } = TimeSpan.FromSeconds(5);

    /// <summary>The answer as the flat JSON body of your HTTP 200 response (content type <c>application/json</c>).</summary>
    /// <returns>The JSON text.</returns>
    /// <exception cref="InvalidOperationException">
    /// A required field is missing (the message lists them); a cash amount other than 0 also needs the cashier's type and bank code.
    /// </exception>
    public string ToJson()
    {
        var missing = new List<string>();
        DynamicBrcodeAnswers.RequireCommon(missing, Version, Created, KeyId, Status.Value, ReconciliationId, Amount);
        if (CashAmount is { } cash && cash != 0)
        {
            if (CashierType is null || CashierType.Value.Value.Length == 0)
            {
                missing.Add("cashierType (a cash amount is set)");
            }

            DynamicBrcodeAnswers.Require(missing, "cashierBankCode (a cash amount is set)", CashierBankCode);
        }

        DynamicBrcodeAnswers.ThrowIfAny(missing, "instant");
        return AnswerJson.Serialize(this);
    }
}

internal static class DynamicBrcodeAnswers
{
    public static void RequireCommon(List<string> missing, int version, DateTimeOffset created, string? keyId, string? status, string? reconciliationId, long amount)
    {
        if (version <= 0)
        {
            missing.Add("version (1 or more)");
        }

        if (created == default)
        {
            missing.Add("created");
        }

        Require(missing, "keyId", keyId);
        Require(missing, "status", status);
        Require(missing, "reconciliationId", reconciliationId);
        if (amount < 0)
        {
            missing.Add("amount (0 or more)");
        }
    }

    public static void Require(List<string> missing, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            missing.Add(name);
        }
    }

    public static void ThrowIfAny(List<string> missing, string type)
    {
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The answer to the read of a {type} dynamic BR code lacks: {string.Join(", ", missing)}.");
        }
    }
}
