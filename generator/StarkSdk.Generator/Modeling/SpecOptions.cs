namespace StarkSdk.Generator.Modeling
{
    /// <summary>Per-file generator options, read from the AdditionalFiles item metadata.</summary>
    /// <param name="Namespace">StarkNamespace: the namespace of every generated type.</param>
    /// <param name="RootClientName">StarkRootClient: the name of the root client partial class.</param>
    internal sealed record SpecOptions(string Namespace, string RootClientName);
}
