using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace StarkSdk.Core;

/// <summary>
/// The reflection path's reader of a union: picks the class from the discriminator, then populates it by reflection.
/// Writing is left to reflection over the value's own class.
/// </summary>
internal sealed class ReflectionUnionConverter : JsonConverter
{
    private readonly IUnionJsonConverter _union;

    public ReflectionUnionConverter(IUnionJsonConverter union)
    {
        _union = union;
    }

    public override bool CanWrite => false;

    public override bool CanConvert(Type objectType) => true;

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        var dateParseHandling = reader.DateParseHandling;
        reader.DateParseHandling = DateParseHandling.None;
        var json = JObject.Load(reader);
        reader.DateParseHandling = dateParseHandling;
        var discriminator = json[_union.DiscriminatorName] is JValue value && value.Type == JTokenType.String ? (string?)value : null;
        var type = _union.CaseType(discriminator);
        if (!objectType.IsAssignableFrom(type))
        {
            type = objectType;
        }

        var target = Activator.CreateInstance(type, nonPublic: true)!;
        using (var members = json.CreateReader())
        {
            members.DateParseHandling = DateParseHandling.None;
            serializer.Populate(members, target);
        }

        return target;
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        throw new NotSupportedException("Unions are written by reflection over the value's class (CanWrite is false).");
}
