using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StarkSdk.Core;

namespace StarkSdk.Json.Tests;

/// <summary>
/// Fills a model with random values through its JSON properties (server-set ones too): strings with escapes, numbers
/// at their limits, dates to the microsecond, known and unknown enum values, nested models, lists, metadata and
/// unknown fields. The same seed gives the same object.
/// </summary>
internal sealed class RandomModels
{
    private readonly Random _random;

    public RandomModels(int seed)
    {
        _random = new Random(seed);
    }

    /// <summary>Every generated model of the assembly (the classes carrying a generated converter).</summary>
    public static IEnumerable<Type> ModelsOf(Assembly sdk) =>
        sdk.GetTypes()
            .Where(t => t.IsClass && t.IsPublic && t.GetCustomAttribute<JsonConverterAttribute>(inherit: false) is { } attribute
                && IsModelConverter(attribute.ConverterType))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    public object Create(Type type, int depth = 0)
    {
        var value = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var setter = property.GetSetMethod(nonPublic: true);
            if (setter is null || property.GetCustomAttribute<JsonPropertyAttribute>() is null || _random.Next(5) == 0)
            {
                continue;
            }

            // A union case's discriminator is set by its constructor; changing it would change the class to read.
            if (property.GetCustomAttribute<JsonPropertyAttribute>()!.PropertyName is { } name && type.BaseType is { } baseType
                && baseType.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType.GetInterface(nameof(IUnionJsonConverter)) is not null
                && ((IUnionJsonConverter)Activator.CreateInstance(baseType.GetCustomAttribute<JsonConverterAttribute>()!.ConverterType)!).DiscriminatorName == name)
            {
                continue;
            }

            var item = Value(property.PropertyType, depth);
            if (item is not null || Nullable.GetUnderlyingType(property.PropertyType) is not null || !property.PropertyType.IsValueType)
            {
                setter.Invoke(value, new[] { item });
            }
        }

        if (type.GetProperty("AdditionalData") is { } extension && _random.Next(2) == 0)
        {
            extension.SetValue(value, new Dictionary<string, JToken>
            {
                ["fieldOfANewerApi" + _random.Next(100)] = new JObject { ["nested"] = new JArray(1, "two", 3.5m, null, true) },
                ["anotherNewField"] = _random.Next(2) == 0 ? JValue.CreateNull() : new JValue("2024-01-02T03:04:05.123456+00:00"),
            });
        }

        return value;
    }

    private object? Value(Type type, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return _random.Next(4) == 0 ? null : Value(underlying, depth);
        }

        if (type == typeof(string))
        {
            return _random.Next(6) switch
            {
                0 => string.Empty,
                1 => "quote \" backslash \\ newline \n tab \t unicode ção 😀",
                _ => "s" + _random.Next(),
            };
        }

        if (type == typeof(long))
        {
            return _random.Next(5) switch { 0 => long.MaxValue, 1 => long.MinValue, 2 => 0L, _ => (long)_random.Next() * _random.Next(1, 1000) };
        }

        if (type == typeof(int))
        {
            return _random.Next(4) == 0 ? int.MaxValue : _random.Next(-1000, 100000);
        }

        if (type == typeof(decimal))
        {
            return _random.Next(4) switch { 0 => 0m, 1 => 2.50m, 2 => 1234567.891m, _ => new decimal(_random.Next(), 0, 0, _random.Next(2) == 0, (byte)_random.Next(0, 6)) };
        }

        if (type == typeof(double))
        {
            return _random.NextDouble() * 1000;
        }

        if (type == typeof(bool))
        {
            return _random.Next(2) == 0;
        }

        if (type == typeof(DateTimeOffset))
        {
            var ticks = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).Ticks + ((long)_random.Next() * 10_000_000L / 10) + (_random.Next(1_000_000) * 10L);
            var utc = new DateTimeOffset(ticks, TimeSpan.Zero);
            return _random.Next(3) == 0 ? new DateTimeOffset(utc.UtcDateTime.Date, TimeSpan.Zero) : utc;
        }

        if (type == typeof(DateOnly))
        {
            return DateOnly.FromDayNumber(738000 + _random.Next(3000));
        }

        if (type == typeof(DateTime))
        {
            return new DateTime(2020, 1, 1).AddDays(_random.Next(3000));
        }

        if (typeof(IStringEnum).IsAssignableFrom(type))
        {
            var known = ((IEnumerable)type.GetProperty("KnownValues")!.GetValue(null)!).Cast<object>().ToList();
            return known.Count == 0 || _random.Next(4) == 0
                ? Activator.CreateInstance(type, "value-of-a-newer-api-" + _random.Next(10))
                : known[_random.Next(known.Count)];
        }

        if (type == typeof(JToken))
        {
            return _random.Next(2) == 0 ? new JValue("any") : new JObject { ["a"] = 1, ["b"] = new JArray("x") };
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var arguments = type.GetGenericArguments();
            if (definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>))
            {
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(arguments[0]))!;
                var count = depth > 2 ? 0 : _random.Next(0, 3);
                for (var i = 0; i < count; i++)
                {
                    list.Add(Value(arguments[0], depth + 1));
                }

                return list;
            }

            if (definition == typeof(IDictionary<,>))
            {
                var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
                dictionary["key" + _random.Next(10)] = arguments[1] == typeof(object) ? "text" : Value(arguments[1], depth + 1);
                if (arguments[1] == typeof(object))
                {
                    dictionary["number"] = 12L;
                    dictionary["flag"] = true;
                }

                return dictionary;
            }
        }

        if (type.IsClass && depth < 3)
        {
            return _random.Next(4) == 0 ? null : Create(type, depth + 1);
        }

        return type.IsValueType ? Activator.CreateInstance(type) : null;
    }

    private static bool IsModelConverter(Type? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ModelJsonConverter<>))
            {
                return true;
            }
        }

        return false;
    }
}
