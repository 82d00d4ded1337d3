using System.Collections.Generic;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Engine;
using StarkSdk.Emulator.Spec;

namespace StarkSdk.Emulator.Behaviours;

/// <summary>
/// Dynamic BR codes: a uuid, the BR code itself as id, a 1-hour default expiration; the sandbox payment (admin
/// <c>pay</c>, by uuid or id) creates the Deposit tagged <c>dynamic-brcode/{uuid}</c>, as the guide describes. A code
/// is paid once.
/// </summary>
public sealed class DynamicBrcodeBehaviour : CollectionBehaviour
{
    /// <summary>The collection.</summary>
    public const string Collection = "dynamic-brcode";

    /// <summary>Creates the behaviour.</summary>
    public DynamicBrcodeBehaviour()
        : base(Collection)
    {
    }

    /// <inheritdoc />
    public override void BeforeCreate(EmulatorContext context, string collection, JObject entity, string path, IList<ApiError> errors)
    {
        var uuid = context.Ids.NewUuid();
        entity["uuid"] = uuid;
        entity["id"] = PixCodes.Dynamic(uuid);
        Default(entity, "expiration", 3600);
        Default(entity, "tags", new JArray());
        Default(entity, "rules", new JArray());
        entity["pictureUrl"] = $"{context.BaseUrl}/{context.Version}/{Collection}/{uuid}.png";
    }

    /// <inheritdoc />
    public override JToken? Admin(EmulatorContext context, string collection, JObject? entity, string action, JObject body)
    {
        if (action != "pay" || entity == null)
            return null;
        var (brcode, deposit) = Pay(context, entity, LongOr(body["amount"], 0), Payer.From(body, context));
        return new JObject { ["brcode"] = brcode, ["deposit"] = deposit };
    }

    /// <summary>Pays a dynamic BR code (amount 0 = its amount) and creates the deposit.</summary>
    public static (JObject Brcode, JObject Deposit) Pay(EmulatorContext context, JObject brcode, long amount, Payer payer)
    {
        var record = context.FindRecord(Collection, (string)brcode["id"]!)!;
        if (record.Extras.ContainsKey("paid"))
            throw new ApiException("invalidDynamicBrcodeStatus", $"the dynamic brcode {(string?)brcode["uuid"]} was already paid");
        if ((string?)brcode["created"] is { } created && Formats.TryParseDateTime(created, out var since)
            && brcode["expiration"] is { Type: JTokenType.Integer } expiration && since.AddSeconds((long)expiration) < context.Now)
            throw new ApiException("invalidDynamicBrcodeStatus", $"the dynamic brcode {(string?)brcode["uuid"]} expired");
        if (amount <= 0)
            amount = LongOr(brcode["amount"], 0);
        if (amount <= 0)
            throw new ApiException("invalidAmount", "amount: this BR code accepts any amount; say how much is paid");
        record.Extras["paid"] = true;
        var uuid = (string)brcode["uuid"]!;
        context.Touch(Collection, brcode);
        var (_, deposit) = payer.Deposit(context, amount, $"dynamic-brcode/{uuid}", "Dynamic BR code payment", $"dynamic-brcode/{uuid}");
        return (brcode, deposit);
    }
}
