using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Engine;

namespace StarkSdk.Emulator.Behaviours;

/// <summary>
/// The little the Stark Infra sandbox has that no API call creates: Stark Infra's public key, the balances, the
/// catalogs (products, designs, kits, stocks, merchant categories and countries, card methods, Pix domains), a Pix
/// user, and what card holders' wallets and purchases create (tokens, purchases, transactions, token designs), plus an
/// event delivery attempt. Everything else comes from the generic engine.
/// </summary>
internal sealed class StarkInfraSandbox : ResourceBehaviour
{
    public override bool AppliesTo(string collection) => false;

    public override void Seed(EmulatorContext context)
    {
        context.Insert("public-key", new JObject { ["content"] = context.SigningPublicKeyPem });
        context.Insert("pix-balance", new JObject { ["amount"] = 10_000_000, ["currency"] = "BRL" });
        context.Insert("issuing-balance", new JObject { ["amount"] = 990_000, ["currency"] = "BRL" });
        context.Insert("issuing-product", new JObject { ["network"] = "mastercard", ["fundingType"] = "credit", ["holderType"] = "individual", ["code"] = "123456" });
        context.Insert("issuing-design", new JObject { ["name"] = "Stark card" });
        context.Insert("issuing-embossing-kit", new JObject { ["name"] = "Stark kit" });
        Logged(context, "issuing-stock", new JObject { ["balance"] = 1000 });
        context.Insert("issuing-token", new JObject { ["cardId"] = "5189831499972623", ["walletId"] = "google", ["walletName"] = "Google Pay" });
        context.Insert("issuing-token-design", new JObject { ["name"] = "Stark token art" });
        Logged(context, "issuing-purchase", new JObject { ["amount"] = 10_000, ["cardId"] = "5634941925081088", ["holderName"] = "Tony Stark" });
        context.Insert("issuing-transaction", new JObject { ["amount"] = -10_000, ["balance"] = 980_000, ["description"] = "Stark Burgers" });
        context.Insert("merchant-category", new JObject { ["code"] = "fastFoodRestaurants", ["type"] = "food", ["name"] = "Fast food" });
        context.Insert("merchant-country", new JObject { ["code"] = "BRA", ["name"] = "Brazil", ["shortCode"] = "BR" });
        context.Insert("card-method", new JObject { ["code"] = "chip", ["name"] = "Chip" });
        context.Insert("pix-domain", new JObject { ["name"] = "starkbank.com" });
        context.Insert("pix-user", new JObject { ["id"] = "012.345.678-90" });
        context.Insert("event/attempt", new JObject { ["code"] = "invalidHttpStatus", ["message"] = "HTTP POST request returned status 404", ["eventId"] = "1", ["webhookId"] = "2" });
    }

    /// <summary>Inserts the entity and makes sure it has a log (when its creation is not a log type).</summary>
    private static void Logged(EmulatorContext context, string collection, JObject entity)
    {
        var stored = context.Insert(collection, entity);
        var logs = context.Catalog.Find(collection)?.Logs;
        if (logs != null && logs.LogTypes.Count > 0 && !context.HasLogType(collection, "created"))
        {
            context.Log(collection, stored, logs.LogTypes[0]);
        }
    }
}
