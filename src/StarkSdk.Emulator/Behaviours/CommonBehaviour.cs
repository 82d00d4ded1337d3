using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Engine;

namespace StarkSdk.Emulator.Behaviours;

/// <summary>What the docs say of every resource: tags are stored in lowercase.</summary>
public sealed class CommonBehaviour : ResourceBehaviour
{
    /// <inheritdoc />
    public override bool AppliesTo(string collection) => true;

    /// <inheritdoc />
    public override void BeforeCreate(EmulatorContext context, string collection, JObject entity, string path, IList<ApiError> errors) => LowerTags(entity);

    /// <inheritdoc />
    public override bool Update(EmulatorContext context, string collection, JObject entity, JObject changes)
    {
        LowerTags(changes);
        return false;
    }

    private static void LowerTags(JObject entity)
    {
        if (entity["tags"] is JArray tags && tags.All(t => t.Type == JTokenType.String))
            entity["tags"] = new JArray(tags.Select(t => (object)((string)t!).ToLowerInvariant()).ToArray());
    }
}
