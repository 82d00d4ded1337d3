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
        AssertSdkReadsAsTextReader(type, json, label);
    }

    /// <summary>
    /// The SDK's response path (<c>JsonBody</c>: the strict UTF-8 reader, JsonTextReader for what it leaves) reads the
    /// UTF-8 bytes of <paramref name="json"/> into what JsonTextReader alone reads from the same bytes.
    /// </summary>
    /// <returns>Whether the strict reader read it.</returns>
    public static bool AssertSdkReadsAsTextReader(Type type, string json, string label)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        var read = typeof(Both).GetMethod(nameof(ReadBody), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(type);
        var (sdk, strict) = ((object?, bool))read.Invoke(null, new object[] { bytes, false })!;
        var (text, _) = ((object?, bool))read.Invoke(null, new object[] { bytes, true })!;
        Assert.That(sdk?.GetType(), Is.EqualTo(text?.GetType()), label + ": the same class through the SDK's reader");
        Assert.That(Write(StarkJson.Serializer, sdk), Is.EqualTo(Write(StarkJson.Serializer, text)), label + ": the SDK's reader");
        return strict;
    }

    private static (object? Value, bool Strict) ReadBody<T>(byte[] bytes, bool textReaderOnly)
    {
        var result = textReaderOnly ? JsonBody.ReadWithTextReader<T>(bytes, 0, bytes.Length, null) : JsonBody.Read<T>(bytes, 0, bytes.Length, null);
        return (result.Value, result.Strict);
    }

    /// <summary>An object written by both paths gives the same bytes, and reads back the same way.</summary>
    public static void AssertIdentical(object value, string label)
    {
        var expected = Write(StarkJson.Reflection, value);
        Assert.That(Write(StarkJson.Serializer, value), Is.EqualTo(expected), label + ": write");
        AssertIdentical(value.GetType(), expected, label);
    }
}
