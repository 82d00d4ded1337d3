using System.Collections.Generic;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Engine;

namespace StarkSdk.Emulator.Behaviours;

/// <summary>
/// A workspace's picture: the SDKs send it (a data URL or base64 text, with <c>pictureType</c>) on creation or update;
/// the API keeps the image and answers its address in <c>pictureUrl</c>, never the picture itself.
/// </summary>
public sealed class WorkspacePictureBehaviour : CollectionBehaviour
{
    /// <summary>Creates the behaviour.</summary>
    public WorkspacePictureBehaviour()
        : base("workspace")
    {
    }

    /// <inheritdoc />
    public override void BeforeCreate(EmulatorContext context, string collection, JObject entity, string path, IList<ApiError> errors)
    {
        Default(entity, "pictureUrl", "");
        TakePicture(context, entity, entity);
    }

    /// <inheritdoc />
    public override bool Update(EmulatorContext context, string collection, JObject entity, JObject changes)
    {
        TakePicture(context, entity, changes);
        return false;
    }

    private static void TakePicture(EmulatorContext context, JObject entity, JObject body)
    {
        var picture = body["picture"];
        body.Remove("picture");
        body.Remove("pictureType");
        if (picture is JValue { Type: JTokenType.String } && ((string?)picture)?.Length > 0)
        {
            var id = (string?)entity["id"] ?? context.NewId();
            body["pictureUrl"] = $"{context.BaseUrl}/{context.Version}/workspace/{id}/picture/{context.Ids.Digits(8)}.png";
        }
    }
}
