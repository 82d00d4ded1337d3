using System;
using System.Collections.Generic;
using System.ComponentModel;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace StarkSdk.Core;

/// <summary>
/// Value readers of the generated JSON converters: the API's usual token is read directly; anything else goes through
/// the serializer, so an unusual value behaves exactly as with reflection.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonRead
{
    private static readonly DateTimeOffsetConverter DateTimeOffsetConverter = new DateTimeOffsetConverter();
    private static readonly DateConverter DateConverter = new DateConverter();
    private static readonly DateOrDateTimeConverter DateOrDateTimeConverter = new DateOrDateTimeConverter();

    /// <summary>Moves past comments.</summary>
    /// <param name="reader">The reader.</param>
    public static void SkipComments(JsonReader reader)
    {
        while (reader.TokenType == JsonToken.Comment && reader.Read())
        {
        }
    }

    /// <summary>Moves to the next token that is not a comment.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>False at the end of the input.</returns>
    public static bool Next(JsonReader reader)
    {
        while (reader.Read())
        {
            if (reader.TokenType != JsonToken.Comment)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Moves to the next member of an object: true on its name, false at the object's end.</summary>
    /// <param name="reader">The reader, inside an object.</param>
    /// <returns>True on a property name, false on the end of the object.</returns>
    /// <exception cref="JsonSerializationException">The input ends, or holds something else, before the object does.</exception>
    public static bool NextMember(JsonReader reader)
    {
        if (!Next(reader))
        {
            throw new JsonSerializationException($"Unexpected end when deserializing object. Path '{reader.Path}'.");
        }

        switch (reader.TokenType)
        {
            case JsonToken.PropertyName:
                return true;
            case JsonToken.EndObject:
                return false;
            default:
                throw new JsonSerializationException($"Unexpected token when deserializing object: {reader.TokenType}. Path '{reader.Path}'.");
        }
    }

    /// <summary>Moves to the value of the member whose name the reader is on.</summary>
    /// <param name="reader">The reader, on a property name.</param>
    /// <exception cref="JsonSerializationException">The input ends before the value.</exception>
    public static void MemberValue(JsonReader reader)
    {
        if (!Next(reader))
        {
            throw new JsonSerializationException($"Unexpected end when deserializing object. Path '{reader.Path}'.");
        }
    }

    /// <summary>A string.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="serializer">The calling serializer.</param>
    /// <returns>The value.</returns>
    public static string? String(JsonReader reader, JsonSerializer serializer)
        => reader.TokenType == JsonToken.String ? (string)reader.Value! : serializer.Deserialize<string?>(reader);

    /// <summary>An int64.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="serializer">The calling serializer.</param>
    /// <returns>The value.</returns>
    public static long Int64(JsonReader reader, JsonSerializer serializer)
    {
        if (reader is Utf8BodyReader body && body.TryGetInt64(out var unboxed))
        {
            return unboxed;
        }

        return reader.TokenType == JsonToken.Integer && reader.Value is long value ? value : serializer.Deserialize<long>(reader);
    }

    /// <summary>An int32.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="serializer">The calling serializer.</param>
    /// <returns>The value.</returns>
    public static int Int32(JsonReader reader, JsonSerializer serializer)
    {
        if (reader is Utf8BodyReader body && body.TryGetInt64(out var unboxed) && unboxed >= int.MinValue && unboxed <= int.MaxValue)
        {
            return (int)unboxed;
        }

        return reader.TokenType == JsonToken.Integer && reader.Value is long value && value >= int.MinValue && value <= int.MaxValue ? (int)value : serializer.Deserialize<int>(reader);
    }

    /// <summary>A decimal.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="serializer">The calling serializer.</param>
    /// <returns>The value.</returns>
    public static decimal Decimal(JsonReader reader, JsonSerializer serializer)
    {
        if (reader is Utf8BodyReader body && body.TryGetDecimal(out var unboxed))
        {
            return unboxed;
        }

        switch (reader.Value)
        {
            case decimal value when reader.TokenType == JsonToken.Float:
                return value;
            case long value when reader.TokenType == JsonToken.Integer:
                return value;
            default:
                return serializer.Deserialize<decimal>(reader);
        }
    }

    /// <summary>A double.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="serializer">The calling serializer.</param>
    /// <returns>The value.</returns>
    public static double Double(JsonReader reader, JsonSerializer serializer)
    {
        if (reader is Utf8BodyReader body && body.TryGetDecimal(out var unboxed))
        {
            return reader.TokenType == JsonToken.Integer ? (long)unboxed : (double)unboxed;
        }

        switch (reader.Value)
        {
            case double value when reader.TokenType == JsonToken.Float:
                return value;
            case decimal value when reader.TokenType == JsonToken.Float:
                return (double)value;
            case long value when reader.TokenType == JsonToken.Integer:
                return value;
            default:
                return serializer.Deserialize<double>(reader);
        }
    }

    /// <summary>A boolean.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="serializer">The calling serializer.</param>
    /// <returns>The value.</returns>
    public static bool Boolean(JsonReader reader, JsonSerializer serializer)
        => reader.TokenType == JsonToken.Boolean && reader.Value is bool value ? value : serializer.Deserialize<bool>(reader);

    /// <summary>A date-time, as <see cref="Core.DateTimeOffsetConverter"/> reads it.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="serializer">The calling serializer.</param>
    /// <returns>The value (null for a JSON null).</returns>
    public static DateTimeOffset? DateTime(JsonReader reader, JsonSerializer serializer)
    {
        if (reader is Utf8BodyReader body && body.TryGetCanonicalDateTime(out var unmaterialized))
        {
            return unmaterialized;
        }

        return reader.TokenType == JsonToken.String && IsoDates.TryParseCanonical((string)reader.Value!, out var value)
            ? value
            : (DateTimeOffset?)DateTimeOffsetConverter.ReadJson(reader, typeof(DateTimeOffset?), null, serializer);
    }

    /// <summary>A date or a date-time, as <see cref="Core.DateOrDateTimeConverter"/> reads it.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="serializer">The calling serializer.</param>
    /// <returns>The value (null for a JSON null).</returns>
    public static DateTimeOffset? DateOrDateTime(JsonReader reader, JsonSerializer serializer)
    {
        // The converter reads canonical text with this same parser first.
        if (reader is Utf8BodyReader body && body.TryGetCanonicalDateTime(out var unmaterialized))
        {
            return unmaterialized;
        }

        return (DateTimeOffset?)DateOrDateTimeConverter.ReadJson(reader, typeof(DateTimeOffset?), null, serializer);
    }

    /// <summary>A calendar date, as <see cref="Core.DateConverter"/> reads it.</summary>
    /// <typeparam name="TDate">DateOnly or DateTime.</typeparam>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="serializer">The calling serializer.</param>
    /// <returns>The value (null for a JSON null).</returns>
    public static TDate? Date<TDate>(JsonReader reader, JsonSerializer serializer)
        where TDate : struct
        => (TDate?)DateConverter.ReadJson(reader, typeof(TDate?), null, serializer);

    /// <summary>A list, each item read by <paramref name="item"/>.</summary>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="serializer">The calling serializer.</param>
    /// <param name="item">Reads one item at the reader's current token.</param>
    /// <returns>The list (null for a JSON null).</returns>
    public static List<TItem>? List<TItem>(JsonReader reader, JsonSerializer serializer, Func<JsonReader, JsonSerializer, TItem> item)
    {
        if (reader.TokenType != JsonToken.StartArray)
        {
            return serializer.Deserialize<List<TItem>?>(reader);
        }

        // Items gather in a rented array and the list is made at its final size: a page of 100 would otherwise leave
        // 124 slots of outgrown arrays behind, and a one-item list would carry 3 empty slots for as long as it lives.
        var items = System.Buffers.ArrayPool<TItem>.Shared.Rent(16);
        var count = 0;
        try
        {
            while (Next(reader) && reader.TokenType != JsonToken.EndArray)
            {
                if (count == items.Length)
                {
                    var bigger = System.Buffers.ArrayPool<TItem>.Shared.Rent(count * 2);
                    Array.Copy(items, bigger, count);
                    Array.Clear(items, 0, count);
                    System.Buffers.ArrayPool<TItem>.Shared.Return(items);
                    items = bigger;
                }

                items[count++] = item(reader, serializer);
            }

            var list = new List<TItem>(count);
            for (var i = 0; i < count; i++)
            {
                list.Add(items[i]);
            }

            return list;
        }
        finally
        {
            // Cleared, so that the pool does not keep the caller's objects alive.
            Array.Clear(items, 0, count);
            System.Buffers.ArrayPool<TItem>.Shared.Return(items);
        }
    }

    /// <summary>Any other value, through the serializer.</summary>
    /// <typeparam name="TValue">The type.</typeparam>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="serializer">The calling serializer.</param>
    /// <returns>The value.</returns>
    public static TValue? Other<TValue>(JsonReader reader, JsonSerializer serializer) => serializer.Deserialize<TValue>(reader);

    /// <summary>Keeps a field this version of the SDK does not know, as reflection-based Newtonsoft does.</summary>
    /// <param name="data">The model's extension data, or null.</param>
    /// <param name="name">The field's name.</param>
    /// <param name="reader">The reader, on the value.</param>
    /// <returns>The extension data (created on first use).</returns>
    public static IDictionary<string, JToken> Extension(IDictionary<string, JToken>? data, string name, JsonReader reader)
    {
        data ??= new Dictionary<string, JToken>();
        data[name] = JToken.ReadFrom(reader);
        return data;
    }
}
