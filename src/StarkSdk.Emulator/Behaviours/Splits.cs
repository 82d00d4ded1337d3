using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Engine;
using StarkSdk.Emulator.State;

namespace StarkSdk.Emulator.Behaviours;

/// <summary>
/// The splits of a paid invoice or boleto: one Split entity per <c>splits[]</c> item (receiverId, amount), with the
/// source (<c>invoice/{id}</c>), an external id <c>{source}/receiver/{receiverId}</c>, the source as tag and a transfer
/// scheduled for the next day; status <c>created</c> (the admin <c>status</c> trigger moves it to <c>success</c>).
/// </summary>
internal static class Splits
{
    public const string Collection = "split";

    /// <summary>Creates the splits <paramref name="entity"/> asks for, if the spec has splits.</summary>
    public static void CreateFor(EmulatorContext context, string source, JObject entity)
    {
        if (context.Catalog.Find(Collection) == null || entity["splits"] is not JArray requested)
            return;
        foreach (var item in requested)
        {
            var receiverId = (string?)item["receiverId"];
            if (receiverId == null || item["amount"] is not { Type: JTokenType.Integer } amount)
                continue;
            context.Insert(Collection, new JObject
            {
                ["amount"] = amount.DeepClone(),
                ["receiverId"] = receiverId,
                ["source"] = source,
                ["externalId"] = $"{source}/receiver/{receiverId}",
                ["scheduled"] = Clock.Iso(context.Now.AddDays(1)),
                ["tags"] = new JArray(source),
            });
        }
    }
}
