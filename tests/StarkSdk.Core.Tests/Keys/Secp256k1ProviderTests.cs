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
}
