using System.Collections.Generic;
using StarkSdk.Generator.Diagnostics;
using StarkSdk.Generator.Parsing;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.Generator.Modeling
{
    /// <summary>
    /// Maps a schema (a <c>$ref</c> or an inline schema) to the C# type that holds it. Inline objects and enums become
    /// generated types named after their owner and property (<c>Invoice</c> + <c>rules</c> → <c>InvoiceRule</c>): the mapper
    /// names and registers them and queues them as <see cref="InlineType"/>s for the <see cref="ModelBuilder"/> to build.
    /// </summary>
    internal sealed class TypeMapper
    {
        private readonly SpecContext _context;
        private readonly SchemaCatalog _catalog;
        private readonly SchemaTypeNames _names;
        private readonly TypeRegistry _registry;
        private readonly List<InlineType> _pending = new List<InlineType>();
        private readonly Dictionary<string, TypeRef> _aliases = new Dictionary<string, TypeRef>(System.StringComparer.Ordinal);
        private readonly HashSet<string> _resolvingAliases = new HashSet<string>(System.StringComparer.Ordinal);

        public TypeMapper(SpecContext context, SchemaCatalog catalog, SchemaTypeNames names, TypeRegistry registry)
        {
            _context = context;
            _catalog = catalog;
            _names = names;
            _registry = registry;
        }

        /// <summary>How many inline types are named but not yet built.</summary>
        public int PendingCount => _pending.Count;

        /// <summary>Removes and returns the inline type queued at <paramref name="index"/>.</summary>
        public InlineType TakePending(int index)
        {
            var inline = _pending[index];
            _pending.RemoveAt(index);
            return inline;
        }

        /// <summary>The type of <paramref name="node"/>; <paramref name="owner"/> + <paramref name="property"/> name inline types.</summary>
        public TypeRef Map(YamlNode? node, string owner, string property)
        {
            if (node is not YamlMappingNode schema)
            {
                return TypeRef.Any;
            }

            var nullable = IsNullable(schema);
            return MapCore(schema, owner, property).WithNullableIf(nullable);
        }

        /// <summary>The type of a named schema (<c>#/components/schemas/Name</c>).</summary>
        public TypeRef MapNamed(string schemaName)
        {
            if (!_catalog.Exists(schemaName))
            {
                return TypeRef.Any;
            }

            var absorbedBy = _catalog.AbsorbedBy(schemaName);
            if (absorbedBy is not null)
            {
                return MapNamed(absorbedBy.SchemaName);
            }

            var schema = _catalog.Schema(schemaName);
            switch (_catalog.Shape(schemaName))
            {
                case SchemaShape.Enum:
                    var enumName = _names.TypeNameOf(schemaName);
                    return enumName is null ? TypeRef.Primitive(TypeKind.String) : TypeRef.Named(TypeKind.Enum, enumName).WithNullableIf(IsNullable(schema));
                case SchemaShape.Object:
                case SchemaShape.Union:
                    var className = _names.TypeNameOf(schemaName);
                    return className is null ? TypeRef.Any : TypeRef.Named(TypeKind.Object, className).WithNullableIf(IsNullable(schema));
                default:
                    if (_aliases.TryGetValue(schemaName, out var alias))
                    {
                        return alias;
                    }

                    if (!_resolvingAliases.Add(schemaName))
                    {
                        _context.Report(DiagnosticDescriptors.InvalidSpec, _catalog.KeyNode(schemaName), $"The schema '{schemaName}' refers to itself without an object in between");
                        return TypeRef.Any;
                    }

                    alias = Map(schema, Naming.ToTypeName(schemaName), string.Empty);
                    _resolvingAliases.Remove(schemaName);
                    _aliases[schemaName] = alias;
                    return alias;
            }
        }

        public static bool IsNullable(YamlMappingNode schema)
        {
            if (schema.GetBool("nullable"))
            {
                return true;
            }

            if (schema.Get("type") is YamlSequenceNode types)
            {
                foreach (var type in types.Children)
                {
                    if (type is YamlScalarNode scalar && (scalar.IsNull() || scalar.Value == "null"))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private TypeRef MapCore(YamlMappingNode schema, string owner, string property)
        {
            if (schema.Has("$ref"))
            {
                var target = _catalog.Document.Resolve(schema, out var reference);
                if (target is null)
                {
                    return TypeRef.Any;
                }

                var schemaName = SpecDocument.SchemaNameOf(reference);
                return schemaName is not null && _catalog.Exists(schemaName) ? MapNamed(schemaName) : Map(target, owner, property);
            }

            if (schema.Has("anyOf") || schema.Has("oneOf"))
            {
                return MapAlternatives(schema, owner, property);
            }

            if (schema.GetSequence("allOf") is YamlSequenceNode allOf)
            {
                if (allOf.Children.Count == 1 && !schema.Has("properties"))
                {
                    return Map(allOf.Children[0], owner, property);
                }

                return InlineObject(owner + Naming.ToPascalCase(property), schema, owner, property);
            }

            if (schema.Has("enum"))
            {
                if (SchemaCatalog.IsStringEnum(schema))
                {
                    return InlineEnum(owner + Naming.ToPascalCase(property), schema, owner, property);
                }

                _context.Report(DiagnosticDescriptors.UnsupportedConstruct, schema.Get("enum"), $"A non-string enum (on '{Describe(owner, property)}')", "it is typed by its base type and its values are not checked");
            }

            var types = NonNullTypes(schema);
            if (types.Count > 1)
            {
                _context.Report(DiagnosticDescriptors.UnsupportedConstruct, schema.Get("type"), $"A schema with several types ({string.Join(", ", types)}) on '{Describe(owner, property)}'", "it is typed as JToken");
                return TypeRef.Any;
            }

            var format = schema.GetString("format");
            var type = types.Count == 1 ? types[0] : InferType(schema);
            switch (type)
            {
                case "string":
                    return format switch
                    {
                        "date-time" => TypeRef.Primitive(TypeKind.DateTime),
                        "date" => TypeRef.Primitive(TypeKind.Date),
                        _ => TypeRef.Primitive(TypeKind.String),
                    };
                case "integer":
                    return TypeRef.Primitive(format == "int32" ? TypeKind.Int32 : TypeKind.Int64);
                case "number":
                    return TypeRef.Primitive(format == "float" || format == "double" ? TypeKind.Double : TypeKind.Decimal);
                case "boolean":
                    return TypeRef.Primitive(TypeKind.Boolean);
                case "array":
                    var itemOwner = owner;
                    var itemProperty = Naming.Singularize(Naming.ToPascalCase(property));
                    return TypeRef.ListOf(schema.Has("items") ? Map(schema.Get("items"), itemOwner, property.Length == 0 ? "Item" : itemProperty) : TypeRef.Any);
                case "object":
                    if (schema.Has("properties"))
                    {
                        return InlineObject(owner + Naming.ToPascalCase(property), schema, owner, property);
                    }

                    var additional = schema.Get("additionalProperties");
                    var valueType = additional is YamlMappingNode additionalSchema && additionalSchema.Children.Count > 0
                        ? Map(additionalSchema, owner, property + "Value")
                        : TypeRef.Any;
                    return new TypeRef(TypeKind.Dictionary, string.Empty, valueType, false);
                case null:
                    return TypeRef.Any;
                default:
                    _context.Report(DiagnosticDescriptors.UnsupportedConstruct, schema.Get("type"), $"The type '{type}' on '{Describe(owner, property)}'", "it is typed as JToken");
                    return TypeRef.Any;
            }
        }

        private TypeRef MapAlternatives(YamlMappingNode schema, string owner, string property)
        {
            var keyword = schema.Has("anyOf") ? "anyOf" : "oneOf";
            var alternatives = new List<YamlMappingNode>();
            var nullable = false;
            foreach (var child in schema.GetSequence(keyword)?.Children ?? new List<YamlNode>())
            {
                if (child is YamlMappingNode alternative)
                {
                    if (alternative.GetString("type") == "null")
                    {
                        nullable = true;
                    }
                    else
                    {
                        alternatives.Add(alternative);
                    }
                }
            }

            if (alternatives.Count > 0 && AreAllDates(schema, alternatives))
            {
                return TypeRef.Primitive(TypeKind.DateOrDateTime).WithNullableIf(nullable);
            }

            if (alternatives.Count == 1)
            {
                return Map(alternatives[0], owner, property).WithNullableIf(nullable);
            }

            _context.Report(
                DiagnosticDescriptors.UnsupportedConstruct,
                schema.GetKeyNode(keyword),
                $"A {keyword} of {alternatives.Count} schemas without a discriminator (on '{Describe(owner, property)}')",
                "it is typed as JToken; use a named schema with a discriminator for a typed union");
            return TypeRef.Any.WithNullableIf(nullable);
        }

        private static bool AreAllDates(YamlMappingNode schema, List<YamlMappingNode> alternatives)
        {
            var parentIsString = schema.GetString("type") == "string" || !schema.Has("type");
            foreach (var alternative in alternatives)
            {
                var format = alternative.GetString("format");
                var type = alternative.GetString("type");
                if ((format != "date" && format != "date-time") || (type is not null && type != "string") || (type is null && !parentIsString))
                {
                    return false;
                }
            }

            return true;
        }

        private static List<string> NonNullTypes(YamlMappingNode schema)
        {
            var result = new List<string>();
            switch (schema.Get("type"))
            {
                case YamlScalarNode scalar when scalar.Value is not null && scalar.Value != "null":
                    result.Add(scalar.Value);
                    break;
                case YamlSequenceNode sequence:
                    foreach (var child in sequence.Children)
                    {
                        if (child is YamlScalarNode item && !item.IsNull() && item.Value is not null && item.Value != "null")
                        {
                            result.Add(item.Value);
                        }
                    }

                    break;
            }

            return result;
        }

        private static string? InferType(YamlMappingNode schema)
        {
            if (schema.Has("properties") || schema.Has("additionalProperties"))
            {
                return "object";
            }

            if (schema.Has("items"))
            {
                return "array";
            }

            return schema.GetString("format") is "date" or "date-time" ? "string" : null;
        }

        /// <summary>A class for an inline object schema.</summary>
        private TypeRef InlineObject(string typeName, YamlMappingNode schema, string owner, string property)
        {
            typeName = Naming.ToTypeName(typeName);
            if (!_registry.TryRegister(typeName, $"the inline object of '{owner}.{property}'", out var existing))
            {
                _context.Report(DiagnosticDescriptors.NameClash, schema, typeName, $"the inline object of '{owner}.{property}'", existing);
                return TypeRef.Any;
            }

            _pending.Add(new InlineType(typeName, schema, isEnum: false));
            return TypeRef.Named(TypeKind.Object, typeName);
        }

        /// <summary>A string enum for an inline <c>enum</c>.</summary>
        private TypeRef InlineEnum(string typeName, YamlMappingNode schema, string owner, string property)
        {
            typeName = Naming.ToTypeName(typeName);
            if (!_registry.TryRegister(typeName, $"the inline enum of '{owner}.{property}'", out var existing))
            {
                _context.Report(DiagnosticDescriptors.NameClash, schema, typeName, $"the inline enum of '{owner}.{property}'", existing);
                return TypeRef.Primitive(TypeKind.String);
            }

            _pending.Add(new InlineType(typeName, schema, isEnum: true));
            return TypeRef.Named(TypeKind.Enum, typeName);
        }

        private static string Describe(string owner, string property) => property.Length == 0 ? owner : owner + "." + property;
    }
}
