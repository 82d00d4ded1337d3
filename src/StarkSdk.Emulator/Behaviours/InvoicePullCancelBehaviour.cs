using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Engine;

namespace StarkSdk.Emulator.Behaviours;

/// <summary>
/// Canceling an invoice pull subscription or request: the API logs <c>canceling</c> while it tells the payer's bank,
/// then the entity is <c>canceled</c> (logged too). Only what has not ended can be canceled.
/// </summary>
public sealed class InvoicePullCancelBehaviour : CollectionBehaviour
{
    /// <summary>Creates the behaviour.</summary>
    public InvoicePullCancelBehaviour()
        : base("invoice-pull-subscription", "invoice-pull-request")
    {
    }

    /// <inheritdoc />
    public override bool Cancel(EmulatorContext context, string collection, JObject entity)
    {
        if (StatusIs(entity, "canceled", "expired", "success", "failed"))
            throw WrongStatus(collection, entity, "canceled");
        if (context.HasLogType(collection, "canceling"))
            context.Log(collection, entity, "canceling");
        context.ChangeStatus(collection, entity, "canceled", "canceled");
        return true;
    }
}
