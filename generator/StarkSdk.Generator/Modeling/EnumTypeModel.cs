namespace StarkSdk.Generator.Modeling
{
    /// <summary>A closed set of strings, emitted as a string-backed value type that round-trips unknown values.</summary>
    internal sealed record EnumTypeModel(
        string Namespace,
        string Name,
        string? Description,
        EquatableArray<EnumMemberModel> Members,
        bool IsDeprecated) : GeneratedUnit(Namespace, Name);

    internal sealed record EnumMemberModel(string Name, string Value, string? Description);
}
