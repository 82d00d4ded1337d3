namespace StarkSdk.Generator.Modeling
{
    /// <summary>A DTO class: a resource, a nested object, a log, an event or a request-only shape.</summary>
    /// <param name="BaseType">The generated base class (allOf or a discriminated union), if any.</param>
    /// <param name="DeclaresAdditionalData">Root classes of a hierarchy declare the extension-data dictionary.</param>
    /// <param name="Union">Set on the base class of a discriminated union (oneOf + discriminator).</param>
    /// <param name="CaseValue">Set on a case of a union: the discriminator value.</param>
    internal sealed record ObjectTypeModel(
        string Namespace,
        string Name,
        string? Description,
        string? BaseType,
        EquatableArray<PropertyModel> Properties,
        bool DeclaresAdditionalData,
        UnionModel? Union,
        UnionCaseValue? CaseValue,
        bool IsDeprecated) : GeneratedUnit(Namespace, Name)
    {
        public bool UsesDate
        {
            get
            {
                foreach (var property in Properties)
                {
                    if (property.Type.UsesDate)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }

    /// <summary>One DTO property.</summary>
    /// <param name="Name">C# name (PascalCase, clash-free).</param>
    /// <param name="JsonName">The wire name.</param>
    /// <param name="IsNullable">Whether the C# type is nullable (optional writable fields, or null allowed by the spec).</param>
    /// <param name="IsReadOnly">Server-set: private setter.</param>
    /// <param name="IsRequired">Listed in the schema's <c>required</c>.</param>
    /// <param name="IsSent">The type is sent in request bodies: required means "required on creation".</param>
    /// <param name="IsNew">Hides a base-class property of the same name (a narrower type in a derived schema).</param>
    /// <param name="IsSensitive">A secret (<c>writeOnly</c> or <c>x-stark-sensitive: true</c>): never shown by ToString.</param>
    internal sealed record PropertyModel(
        string Name,
        string JsonName,
        TypeRef Type,
        bool IsNullable,
        bool IsReadOnly,
        bool IsRequired,
        bool IsSent,
        bool IsNew,
        bool IsDeprecated,
        string? Description,
        string? DefaultValue,
        bool IsSensitive = false);

    /// <summary>The discriminator of a oneOf union and its known cases.</summary>
    /// <param name="PropertyName">The C# name of the discriminator property (its setter is private protected).</param>
    internal sealed record UnionModel(string PropertyJsonName, string PropertyName, EquatableArray<UnionCase> Cases);

    /// <summary>On a union case: the discriminator value its constructor sets.</summary>
    internal sealed record UnionCaseValue(string PropertyName, string Value);

    internal sealed record UnionCase(string Value, string TypeName);
}
