using System;
using System.Collections.Generic;
using StarkSdk.Generator.Diagnostics;
using StarkSdk.Generator.Parsing;

namespace StarkSdk.Generator.Modeling
{
    /// <summary>
    /// The C# type name of every generated named schema, taken in the <see cref="TypeRegistry"/> in spec order before
    /// any type is mapped or built, so references resolve whatever order the schemas are met in.
    /// </summary>
    internal sealed class SchemaTypeNames
    {
        private readonly Dictionary<string, string> _typeNames = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly List<string> _order = new List<string>();

        public SchemaTypeNames(SpecContext context, SchemaCatalog catalog, TypeRegistry registry)
        {
            foreach (var schemaName in catalog.SchemaNames)
            {
                var shape = catalog.Shape(schemaName);
                if (shape == SchemaShape.Alias || !catalog.IsReachable(schemaName) || catalog.AbsorbedBy(schemaName) is not null)
                {
                    continue;
                }

                var typeName = Naming.ToTypeName(schemaName);
                if (!registry.TryRegister(typeName, $"the schema '{schemaName}'", out var owner))
                {
                    context.Report(DiagnosticDescriptors.NameClash, catalog.KeyNode(schemaName), typeName, $"the schema '{schemaName}'", owner);
                    continue;
                }

                _typeNames[schemaName] = typeName;
                _order.Add(typeName);
            }
        }

        /// <summary>The type names of the generated named schemas, in spec order.</summary>
        public IReadOnlyList<string> TypeNames => _order;

        /// <summary>Whether the named schema is generated (it has a type name).</summary>
        public bool IsGenerated(string schemaName) => _typeNames.ContainsKey(schemaName);

        /// <summary>The generated type name of a named schema, or null when it is not generated.</summary>
        public string? TypeNameOf(string schemaName) => _typeNames.TryGetValue(schemaName, out var name) ? name : null;
    }
}
