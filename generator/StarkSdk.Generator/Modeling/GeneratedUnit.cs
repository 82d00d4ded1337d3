namespace StarkSdk.Generator.Modeling
{
    /// <summary>One generated type, emitted as one source file named <see cref="HintName"/>.</summary>
    internal abstract record GeneratedUnit(string Namespace, string Name)
    {
        public string HintName => Namespace + "." + Name + ".g.cs";
    }
}
