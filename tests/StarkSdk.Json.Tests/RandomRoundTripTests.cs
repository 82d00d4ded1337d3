using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using StarkSdk.Bank;
using StarkSdk.Infra;

namespace StarkSdk.Json.Tests;

/// <summary>Randomized instances of every model (seeded) write and read byte for byte as with reflection.</summary>
public class RandomRoundTripTests
{
    private const int InstancesPerModel = 8;

    private static IEnumerable<TestCaseData> Models() =>
        RandomModels.ModelsOf(typeof(Invoice).Assembly).Concat(RandomModels.ModelsOf(typeof(PixRequest).Assembly))
            .Select(t => new TestCaseData(t).SetArgDisplayNames(t.FullName!));

    [TestCaseSource(nameof(Models))]
    public void RandomInstancesRoundTripIdentically(Type model)
    {
        for (var seed = 0; seed < InstancesPerModel; seed++)
        {
            var value = new RandomModels(HashCode(model.FullName!) + seed).Create(model);
            Both.AssertIdentical(value, $"{model.Name} (seed {seed})");
        }
    }

    [Test]
    public void EveryModelIsCovered()
    {
        Assert.That(RandomModels.ModelsOf(typeof(Invoice).Assembly).Count(), Is.GreaterThan(100));
        Assert.That(RandomModels.ModelsOf(typeof(PixRequest).Assembly).Count(), Is.GreaterThan(100));
    }

    /// <summary>A hash of the name that is the same in every run (string.GetHashCode is randomized per process).</summary>
    private static int HashCode(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash & 0x3fffffff;
    }
}

/// <summary>The comparison is between two different paths: the generated converters are in use, and reflection is not them.</summary>
public class PathTests
{
    [Test]
    public void TheSdkSerializerUsesTheGeneratedConvertersAndReflectionDoesNot()
    {
        foreach (var model in RandomModels.ModelsOf(typeof(Invoice).Assembly).Concat(RandomModels.ModelsOf(typeof(PixRequest).Assembly)))
        {
            var generated = Core.StarkJson.Serializer.ContractResolver.ResolveContract(model).Converter;
            var reflection = Core.StarkJson.Reflection.ContractResolver.ResolveContract(model).Converter;
            Assert.That(generated?.GetType().Name, Is.EqualTo(model.Name + "JsonConverter"), model.Name);
            Assert.That(reflection is null || reflection.GetType().Name == "ReflectionUnionConverter", Is.True, model.Name);
        }
    }

    [Test]
    public void RandomInstancesAreFilled()
    {
        var json = Both.Write(Core.StarkJson.Serializer, new RandomModels(1).Create(typeof(Invoice)));
        Assert.That(Newtonsoft.Json.Linq.JObject.Parse(json).Count, Is.GreaterThan(8), json);
    }
}
