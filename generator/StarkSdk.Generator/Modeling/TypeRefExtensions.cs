namespace StarkSdk.Generator.Modeling
{
    /// <summary>Nullability helpers for <see cref="TypeRef"/>.</summary>
    internal static class TypeRefExtensions
    {
        public static TypeRef WithNullableIf(this TypeRef type, bool nullable) => nullable && !type.SpecNullable ? type.WithNullable(true) : type;
    }
}
