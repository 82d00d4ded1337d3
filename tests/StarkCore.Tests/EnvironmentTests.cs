using NUnit.Framework;

namespace StarkCore.Tests;

public class EnvironmentTests
{
    [Test]
    public void SandboxIsTheDefault()
    {
        Assert.That(default(StarkEnvironment), Is.EqualTo(StarkEnvironment.Sandbox));
    }
}
