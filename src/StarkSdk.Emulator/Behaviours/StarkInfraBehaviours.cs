using System.Collections.Generic;
using StarkSdk.Emulator.Engine;

namespace StarkSdk.Emulator.Behaviours;

/// <summary>The behaviours that make the generic engine a Stark Infra sandbox (<see cref="EmulatedApi.StarkInfra"/>).</summary>
public static class StarkInfraBehaviours
{
    /// <summary>A new set of the Stark Infra behaviours, in the order they are asked.</summary>
    public static IList<ResourceBehaviour> Create() => new List<ResourceBehaviour>
    {
        new StarkInfraSandbox(),
    };
}
