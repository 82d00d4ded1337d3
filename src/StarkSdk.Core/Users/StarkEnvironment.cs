namespace StarkSdk.Core;

/// <summary>The Stark environment a user's credentials belong to.</summary>
public enum StarkEnvironment
{
    /// <summary>The sandbox: isolated test data, simulated settlement.</summary>
    Sandbox = 0,

    /// <summary>Production: real money.</summary>
    Production = 1,
}
