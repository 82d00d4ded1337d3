using NUnit.Framework;

namespace StarkSdk.Core.Tests;

public class EnvironmentTests
{
    [Test]
    public void SandboxIsTheDefault()
    {
        Assert.That(default(StarkEnvironment), Is.EqualTo(StarkEnvironment.Sandbox));
    }
}
