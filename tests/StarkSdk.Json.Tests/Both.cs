using System;
using System.Globalization;
using System.IO;
using Newtonsoft.Json;
using NUnit.Framework;
using StarkSdk.Core;

namespace StarkSdk.Json.Tests;

/// <summary>Reads and writes with the generated converters (<see cref="StarkJson.Serializer"/>) and with reflection (<see cref="StarkJson.Reflection"/>).</summary>
internal static class Both
{
    public static string Write(JsonSerializer serializer, object? value)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        serializer.Serialize(text, value);
        return text.ToString();
    }

    public static object? Read(JsonSerializer serializer, string json, Type type)
    {
        using var reader = new JsonTextReader(new StringReader(json));
        return serializer.Deserialize(reader, type);
    }

    /// <summary>The JSON as reflection reads and writes it is exactly what the generated converters read and write.</summary>
    public static void AssertIdentical(Type type, string json, string label)
    {
        var viaReflection = Read(StarkJson.Reflection, json, type);
        var viaGenerated = Read(StarkJson.Serializer, json, type);
        var expected = Write(StarkJson.Reflection, viaReflection);
        Assert.That(viaGenerated?.GetType(), Is.EqualTo(viaReflection?.GetType()), label + ": the same class");
        Assert.That(Write(StarkJson.Serializer, viaGenerated), Is.EqualTo(expected), label + ": generated read + generated write");
        Assert.That(Write(StarkJson.Reflection, viaGenerated), Is.EqualTo(expected), label + ": generated read");
        Assert.That(Write(StarkJson.Serializer, viaReflection), Is.EqualTo(expected), label + ": generated write");
    }

    /// <summary>An object written by both paths gives the same bytes, and reads back the same way.</summary>
    public static void AssertIdentical(object value, string label)
    {
        var expected = Write(StarkJson.Reflection, value);
        Assert.That(Write(StarkJson.Serializer, value), Is.EqualTo(expected), label + ": write");
        AssertIdentical(value.GetType(), expected, label);
    }
}
