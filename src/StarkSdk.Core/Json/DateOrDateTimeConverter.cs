using System;
using Newtonsoft.Json;

namespace StarkSdk.Core;

/// <summary>
/// For fields that accept a date or a date-time (<see cref="DateTimeOffset"/> or <see cref="DateTime"/> properties):
/// reads either form (a date means midnight UTC); writes <c>"yyyy-MM-dd"</c> when the UTC time is 00:00:00, else the full UTC date-time.
/// </summary>
public sealed class DateOrDateTimeConverter : JsonConverter
{
    /// <inheritdoc />
    public override bool CanConvert(Type objectType)
    {
        var type = Nullable.GetUnderlyingType(objectType) ?? objectType;
        return type == typeof(DateTimeOffset) || type == typeof(DateTime);
    }

    /// <inheritdoc />
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        var type = Nullable.GetUnderlyingType(objectType) ?? objectType;
        if (reader.TokenType == JsonToken.Null)
        {
            if (Nullable.GetUnderlyingType(objectType) is null)
            {
                throw new JsonSerializationException($"Null is not a valid date at '{reader.Path}'.");
            }

            return null;
        }

        if (reader.TokenType != JsonToken.String || !IsoDates.TryParseDateTime((string)reader.Value!, out var value))
        {
            throw new JsonSerializationException($"Expected a date or an ISO 8601 date-time at '{reader.Path}'.");
        }

        return type == typeof(DateTime) ? value.UtcDateTime : (object)value;
    }

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        DateTimeOffset offset;
        switch (value)
        {
            case DateTimeOffset o:
                offset = o;
                break;
            case DateTime d:
                // An unspecified DateTime is taken as UTC so that a plain date written as new DateTime(y, m, d) stays that date.
                offset = new DateTimeOffset(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime());
                break;
            default:
                writer.WriteNull();
                return;
        }

        var utc = offset.ToUniversalTime();
        writer.WriteValue(utc.TimeOfDay == TimeSpan.Zero ? IsoDates.FormatDate(utc.UtcDateTime) : IsoDates.FormatDateTime(utc));
    }
}
