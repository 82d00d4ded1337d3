namespace StarkSdk.Generator.Modeling
{
    internal enum TypeKind
    {
        String,
        Int32,
        Int64,
        Decimal,
        Double,
        Boolean,
        DateTime,
        Date,
        DateOrDateTime,
        Enum,
        Object,
        List,
        Dictionary,
        Any,
    }

    /// <summary>A C# type a schema maps to. <paramref name="Name"/> is the generated type name for enums and objects.</summary>
    /// <param name="Kind">What the schema is.</param>
    /// <param name="Name">The generated type name (enums, objects); empty otherwise.</param>
    /// <param name="Element">The item type of a list or the value type of a dictionary.</param>
    /// <param name="SpecNullable">Whether the spec allows null (<c>type: [X, "null"]</c>).</param>
    internal sealed record TypeRef(TypeKind Kind, string Name, TypeRef? Element, bool SpecNullable)
    {
        public static TypeRef Primitive(TypeKind kind) => new TypeRef(kind, string.Empty, null, false);

        public static TypeRef Named(TypeKind kind, string name) => new TypeRef(kind, name, null, false);

        public static TypeRef ListOf(TypeRef element) => new TypeRef(TypeKind.List, string.Empty, element, false);

        public static readonly TypeRef Any = Primitive(TypeKind.Any);

        public bool IsValueType
        {
            get
            {
                switch (Kind)
                {
                    case TypeKind.Int32:
                    case TypeKind.Int64:
                    case TypeKind.Decimal:
                    case TypeKind.Double:
                    case TypeKind.Boolean:
                    case TypeKind.DateTime:
                    case TypeKind.Date:
                    case TypeKind.DateOrDateTime:
                    case TypeKind.Enum:
                        return true;
                    default:
                        return false;
                }
            }
        }

        public bool UsesDate => Kind == TypeKind.Date || (Element is not null && Element.UsesDate);

        public TypeRef WithNullable(bool nullable) => this with { SpecNullable = nullable };
    }
}
