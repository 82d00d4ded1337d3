using System;
using StarkSdk.Core.Tests.Infrastructure;

namespace StarkSdk.Core.Tests.Keys;

/// <summary>How the implementation is chosen; the process-wide choice itself is checked in ImplementationEquivalenceTests.</summary>
public class Secp256k1ProviderTests
{
    [TestCase(null)]
    [TestCase("")]
    [TestCase("auto")]
    [TestCase(" Native ")]
    public void DefaultsToNativeWhereItLoads(string? setting)
    {
        var selection = Secp256k1Provider.Select(setting);
        Assert.That(selection.Backend?.Implementation, Is.EqualTo(Secp256k1Implementation.Native), selection.Description);
    }

    [Test]
    public void ManagedCanBeForcedWhereTheBuildHasIt()
    {
        var selection = Secp256k1Provider.Select("managed");
#if STARKCORE_NETSTANDARD
        Assert.That(selection.Backend, Is.Null);
        Assert.That(selection.Description, Does.Contain("netstandard2.1"));
#else
        Assert.That(selection.Backend?.Implementation, Is.EqualTo(Secp256k1Implementation.Managed), selection.Description);
        Assert.That(selection.Description, Does.Contain("forced by STARKSDK_SECP256K1"));
#endif
    }

    [Test]
    public void AnUnknownSettingIsAClearErrorNotASilentChoice()
    {
        var selection = Secp256k1Provider.Select("bouncycastle");
        Assert.That(selection.Backend, Is.Null);
        Assert.That(selection.Description, Does.Contain("STARKSDK_SECP256K1").And.Contain("'native', 'managed'"));
    }

    [Test]
    public void TheProcessUsesTheImplementationTheEnvironmentAsksFor()
    {
        var forced = Environment.GetEnvironmentVariable(Secp256k1Provider.EnvironmentVariable);
        var expected = string.Equals(forced, "managed", StringComparison.OrdinalIgnoreCase) ? Secp256k1Implementation.Managed : Secp256k1Implementation.Native;
        Assert.That(Secp256k1Provider.Current, Is.EqualTo(expected), Secp256k1Provider.Description);
        Assert.That(TestData.DocsKey.ToString(), Does.Contain("secp256k1"));
    }

    [Test]
    public void LogsTheChoiceAtMostOncePerProcessAndNeverAnyKey()
    {
        // Whichever logger comes first in the process gets the line (a pipeline may have taken it already); never a second.
        var first = new CapturingLoggerFactory();
        var second = new CapturingLoggerFactory();
        Secp256k1Provider.LogChoice(null);
        Secp256k1Provider.LogChoice(first.CreateLogger(StarkDiagnostics.SourceName));
        Secp256k1Provider.LogChoice(second.CreateLogger(StarkDiagnostics.SourceName));
        Assert.That(second.Lines, Is.Empty);
        Assert.That(first.Lines.Count, Is.LessThanOrEqualTo(1));
        foreach (var line in first.Lines)
        {
            Assert.That(line, Does.Contain("secp256k1").And.Contain(Secp256k1Provider.Description));
            PrivateKeyTests.AssertNoKeyMaterial(line, TestData.DocsKeyPem);
        }
    }
}
