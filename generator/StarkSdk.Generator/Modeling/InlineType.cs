using YamlDotNet.RepresentationModel;

namespace StarkSdk.Generator.Modeling
{
    /// <summary>
    /// An inline object or enum the <see cref="TypeMapper"/> has named (and registered) but not built: the
    /// <see cref="ModelBuilder"/> builds it right after the mapping that met it.
    /// </summary>
    internal sealed class InlineType
    {
        public InlineType(string typeName, YamlMappingNode schema, bool isEnum)
        {
            TypeName = typeName;
            Schema = schema;
            IsEnum = isEnum;
        }

        public string TypeName { get; }

        public YamlMappingNode Schema { get; }

        public bool IsEnum { get; }
    }
}
