using System;
using StarkSdk.Emulator.Spec;

namespace StarkSdk.Emulator.Hosting;

/// <summary>The embedded spec, parsed once per process (parsing the YAML is the slowest part of a start).</summary>
internal static class SpecCache
{
    private static readonly Lazy<ApiSpec> Embedded = new(ApiSpec.LoadEmbedded);

    public static ApiSpec Resolve(EmulatorOptions options) =>
        options.Spec ?? (options.SpecPath != null ? ApiSpec.Load(options.SpecPath) : Embedded.Value);
}
