using System.Collections.Generic;

namespace StarkSdk.Generator.Modeling
{
    /// <summary>A oneOf + discriminator schema as read from the spec, before models are built.</summary>
    internal sealed class UnionInfo
    {
        public UnionInfo(string schemaName, string propertyName)
        {
            SchemaName = schemaName;
            PropertyName = propertyName;
        }

        public string SchemaName { get; }

        public string PropertyName { get; }

        /// <summary>Discriminator value → case schema name, in spec order.</summary>
        public List<KeyValuePair<string, string>> Cases { get; } = new List<KeyValuePair<string, string>>();

        /// <summary>The allOf base every case shares, if any.</summary>
        public string? CommonBase { get; set; }

        /// <summary>True when <see cref="CommonBase"/> is used only by the cases: its properties move into the union class.</summary>
        public bool AbsorbsCommonBase { get; set; }
    }
}
