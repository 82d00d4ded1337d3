using System;
using Newtonsoft.Json;

namespace StarkSdk.Core;

/// <summary>
/// Converts <see cref="DateTimeOffset"/>: reads any ISO 8601 date-time with any offset (or none, meaning UTC);
/// writes UTC with microseconds, <c>"yyyy-MM-ddTHH:mm:ss.ffffff+00:00"</c>, the API's own format.
/// </summary>
public sealed class DateTimeOffsetConverter : JsonConverter
{
    /// <inheritdoc />
    public override bool CanConvert(Type objectType) => (Nullable.GetUnderlyingType(objectType) ?? objectType) == typeof(DateTimeOffset);

    /// <inheritdoc />
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        switch (reader.TokenType)
        {
            case JsonToken.Null:
                if (Nullable.GetUnderlyingType(objectType) is null)
                {
                    throw new JsonSerializationException($"Null is not a valid date-time at '{reader.Path}'.");
                }

                return null;
            case JsonToken.String when IsoDates.TryParseDateTime((string)reader.Value!, out var value):
                return value;
            case JsonToken.Date when reader.Value is DateTimeOffset offset:
                return offset;
            case JsonToken.Date when reader.Value is DateTime dateTime:
                return new DateTimeOffset(DateTime.SpecifyKind(dateTime, dateTime.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : dateTime.Kind));
            default:
                throw new JsonSerializationException($"Expected an ISO 8601 date-time at '{reader.Path}'.");
        }
    }

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is DateTimeOffset offset)
        {
            writer.WriteValue(IsoDates.FormatDateTime(offset));
        }
        else
        {
            writer.WriteNull();
        }
    }
}
