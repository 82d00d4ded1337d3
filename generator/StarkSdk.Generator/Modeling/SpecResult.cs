using StarkSdk.Generator.Diagnostics;

namespace StarkSdk.Generator.Modeling
{
    /// <summary>What one OpenAPI file produces: the units to emit (one source file each) and the diagnostics.</summary>
    /// <param name="Path">The spec file.</param>
    internal sealed record SpecResult(string Path, string Namespace, EquatableArray<GeneratedUnit> Units, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>A spec file and the namespace it generates into (to detect two files sharing one).</summary>
    internal sealed record SpecOwner(string Path, string Namespace);
}
