using System;
using System.Collections.Generic;
using System.Linq;

namespace StarkSdk.Emulator.Behaviours;

/// <summary>What a card purchase ends in.</summary>
public enum CardOutcomeKind
{
    /// <summary>Approved, then confirmed.</summary>
    Approved,

    /// <summary>Waits for the holder's 3DS challenge (status pending).</summary>
    Challenge,

    /// <summary>Denied by the issuer (status denied).</summary>
    Denied,

    /// <summary>Failed (status failed).</summary>
    Failed,
}

/// <summary>An outcome and its reason (the log error).</summary>
/// <param name="Kind">What happens.</param>
/// <param name="Code">The log error's code, when not approved.</param>
/// <param name="Reason">The log error's message, when not approved.</param>
public sealed record CardOutcome(CardOutcomeKind Kind, string? Code = null, string? Reason = null);

/// <summary>
/// The card payments guide's sandbox test cards (any future expiration, any 3-digit CVC) and what they do. Any other
/// number that passes the Luhn check is approved.
/// </summary>
public static class TestCards
{
    /// <summary>Approved and confirmed.</summary>
    public const string Approved = "4242424242424242";

    /// <summary>Triggers the 3DS challenge when the session's challengeMode is enabled.</summary>
    public const string Challenge = "5500000000000004";

    /// <summary>Denied: insufficient funds.</summary>
    public const string InsufficientFunds = "4000000000000002";

    /// <summary>Denied by the issuer.</summary>
    public const string Declined = "5105105105105100";

    /// <summary>Fails as an expired card.</summary>
    public const string Expired = "378282246310005";

    /// <summary>Fails for an incorrect security code.</summary>
    public const string WrongCvc = "371449635398431";

    private static readonly Dictionary<string, CardOutcome> Outcomes = new(StringComparer.Ordinal)
    {
        [Approved] = new CardOutcome(CardOutcomeKind.Approved),
        [Challenge] = new CardOutcome(CardOutcomeKind.Challenge),
        [InsufficientFunds] = new CardOutcome(CardOutcomeKind.Denied, "insufficientFunds", "The purchase was denied by the issuer: insufficient funds."),
        [Declined] = new CardOutcome(CardOutcomeKind.Denied, "cardDeclined", "The purchase was denied by the issuer bank."),
        [Expired] = new CardOutcome(CardOutcomeKind.Failed, "expiredCard", "The purchase failed: the card is expired."),
        [WrongCvc] = new CardOutcome(CardOutcomeKind.Failed, "invalidSecurityCode", "The purchase failed: incorrect security code."),
    };

    /// <summary>The outcome of a card number (digits only); <paramref name="challengeEnabled"/> says whether 3DS is on.</summary>
    public static CardOutcome OutcomeOf(string digits, bool challengeEnabled)
    {
        if (!Outcomes.TryGetValue(digits, out var outcome))
            return new CardOutcome(CardOutcomeKind.Approved);
        return outcome.Kind == CardOutcomeKind.Challenge && !challengeEnabled ? new CardOutcome(CardOutcomeKind.Approved) : outcome;
    }

    /// <summary>Whether a card number passes the Luhn check (12 to 19 digits).</summary>
    public static bool IsValidNumber(string digits)
    {
        if (digits.Length is < 12 or > 19 || digits.Any(c => !char.IsDigit(c)))
            return false;
        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                    d -= 9;
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /// <summary>The card network of a number, by its first digits.</summary>
    public static string Network(string digits)
    {
        if (digits.StartsWith("34", StringComparison.Ordinal) || digits.StartsWith("37", StringComparison.Ordinal))
            return "amex";
        if (digits.StartsWith("30", StringComparison.Ordinal) || digits.StartsWith("36", StringComparison.Ordinal) || digits.StartsWith("38", StringComparison.Ordinal))
            return "diners";
        if (digits.StartsWith("606282", StringComparison.Ordinal) || digits.StartsWith("3841", StringComparison.Ordinal))
            return "hipercard";
        return digits[0] switch
        {
            '4' => "visa",
            '5' or '2' => "mastercard",
            '6' => "elo",
            _ => "unknown",
        };
    }
}
