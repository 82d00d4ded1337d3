using System;
using System.Collections.Generic;
using System.ComponentModel;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace StarkSdk.Core;

/// <summary>Value writers of the generated JSON converters, in the formats of the runtime's converters.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonWrite
{
    private static readonly DateConverter DateConverter = new DateConverter();
    private static readonly DateOrDateTimeConverter DateOrDateTimeConverter = new DateOrDateTimeConverter();

    /// <summary>A date-time as the API writes it (UTC, microseconds).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void DateTime(JsonWriter writer, DateTimeOffset value) => writer.WriteValue(IsoDates.FormatDateTime(value));

    /// <summary>A date or a date-time, as <see cref="Core.DateOrDateTimeConverter"/> writes it.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    /// <param name="serializer">The calling serializer.</param>
    public static void DateOrDateTime(JsonWriter writer, DateTimeOffset value, JsonSerializer serializer) => DateOrDateTimeConverter.WriteJson(writer, value, serializer);

    /// <summary>A calendar date, <c>yyyy-MM-dd</c>.</summary>
    /// <typeparam name="TDate">DateOnly or DateTime.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    /// <param name="serializer">The calling serializer.</param>
    public static void Date<TDate>(JsonWriter writer, TDate value, JsonSerializer serializer)
        where TDate : struct
        => DateConverter.WriteJson(writer, value, serializer);

    /// <summary>The fields a model kept from a newer API, written back after its own, as reflection-based Newtonsoft does.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="data">The model's extension data, or null.</param>
    /// <param name="serializer">The calling serializer.</param>
    public static void Extension(JsonWriter writer, IDictionary<string, JToken>? data, JsonSerializer serializer)
    {
        if (data is null)
        {
            return;
        }

        foreach (var pair in data)
        {
            writer.WritePropertyName(pair.Key);
            serializer.Serialize(writer, pair.Value);
        }
    }
}
