using System;
using System.Collections.Concurrent;
using System.Globalization;
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
        var type = Nullable.GetUnderlyingType(objectType) ?? objectType;
        var factory = Factory(type) ?? throw new JsonSerializationException($"{objectType.Name} has no public constructor taking a string.");
        if (reader.TokenType == JsonToken.Null)
        {
            // A null into a non-nullable enum is its default (empty) value, never an error.
            return type == objectType ? Activator.CreateInstance(type) : null;
        }

        // Any other token (a number, a boolean) is kept as its text: a newer API's value never crashes.
        var text = reader.Value as string ?? Convert.ToString(reader.Value, CultureInfo.InvariantCulture) ?? string.Empty;
        return factory(text);
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
