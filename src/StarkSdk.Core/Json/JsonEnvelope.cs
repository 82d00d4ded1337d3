using System;
using Newtonsoft.Json;

namespace StarkSdk.Core;

/// <summary>A request body that wraps a value under one key: serializes as <c>{"key": value}</c>, e.g. <c>{"invoices": [...]}</c>.</summary>
[JsonConverter(typeof(JsonEnvelopeConverter))]
public sealed class JsonEnvelope
{
    /// <summary>Creates the envelope.</summary>
    /// <param name="key">The JSON property name.</param>
    /// <param name="value">The wrapped value, serialized with <see cref="StarkJson"/>.</param>
    public JsonEnvelope(string key, object? value)
    {
        Key = key ?? throw new ArgumentNullException(nameof(key));
        Value = value;
    }

    /// <summary>The JSON property name.</summary>
    public string Key { get; }

    /// <summary>The wrapped value.</summary>
    public object? Value { get; }
}

/// <summary>Writes a <see cref="JsonEnvelope"/> as a one-property object; the runtime never reads envelopes.</summary>
internal sealed class JsonEnvelopeConverter : JsonConverter
{
    public override bool CanRead => false;

    public override bool CanConvert(Type objectType) => objectType == typeof(JsonEnvelope);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
        throw new NotSupportedException("JsonEnvelope is write-only.");

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        var envelope = (JsonEnvelope)value!;
        writer.WriteStartObject();
        writer.WritePropertyName(envelope.Key);
        serializer.Serialize(writer, envelope.Value);
        writer.WriteEndObject();
    }
}
