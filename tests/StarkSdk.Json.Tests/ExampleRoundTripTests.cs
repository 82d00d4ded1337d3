using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using NUnit.Framework;
using StarkSdk.Bank;
using StarkSdk.Infra;

namespace StarkSdk.Json.Tests;

/// <summary>Every documented example of both specs reads and writes byte for byte as with reflection.</summary>
public class ExampleRoundTripTests
{
    private static IEnumerable<TestCaseData> BankExamples() =>
        SpecExamples.Of("starkbank.yaml", typeof(Invoice).Assembly, "StarkSdk.Bank").Select(c => new TestCaseData(c).SetArgDisplayNames(c.Label));

    private static IEnumerable<TestCaseData> InfraExamples() =>
        SpecExamples.Of("starkinfra.yaml", typeof(PixRequest).Assembly, "StarkSdk.Infra").Select(c => new TestCaseData(c).SetArgDisplayNames(c.Label));

    [TestCaseSource(nameof(BankExamples))]
    public void StarkBankExample(SpecExamples.Case example) => Both.AssertIdentical(example.Type, example.Json.ToString(Formatting.None), example.Label);

    [TestCaseSource(nameof(InfraExamples))]
    public void StarkInfraExample(SpecExamples.Case example) => Both.AssertIdentical(example.Type, example.Json.ToString(Formatting.None), example.Label);

    [Test]
    public void EveryExampleIsReadByTheStrictReader()
    {
        // The documented examples are the API's own JSON: none of them may need the JsonTextReader fallback.
        var examples = SpecExamples.Of("starkbank.yaml", typeof(Invoice).Assembly, "StarkSdk.Bank")
            .Concat(SpecExamples.Of("starkinfra.yaml", typeof(PixRequest).Assembly, "StarkSdk.Infra")).ToList();
        var fallbacks = examples.Where(e => !Both.AssertSdkReadsAsTextReader(e.Type, e.Json.ToString(Formatting.Indented), e.Label)).Select(e => e.Label).ToList();
        Assert.That(examples, Has.Count.GreaterThan(100));
        Assert.That(fallbacks, Is.Empty);
    }

    [Test]
    public void BothSpecsHaveManyExamplesOfModels()
    {
        Assert.That(SpecExamples.Of("starkbank.yaml", typeof(Invoice).Assembly, "StarkSdk.Bank").Select(c => c.Type).Distinct().Count(), Is.GreaterThan(40));
        Assert.That(SpecExamples.Of("starkinfra.yaml", typeof(PixRequest).Assembly, "StarkSdk.Infra").Select(c => c.Type).Distinct().Count(), Is.GreaterThan(40));
    }
}
