using System;
using NUnit.Framework;
using Newtonsoft.Json;
using StarkSdk.Bank;
using StarkSdk.Core;

namespace StarkSdk.Json.Tests;

/// <summary>JSON that is not a model is an error on both paths, never a half-read object.</summary>
public class MalformedJsonTests
{
    [TestCase("{\"amount\": 1")]
    [TestCase("{\"someFieldOfANewerApi\": \"a lot\"")]
    [TestCase("{\"amount\": }")]
    [TestCase("[1, 2]")]
    [TestCase("\"text\"")]
    [TestCase("{\"amount\": \"many\"}")]
    [TestCase("{\"discounts\": [{\"percentage\": 1}")]
    public void BothPathsReject(string json)
    {
        Assert.That(() => Both.Read(StarkJson.Reflection, json, typeof(Invoice)), Throws.InstanceOf<JsonException>().Or.InstanceOf<FormatException>(), "reflection");
        Assert.That(() => Both.Read(StarkJson.Serializer, json, typeof(Invoice)), Throws.InstanceOf<JsonException>().Or.InstanceOf<FormatException>(), "generated");
    }

    [Test]
    public void ANullIsNull()
    {
        Assert.That(Both.Read(StarkJson.Serializer, "null", typeof(Invoice)), Is.Null);
    }
}
