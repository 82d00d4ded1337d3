using System.Threading.Tasks;
using NUnit.Framework;
using StarkSdk.E2E.Tests.Infrastructure;

// Tests run one at a time: the Prism proxy's relay is pointed at the running test's emulator (see PrismServers).
[assembly: NonParallelizable]

// No namespace: an assembly-wide SetUpFixture.

/// <summary>Stops the Prism processes (and their process trees) after the last test.</summary>
[SetUpFixture]
public sealed class GlobalTeardown
{
    [OneTimeTearDown]
    public Task StopPrism() => PrismServers.StopAsync();
}
