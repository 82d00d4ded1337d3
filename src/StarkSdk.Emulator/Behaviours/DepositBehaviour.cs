using System.Linq;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Engine;

namespace StarkSdk.Emulator.Behaviours;

/// <summary>
/// Deposits: PATCH with a lower amount reverses the difference to the payer (logs reversing, then reversed; 0 voids
/// it); the admin <c>deposit/create</c> trigger simulates a Pix cash-in from an external account.
/// </summary>
public sealed class DepositBehaviour : CollectionBehaviour
{
    /// <summary>The collection.</summary>
    public const string Collection = "deposit";

    /// <summary>Creates the behaviour.</summary>
    public DepositBehaviour()
        : base(Collection)
    {
    }

    /// <inheritdoc />
    public override bool Update(EmulatorContext context, string collection, JObject entity, JObject changes)
    {
        var voided = context.StatusOf(collection, "voided", "void");
        if (StatusIs(entity, voided, "void", "voided"))
            throw WrongStatus(collection, entity, "reversed");
        var current = LongOr(entity["amount"], 0);
        var amount = LongOr(changes["amount"], current);
        if (amount >= current)
            throw new ApiException("invalidAmount", $"amount: must be lower than the current amount ({current}) to reverse the difference");
        if (changes["reversalDisplayDescription"] is JValue { Type: JTokenType.String } shown)
            entity["reversalDisplayDescription"] = shown.DeepClone();
        context.Log(collection, entity, "reversing");
        var id = (string)entity["id"]!;
        var transaction = Ledger.Post(context, amount - current, $"Deposit reversal ({id})", $"deposit/{id}");
        Ledger.Link(entity, transaction);
        entity["amount"] = amount;
        if (amount == 0)
            context.ChangeStatus(collection, entity, voided, context.LogTypeOf(collection, "voided", "reversed"));
        else
        {
            context.Touch(collection, entity);
            context.Log(collection, entity, "reversed");
        }
        return true;
    }

    /// <inheritdoc />
    public override JToken? Admin(EmulatorContext context, string collection, JObject? entity, string action, JObject body)
    {
        if (action != "create" || entity != null)
            return null;
        var amount = LongOr(body["amount"], 0);
        if (amount <= 0)
            throw new ApiException("invalidAmount", "amount: a positive amount in cents is required");
        var tags = (body["tags"] as JArray)?.Select(t => t.ToString().ToLowerInvariant()).ToArray() ?? System.Array.Empty<string>();
        var (_, deposit) = Payer.From(body, context).Deposit(context, amount, "deposit", "Pix received", tags);
        return new JObject { ["deposit"] = deposit };
    }
}
