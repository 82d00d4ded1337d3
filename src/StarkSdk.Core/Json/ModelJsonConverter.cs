using System;
using System.ComponentModel;
using Newtonsoft.Json;

namespace StarkSdk.Core;

/// <summary>
/// Base of the JSON converters the generator emits for every model: they read and write the properties with
/// <see cref="JsonReader"/>/<see cref="JsonWriter"/> directly (no reflection, no contract resolution). A class a user
/// derives from a generated model is (de)serialized by reflection, as any other type.
/// </summary>
/// <typeparam name="T">The generated model.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class ModelJsonConverter<T> : JsonConverter
    where T : class
{
    /// <inheritdoc />
    public override bool CanConvert(Type objectType) => typeof(T).IsAssignableFrom(objectType);

    /// <inheritdoc />
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (objectType != typeof(T) && reader.TokenType != JsonToken.Null)
        {
            // A user's subclass inherits the model's [JsonConverter]: populate it by reflection instead.
            var target = existingValue ?? Activator.CreateInstance(objectType, nonPublic: true)!;
            StarkJson.Reflection.Populate(reader, target);
            return target;
        }

        return ReadValue(reader, serializer);
    }

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is T model)
        {
            WriteValue(writer, model, serializer);
        }
        else
        {
            writer.WriteNull();
        }
    }

    /// <summary>Reads a value of the model (null for a JSON null) at the reader's current token.</summary>
    /// <param name="reader">The reader, on the value's first token.</param>
    /// <param name="serializer">The calling serializer (for values outside the generated models).</param>
    /// <returns>The model, or null.</returns>
    public T? ReadValue(JsonReader reader, JsonSerializer serializer)
    {
        JsonRead.SkipComments(reader);
        switch (reader.TokenType)
        {
            case JsonToken.Null:
            case JsonToken.Undefined:
                return null;
            case JsonToken.StartObject:
                return ReadObject(reader, serializer);
            default:
                throw new JsonSerializationException($"Expected a JSON object for {typeof(T).Name} at '{reader.Path}', got {reader.TokenType}.");
        }
    }

    /// <summary>Writes <paramref name="value"/>: by this converter when it is exactly <typeparamref name="T"/>, else by its own type's converter.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value, or null.</param>
    /// <param name="serializer">The calling serializer.</param>
    public void WriteValue(JsonWriter writer, T? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else if (value.GetType() == typeof(T))
        {
            WriteObject(writer, value, serializer);
        }
        else if (IsGenerated(value.GetType()))
        {
            serializer.Serialize(writer, value);
        }
        else
        {
            StarkJson.Reflection.Serialize(writer, value);
        }
    }

    /// <summary>Reads the object that starts at the reader's <see cref="JsonToken.StartObject"/>, up to its end.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="serializer">The calling serializer.</param>
    /// <returns>The model.</returns>
    protected abstract T ReadObject(JsonReader reader, JsonSerializer serializer);

    /// <summary>Writes the object, <c>{</c> to <c>}</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The model.</param>
    /// <param name="serializer">The calling serializer.</param>
    protected abstract void WriteObject(JsonWriter writer, T value, JsonSerializer serializer);

    private static bool IsGenerated(Type type) => type.Assembly == typeof(T).Assembly;
}
