using System;
using System.Collections.Generic;
using StarkSdk.Generator.Diagnostics;
using StarkSdk.Generator.Parsing;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.Generator.Modeling
{
    /// <summary>
    /// Builds the DTO and string-enum models: one per generated named schema, plus the inline objects and enums the
    /// <see cref="TypeMapper"/> names. Every type the rest of modeling needs goes through <see cref="Map"/>, so an inline
    /// type is built right after the mapping that met it.
    /// </summary>
    internal sealed class ModelBuilder
    {
        /// <summary>Members every generated string enum declares; enum values with these names get a <c>Value</c> suffix.</summary>
        private static readonly string[] EnumReservedNames = { "Value", "Equals", "GetHashCode", "ToString", "GetType", "KnownValues", "IsKnown", "Converter", "ReferenceEquals", "MemberwiseClone" };

        private readonly SpecContext _context;
        private readonly SpecOptions _options;
        private readonly SchemaCatalog _catalog;
        private readonly SchemaTypeNames _names;
        private readonly TypeMapper _mapper;
        private readonly Dictionary<string, GeneratedUnit> _models = new Dictionary<string, GeneratedUnit>(StringComparer.Ordinal);
        private readonly List<string> _order = new List<string>();
        private readonly HashSet<string> _building = new HashSet<string>(StringComparer.Ordinal);

        public ModelBuilder(SpecContext context, SpecOptions options, SchemaCatalog catalog, SchemaTypeNames names, TypeMapper mapper)
        {
            _context = context;
            _options = options;
            _catalog = catalog;
            _names = names;
            _mapper = mapper;
            _order.AddRange(names.TypeNames);
        }

        private string Namespace => _options.Namespace;

        /// <summary>Builds the model of every generated named schema.</summary>
        public void BuildNamedSchemas()
        {
            foreach (var schemaName in _catalog.SchemaNames)
            {
                if (_names.IsGenerated(schemaName))
                {
                    BuildNamed(schemaName);
                }
            }
        }

        /// <summary>The models built so far, in spec order (named schemas first, then inline types as met).</summary>
        public IEnumerable<GeneratedUnit> Models
        {
            get
            {
                foreach (var name in _order)
                {
                    if (_models.TryGetValue(name, out var model))
                    {
                        yield return model;
                    }
                }
            }
        }

        /// <summary>
        /// The type of <paramref name="node"/> (see <see cref="TypeMapper.Map"/>), after building the inline types the
        /// mapping named (depth first: an inline type's own inline types are built by the mappings of its properties).
        /// </summary>
        public TypeRef Map(YamlNode? node, string owner, string property)
        {
            var mark = _mapper.PendingCount;
            var type = _mapper.Map(node, owner, property);
            while (_mapper.PendingCount > mark)
            {
                var inline = _mapper.TakePending(mark);
                _order.Add(inline.TypeName);
                _models[inline.TypeName] = inline.IsEnum ? BuildEnum(inline.TypeName, inline.Schema) : BuildObject(inline.TypeName, inline.Schema, null);
            }

            return type;
        }

        private string? TypeNameOf(string schemaName) => _names.TypeNameOf(schemaName);

        private ObjectTypeModel? ObjectModel(string typeName) => _models.TryGetValue(typeName, out var model) ? model as ObjectTypeModel : null;

        private void BuildNamed(string schemaName)
        {
            var typeName = _names.TypeNameOf(schemaName)!;
            if (_models.ContainsKey(typeName))
            {
                return;
            }

            if (!_building.Add(schemaName))
            {
                _context.Report(DiagnosticDescriptors.InvalidSpec, _catalog.KeyNode(schemaName), $"The schema '{schemaName}' inherits from itself (allOf cycle)");
                return;
            }

            var schema = _catalog.Schema(schemaName);
            _models[typeName] = _catalog.Shape(schemaName) == SchemaShape.Enum
                ? BuildEnum(typeName, schema)
                : BuildObject(typeName, schema, schemaName);
            _building.Remove(schemaName);
        }

        private EnumTypeModel BuildEnum(string typeName, YamlMappingNode schema)
        {
            var descriptions = schema.Get("x-enum-descriptions");
            var taken = new HashSet<string>(EnumReservedNames, StringComparer.Ordinal) { typeName };
            var used = new HashSet<string>(StringComparer.Ordinal);
            var members = new List<EnumMemberModel>();
            var index = 0;
            foreach (var value in schema.GetSequence("enum")?.Children ?? new List<YamlNode>())
            {
                var position = index++;
                if (value is not YamlScalarNode scalar || scalar.IsNull() || scalar.Value is null)
                {
                    continue;
                }

                var name = Naming.ToEnumMemberName(scalar.Value);
                while (taken.Contains(name))
                {
                    name += "Value";
                }

                if (!used.Add(name))
                {
                    _context.Report(DiagnosticDescriptors.NameClash, scalar, name, $"the enum value '{scalar.Value}' of '{typeName}'", "another value of the same enum");
                    continue;
                }

                string? description = null;
                if (descriptions is YamlMappingNode byValue)
                {
                    description = byValue.GetString(scalar.Value);
                }
                else if (descriptions is YamlSequenceNode byPosition && position < byPosition.Children.Count)
                {
                    description = (byPosition.Children[position] as YamlScalarNode)?.Value;
                }

                members.Add(new EnumMemberModel(name, scalar.Value, description));
            }

            return new EnumTypeModel(Namespace, typeName, schema.GetString("description"), members.ToEquatableArray(), schema.GetBool("deprecated"));
        }

        private ObjectTypeModel BuildObject(string typeName, YamlMappingNode schema, string? schemaName)
        {
            var union = schemaName is null ? null : _catalog.Union(schemaName);
            var caseOf = schemaName is null ? null : _catalog.UnionOfCase(schemaName);
            if (caseOf is not null && TypeNameOf(caseOf.SchemaName) is null)
            {
                caseOf = null;
            }

            string? baseType = null;
            var sources = new List<PropertySource>();
            if (union is not null)
            {
                if (union.CommonBase is not null)
                {
                    if (union.AbsorbsCommonBase)
                    {
                        // The union class takes the place of the shared base (EventBase's properties live on Event).
                        baseType = CollectAllOf(_catalog.Schema(union.CommonBase), sources, null, new HashSet<string>(StringComparer.Ordinal) { union.CommonBase });
                        AddOwnProperties(_catalog.Schema(union.CommonBase), sources);
                    }
                    else
                    {
                        baseType = BaseTypeOf(union.CommonBase);
                    }
                }

                AddOwnProperties(schema, sources);
            }
            else
            {
                baseType = CollectAllOf(schema, sources, caseOf, new HashSet<string>(StringComparer.Ordinal));
                AddOwnProperties(schema, sources);
                if (caseOf is not null)
                {
                    baseType = TypeNameOf(caseOf.SchemaName);
                    BuildNamed(caseOf.SchemaName);
                }
            }

            // Inline types (schemaName null) are described from their owner; assume they may be sent.
            var sent = schemaName is null || _catalog.IsSentInRequests(schemaName) || (union is not null && union.Cases.Exists(c => _catalog.IsSentInRequests(c.Value)));
            var inherited = InheritedProperties(baseType);
            var taken = new HashSet<string>(StringComparer.Ordinal) { typeName, "AdditionalData" };
            foreach (var property in inherited.Values)
            {
                taken.Add(property.Name);
            }

            var required = new HashSet<string>(StringComparer.Ordinal);
            foreach (var source in sources)
            {
                foreach (var name in source.Required)
                {
                    required.Add(name);
                }
            }

            var properties = new List<PropertyModel>();
            var seenJson = new HashSet<string>(StringComparer.Ordinal);
            foreach (var source in sources)
            {
                foreach (var entry in source.Properties.Entries())
                {
                    var jsonName = entry.Key.Value!;
                    if (!seenJson.Add(jsonName) || (caseOf is not null && jsonName == caseOf.PropertyName))
                    {
                        continue;
                    }

                    var propertySchema = entry.Value as YamlMappingNode;
                    var type = Map(propertySchema, typeName, jsonName);
                    var isNew = false;
                    string name;
                    if (inherited.TryGetValue(jsonName, out var baseProperty))
                    {
                        if (baseProperty.Type == type)
                        {
                            continue;
                        }

                        // A derived schema narrows an inherited property: hide it with the derived type.
                        name = baseProperty.Name;
                        isNew = true;
                    }
                    else
                    {
                        name = Naming.ToPascalCase(jsonName);
                        if (name == typeName || name == "AdditionalData")
                        {
                            name += "Value";
                        }

                        if (taken.Contains(name))
                        {
                            _context.Report(DiagnosticDescriptors.NameClash, entry.Key, name, $"the property '{jsonName}' of '{typeName}'", "another property of the same type");
                            continue;
                        }
                    }

                    taken.Add(name);
                    properties.Add(CreateProperty(name, jsonName, type, propertySchema, required.Contains(jsonName), sent, isNew));
                }
            }

            UnionModel? unionModel = null;
            if (union is not null)
            {
                var discriminator = properties.Find(p => p.JsonName == union.PropertyName);
                if (discriminator is null && !inherited.ContainsKey(union.PropertyName))
                {
                    var name = Naming.WithValueSuffixWhileTaken(Naming.ToPascalCase(union.PropertyName), taken);
                    discriminator = new PropertyModel(name, union.PropertyName, TypeRef.Primitive(TypeKind.String), false, true, true, sent, false, false, $"The discriminator: tells which type this {typeName} is.", null);
                    properties.Insert(0, discriminator);
                }

                var cases = new List<UnionCase>();
                foreach (var unionCase in union.Cases)
                {
                    var caseType = TypeNameOf(unionCase.Value);
                    if (caseType is not null)
                    {
                        cases.Add(new UnionCase(unionCase.Key, caseType));
                    }
                }

                var discriminatorName = discriminator?.Name ?? inherited[union.PropertyName].Name;
                unionModel = new UnionModel(union.PropertyName, discriminatorName, cases.ToEquatableArray());
            }

            UnionCaseValue? caseValue = null;
            if (caseOf is not null && schemaName is not null)
            {
                foreach (var unionCase in caseOf.Cases)
                {
                    if (unionCase.Value == schemaName)
                    {
                        var unionModelOfCase = ObjectModel(TypeNameOf(caseOf.SchemaName)!);
                        var discriminatorName = unionModelOfCase?.Union?.PropertyName ?? Naming.ToPascalCase(caseOf.PropertyName);
                        caseValue = new UnionCaseValue(discriminatorName, unionCase.Key);
                        break;
                    }
                }
            }

            return new ObjectTypeModel(
                Namespace,
                typeName,
                schema.GetString("description"),
                baseType,
                properties.ToEquatableArray(),
                DeclaresAdditionalData: baseType is null,
                unionModel,
                caseValue,
                schema.GetBool("deprecated"));
        }

        /// <summary>
        /// Walks allOf: the first reference to a class becomes the base type (unless the schema is a union case, whose
        /// base is the union); the other parts are flattened into <paramref name="sources"/>.
        /// </summary>
        private string? CollectAllOf(YamlMappingNode schema, List<PropertySource> sources, UnionInfo? caseOf, HashSet<string> flattening)
        {
            string? baseType = null;
            foreach (var part in schema.GetSequence("allOf")?.Children ?? new List<YamlNode>())
            {
                if (part is not YamlMappingNode partSchema)
                {
                    continue;
                }

                if (partSchema.Has("$ref"))
                {
                    var target = _catalog.Document.Resolve(partSchema, out var reference);
                    var referenced = SpecDocument.SchemaNameOf(reference);
                    if (target is null || referenced is null || !_catalog.Exists(referenced))
                    {
                        continue;
                    }

                    if (caseOf is not null && (referenced == caseOf.CommonBase || referenced == caseOf.SchemaName))
                    {
                        continue;
                    }

                    var shape = _catalog.Shape(referenced);
                    if (shape == SchemaShape.Enum || shape == SchemaShape.Alias)
                    {
                        _context.Report(DiagnosticDescriptors.UnsupportedConstruct, partSchema, $"An allOf part that is not an object ('{referenced}')", "it is ignored");
                        continue;
                    }

                    if (baseType is null && caseOf is null && TypeNameOf(referenced) is not null)
                    {
                        baseType = BaseTypeOf(referenced);
                        continue;
                    }

                    if (flattening.Add(referenced))
                    {
                        CollectAllOf(_catalog.Schema(referenced), sources, null, flattening);
                        AddOwnProperties(_catalog.Schema(referenced), sources);
                    }
                }
                else
                {
                    CollectAllOf(partSchema, sources, caseOf, flattening);
                    AddOwnProperties(partSchema, sources);
                }
            }

            return baseType;
        }

        private string? BaseTypeOf(string schemaName)
        {
            var typeName = TypeNameOf(schemaName);
            if (typeName is null)
            {
                return null;
            }

            BuildNamed(schemaName);
            return _models.ContainsKey(typeName) ? typeName : null;
        }

        private static void AddOwnProperties(YamlMappingNode schema, List<PropertySource> sources)
        {
            var properties = schema.GetMap("properties");
            if (properties is not null)
            {
                sources.Add(new PropertySource(properties, schema.GetSequence("required").Strings()));
            }
            else if (schema.Has("required"))
            {
                sources.Add(new PropertySource(null, schema.GetSequence("required").Strings()));
            }
        }

        /// <summary>The properties of <paramref name="baseType"/> and its ancestors, by JSON name.</summary>
        private Dictionary<string, PropertyModel> InheritedProperties(string? baseType)
        {
            var result = new Dictionary<string, PropertyModel>(StringComparer.Ordinal);
            var guard = 0;
            for (var current = baseType is null ? null : ObjectModel(baseType); current is not null && guard < 64; current = current.BaseType is null ? null : ObjectModel(current.BaseType), guard++)
            {
                foreach (var property in current.Properties)
                {
                    if (!result.ContainsKey(property.JsonName))
                    {
                        result[property.JsonName] = property;
                    }
                }
            }

            return result;
        }

        private static PropertyModel CreateProperty(string name, string jsonName, TypeRef type, YamlMappingNode? schema, bool required, bool sent, bool isNew)
        {
            var readOnly = schema?.GetBool("readOnly") ?? false;
            var nullable = type.SpecNullable || (!required && !readOnly);
            var defaultValue = schema?.Get("default") is YamlScalarNode scalar && !scalar.IsNull() ? scalar.Value : null;
            return new PropertyModel(
                name,
                jsonName,
                type,
                nullable,
                readOnly,
                required,
                sent,
                isNew,
                schema?.GetBool("deprecated") ?? false,
                schema?.GetString("description"),
                defaultValue,
                IsSensitive: (schema?.GetBool("writeOnly") ?? false) || (schema?.GetBool("x-stark-sensitive") ?? false));
        }
    }
}
