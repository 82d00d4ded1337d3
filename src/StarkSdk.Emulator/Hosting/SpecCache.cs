using System;
using StarkSdk.Emulator.Spec;

namespace StarkSdk.Emulator.Hosting;

/// <summary>The embedded specs, parsed once per process (parsing the YAML is the slowest part of a start).</summary>
internal static class SpecCache
{
    private static readonly Lazy<ApiSpec> Bank = new(() => ApiSpec.LoadEmbedded(EmulatedApi.StarkBank));
    private static readonly Lazy<ApiSpec> Infra = new(() => ApiSpec.LoadEmbedded(EmulatedApi.StarkInfra));

    public static ApiSpec Resolve(EmulatorOptions options) =>
        options.Spec ?? (options.SpecPath != null ? ApiSpec.Load(options.SpecPath) : options.Api == EmulatedApi.StarkInfra ? Infra.Value : Bank.Value);
}
