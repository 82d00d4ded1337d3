using System;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using Newtonsoft.Json;

namespace StarkSdk.Core;

/// <summary>
/// (De)serializes <see cref="IStringEnum"/> types that have a public constructor taking the string value.
/// Values the SDK does not know yet are kept, never rejected. Registered in <see cref="StarkJson.Settings"/>.
/// </summary>
public sealed class StringEnumConverter : JsonConverter
{
    private static readonly ConcurrentDictionary<Type, Func<string, object>?> Factories = new ConcurrentDictionary<Type, Func<string, object>?>();

    /// <inheritdoc />
    public override bool CanConvert(Type objectType) => Factory(Nullable.GetUnderlyingType(objectType) ?? objectType) != null;

    /// <inheritdoc />
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonToken.String)
        {
            throw new JsonSerializationException($"Expected a string for {objectType.Name} at '{reader.Path}'.");
        }

        var factory = Factory(Nullable.GetUnderlyingType(objectType) ?? objectType)
            ?? throw new JsonSerializationException($"{objectType.Name} has no public constructor taking a string.");
        return factory((string)reader.Value!);
    }

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is IStringEnum stringEnum && stringEnum.Value != null)
        {
            writer.WriteValue(stringEnum.Value);
        }
        else
        {
            writer.WriteNull();
        }
    }

    private static Func<string, object>? Factory(Type type) => Factories.GetOrAdd(type, t =>
    {
        if (!typeof(IStringEnum).IsAssignableFrom(t) || t.IsAbstract || t.IsInterface)
        {
            return null;
        }

        var constructor = t.GetConstructor(new[] { typeof(string) });
        if (constructor is null)
        {
            return null;
        }

        var parameter = Expression.Parameter(typeof(string), "value");
        var body = Expression.Convert(Expression.New(constructor, parameter), typeof(object));
        return Expression.Lambda<Func<string, object>>(body, parameter).Compile();
    });
}
