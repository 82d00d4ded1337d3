namespace StarkSdk.Generator.Modeling
{
    /// <summary>What a named schema becomes in C#.</summary>
    internal enum SchemaShape
    {
        /// <summary>A class (properties and/or allOf).</summary>
        Object,

        /// <summary>A base class with a discriminator converter (oneOf + discriminator).</summary>
        Union,

        /// <summary>A string-backed value type (string enum).</summary>
        Enum,

        /// <summary>No type of its own: references map to what it describes (a primitive, array or dictionary).</summary>
        Alias,
    }
}
