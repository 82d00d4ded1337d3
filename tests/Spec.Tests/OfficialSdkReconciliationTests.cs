using System;
using System.Linq;
using NUnit.Framework;

namespace Spec.Tests;

/// <summary>
/// openapi/starkbank.yaml agrees with what the official Stark Bank Node SDK puts on the wire
/// (Data/official-sdk-facts.json): every route, query filter, creation and update field, required field, date format
/// and enum value, except the differences listed by name in <see cref="OfficialSdkAcceptedDifferences"/>.
/// </summary>
[TestFixture]
public class OfficialSdkReconciliationTests
{
    [Test]
    public void FactsFileIsSane()
    {
        Assert.That(OfficialSdkFacts.Resources.Count(), Is.GreaterThanOrEqualTo(60), "the facts file looks truncated: run tools/extract-official-sdk-facts.py again");
        Assert.That(OfficialSdkFacts.Routes().Count(), Is.GreaterThanOrEqualTo(150));
        Assert.That((string?)OfficialSdkFacts.Document["source"], Does.StartWith("npm starkbank@"));
    }

    [Test]
    public void EveryOfficialSdkFactIsInTheSpecOrAnAcceptedDifference()
    {
        var result = new OfficialSdkReconciliation(SpecFiles.StarkBank.Document);
        var unexplained = result.Differences.Where(d => !OfficialSdkAcceptedDifferences.All.ContainsKey(d.Key))
            .Select(d => $"{d.Key}  ({d.Value})").ToList();
        TestContext.Out.WriteLine($"{result.FactsChecked} official SDK facts checked; {result.Differences.Count} accepted differences");
        Assert.That(unexplained, Is.Empty,
            "the official SDK sends these and openapi/starkbank.yaml does not agree: fix the spec, or add the key to "
            + "OfficialSdkAcceptedDifferences with its reason:\n  " + string.Join("\n  ", unexplained));
    }

    [Test]
    public void EveryAcceptedDifferenceStillExists()
    {
        var result = new OfficialSdkReconciliation(SpecFiles.StarkBank.Document);
        var stale = OfficialSdkAcceptedDifferences.All.Keys.Where(k => !result.Differences.ContainsKey(k)).ToList();
        Assert.That(stale, Is.Empty, "accepted differences the spec no longer has (remove them):\n  " + string.Join("\n  ", stale));
    }

    [Test]
    public void EveryAcceptedDifferenceHasAReason()
    {
        var bad = OfficialSdkAcceptedDifferences.All.Where(d => string.IsNullOrWhiteSpace(d.Value) || d.Value.Contains('\n')).Select(d => d.Key);
        Assert.That(bad, Is.Empty, "each accepted difference needs a one-line reason");
    }
}
