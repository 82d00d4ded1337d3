using System;
using Newtonsoft.Json;

namespace StarkSdk.Core;

/// <summary>
/// Converts a calendar date as <c>"yyyy-MM-dd"</c> to and from <see cref="DateTime"/> (and <c>DateOnly</c> on .NET 6+).
/// Put it on date properties with <c>[JsonConverter(typeof(DateConverter))]</c>.
/// </summary>
public sealed class DateConverter : JsonConverter
{
    /// <inheritdoc />
    public override bool CanConvert(Type objectType)
    {
        var type = Nullable.GetUnderlyingType(objectType) ?? objectType;
#if NET6_0_OR_GREATER
        if (type == typeof(DateOnly))
        {
            return true;
        }
#endif
        return type == typeof(DateTime);
    }

    /// <inheritdoc />
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            if (Nullable.GetUnderlyingType(objectType) is null && objectType.IsValueType)
            {
                throw new JsonSerializationException($"Null is not a valid date for {objectType.Name} at '{reader.Path}'.");
            }

            return null;
        }

        DateTime date;
        if (reader.TokenType == JsonToken.String && IsoDates.TryParseDate((string)reader.Value!, out date))
        {
        }
        else if (reader.TokenType == JsonToken.Date && reader.Value is DateTime parsed)
        {
            date = parsed.Date;
        }
        else
        {
            throw new JsonSerializationException($"Expected a date \"yyyy-MM-dd\" at '{reader.Path}'.");
        }

        var type = Nullable.GetUnderlyingType(objectType) ?? objectType;
#if NET6_0_OR_GREATER
        if (type == typeof(DateOnly))
        {
            return DateOnly.FromDateTime(date);
        }
#endif
        return date;
    }

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        switch (value)
        {
            case null:
                writer.WriteNull();
                break;
            case DateTime dateTime:
                writer.WriteValue(IsoDates.FormatDate(dateTime));
                break;
#if NET6_0_OR_GREATER
            case DateOnly dateOnly:
                writer.WriteValue(IsoDates.FormatDate(dateOnly.ToDateTime(TimeOnly.MinValue)));
                break;
#endif
            default:
                throw new JsonSerializationException($"DateConverter cannot write a {value.GetType().Name}.");
        }
    }
}
