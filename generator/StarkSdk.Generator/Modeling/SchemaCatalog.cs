using System;
using System.Collections.Generic;
using StarkSdk.Generator.Diagnostics;
using StarkSdk.Generator.Parsing;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.Generator.Modeling
{
    /// <summary>
    /// Indexes the named schemas of one OpenAPI document: classifies them, finds discriminated unions and
    /// decides which schemas are generated (those reachable from operations, plus unreferenced ones; schemas used only
    /// by error responses are the runtime's business and are skipped).
    /// </summary>
    internal sealed class SchemaCatalog
    {
        private readonly SpecContext _context;
        private readonly Dictionary<string, YamlMappingNode> _schemas = new Dictionary<string, YamlMappingNode>(StringComparer.Ordinal);
        private readonly Dictionary<string, YamlNode> _schemaKeys = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _referenceCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly Dictionary<string, SchemaShape> _shapes = new Dictionary<string, SchemaShape>(StringComparer.Ordinal);
        private readonly Dictionary<string, UnionInfo> _unions = new Dictionary<string, UnionInfo>(StringComparer.Ordinal);
        private readonly Dictionary<string, UnionInfo> _unionOfCase = new Dictionary<string, UnionInfo>(StringComparer.Ordinal);
        private readonly Dictionary<string, UnionInfo> _absorbedBy = new Dictionary<string, UnionInfo>(StringComparer.Ordinal);
        private readonly HashSet<string> _reachable = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _sent = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<string> _order = new List<string>();

        public SchemaCatalog(SpecContext context, SpecDocument document)
        {
            _context = context;
            Document = document;
            var root = document.Root;
            foreach (var entry in root.GetMap("components")?.GetMap("schemas").Entries() ?? Array.Empty<KeyValuePair<YamlScalarNode, YamlNode>>())
            {
                if (entry.Value is YamlMappingNode schema)
                {
                    _schemas[entry.Key.Value!] = schema;
                    _schemaKeys[entry.Key.Value!] = entry.Key;
                    _order.Add(entry.Key.Value!);
                }
                else if (!(entry.Value is YamlScalarNode scalar && scalar.Value == "true"))
                {
                    context.Report(DiagnosticDescriptors.InvalidSpec, entry.Value, $"The schema '{entry.Key.Value}' must be a mapping");
                }
            }

            CountReferences(root);
            foreach (var name in _order)
            {
                _shapes[name] = Classify(name, _schemas[name]);
            }

            foreach (var union in _unions.Values)
            {
                AnalyzeUnion(union);
            }
        }

        /// <summary>The file the schemas come from, and its <c>$ref</c> resolution.</summary>
        public SpecDocument Document { get; }

        /// <summary>Schema names in document order.</summary>
        public IReadOnlyList<string> SchemaNames => _order;

        public YamlMappingNode Schema(string name) => _schemas[name];

        public YamlNode KeyNode(string name) => _schemaKeys[name];

        public bool Exists(string name) => _schemas.ContainsKey(name);

        public SchemaShape Shape(string name) => _shapes[name];

        public UnionInfo? Union(string name) => _unions.TryGetValue(name, out var union) ? union : null;

        public UnionInfo? UnionOfCase(string name) => _unionOfCase.TryGetValue(name, out var union) ? union : null;

        /// <summary>The union whose class takes over this schema's properties (the schema itself is not generated).</summary>
        public UnionInfo? AbsorbedBy(string name) => _absorbedBy.TryGetValue(name, out var union) ? union : null;

        public bool IsReachable(string name) => _reachable.Contains(name);

        /// <summary>The schema of the envelope property <paramref name="key"/> (following $ref and allOf).</summary>
        public YamlNode? EnvelopeProperty(YamlNode? schema, string key)
        {
            var map = Document.Deref(schema);
            if (map is null)
            {
                return null;
            }

            if (map.GetMap("properties")?.Get(key) is YamlNode property)
            {
                return property;
            }

            foreach (var part in map.GetSequence("allOf")?.Children ?? new List<YamlNode>())
            {
                if (EnvelopeProperty(part, key) is YamlNode found)
                {
                    return found;
                }
            }

            return null;
        }

        /// <summary>Whether a request body uses the schema (its required fields are then "required on creation").</summary>
        public bool IsSentInRequests(string name) => _sent.Contains(name);

        /// <summary>Marks the schemas a request body uses (and so generated).</summary>
        public void MarkSent(YamlNode? node)
        {
            MarkReachable(node, _sent);
            MarkReachable(node);
        }

        /// <summary>Marks every schema reachable from <paramref name="node"/> as generated.</summary>
        public void MarkReachable(YamlNode? node) => MarkReachable(node, _reachable);

        private void MarkReachable(YamlNode? node, HashSet<string> reached)
            => SpecDocument.WalkReferences(node, reference =>
            {
                var schemaName = SpecDocument.SchemaNameOf(reference);
                if (schemaName is not null && _schemas.TryGetValue(schemaName, out var schema))
                {
                    reached.Add(schemaName);
                    return schema;
                }

                return reference.StartsWith("#/", StringComparison.Ordinal) ? Document.ResolvePointer(reference) : null;
            });

        /// <summary>Schemas nothing refers to are generated too: they are part of the described surface.</summary>
        public void MarkUnreferencedSchemasReachable()
        {
            foreach (var name in _order)
            {
                if (!_referenceCounts.ContainsKey(name) && !_reachable.Contains(name))
                {
                    _reachable.Add(name);
                    MarkReachable(_schemas[name]);
                }
            }
        }

        /// <summary>Counts the references to each named schema (not following them: each reference once).</summary>
        private void CountReferences(YamlNode root)
            => SpecDocument.WalkReferences(root, reference =>
            {
                var name = SpecDocument.SchemaNameOf(reference);
                if (name is not null)
                {
                    _referenceCounts[name] = _referenceCounts.TryGetValue(name, out var count) ? count + 1 : 1;
                }

                return null;
            });

        private SchemaShape Classify(string name, YamlMappingNode schema)
        {
            if (schema.Has("enum"))
            {
                return IsStringEnum(schema) ? SchemaShape.Enum : SchemaShape.Alias;
            }

            if (schema.GetMap("discriminator") is YamlMappingNode discriminator && (schema.Has("oneOf") || schema.Has("anyOf")))
            {
                var property = discriminator.GetString("propertyName");
                if (property is null)
                {
                    _context.Report(DiagnosticDescriptors.InvalidSpec, discriminator, $"The discriminator of '{name}' has no propertyName");
                    return SchemaShape.Alias;
                }

                _unions[name] = new UnionInfo(name, property);
                return SchemaShape.Union;
            }

            if (schema.Has("properties"))
            {
                return SchemaShape.Object;
            }

            if (schema.GetSequence("allOf") is YamlSequenceNode allOf)
            {
                // allOf: [ {$ref: X} ] alone is an alias of X (often used to add a description to a reference).
                if (allOf.Children.Count == 1 && allOf.Children[0] is YamlMappingNode only && only.Has("$ref"))
                {
                    return SchemaShape.Alias;
                }

                return SchemaShape.Object;
            }

            return SchemaShape.Alias;
        }

        /// <summary>A string enum: <c>type: string</c> (or <c>[string, "null"]</c>, or no type) with string values.</summary>
        public static bool IsStringEnum(YamlMappingNode schema)
        {
            var type = schema.Get("type");
            switch (type)
            {
                case null:
                    break;
                case YamlScalarNode scalar when scalar.Value == "string":
                    break;
                case YamlSequenceNode sequence:
                    foreach (var child in sequence.Children)
                    {
                        if (child is YamlScalarNode item && item.Value != "string" && item.Value != "null" && !item.IsNull())
                        {
                            return false;
                        }
                    }

                    break;
                default:
                    return false;
            }

            if (type is null && schema.GetSequence("enum") is YamlSequenceNode values)
            {
                foreach (var value in values.Children)
                {
                    if (value is YamlScalarNode scalar && scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && !scalar.IsNull()
                        && (long.TryParse(scalar.Value, out _) || scalar.Value == "true" || scalar.Value == "false"))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private void AnalyzeUnion(UnionInfo union)
        {
            var schema = _schemas[union.SchemaName];
            var discriminator = schema.GetMap("discriminator")!;
            var mapping = discriminator.GetMap("mapping");
            if (mapping is not null)
            {
                foreach (var entry in mapping.Entries())
                {
                    var target = (entry.Value as YamlScalarNode)?.Value ?? string.Empty;
                    var caseName = SpecDocument.SchemaNameOf(target) ?? (_schemas.ContainsKey(target) ? target : null);
                    if (caseName is null || !_schemas.ContainsKey(caseName))
                    {
                        _context.Report(DiagnosticDescriptors.UnresolvedReference, entry.Value, target);
                        continue;
                    }

                    union.Cases.Add(new KeyValuePair<string, string>(entry.Key.Value!, caseName));
                }
            }
            else
            {
                // No mapping: each oneOf member names its value with a const on the discriminator property.
                var members = schema.GetSequence("oneOf") ?? schema.GetSequence("anyOf");
                foreach (var member in members?.Children ?? new List<YamlNode>())
                {
                    var caseName = member is YamlMappingNode map ? SpecDocument.SchemaNameOf(map.GetString("$ref") ?? string.Empty) : null;
                    if (caseName is null || !_schemas.ContainsKey(caseName))
                    {
                        _context.Report(DiagnosticDescriptors.UnsupportedConstruct, member, $"A oneOf member of '{union.SchemaName}' that is not a reference to a named schema", "the member is ignored");
                        continue;
                    }

                    var value = FindConst(_schemas[caseName], union.PropertyName);
                    if (value is null)
                    {
                        _context.Report(DiagnosticDescriptors.InvalidSpec, member, $"'{caseName}' gives no const for the discriminator '{union.PropertyName}' of '{union.SchemaName}' and the discriminator has no mapping");
                        continue;
                    }

                    union.Cases.Add(new KeyValuePair<string, string>(value, caseName));
                }
            }

            string? commonBase = null;
            var first = true;
            var baseReferences = 0;
            foreach (var unionCase in union.Cases)
            {
                if (!_unionOfCase.ContainsKey(unionCase.Value))
                {
                    _unionOfCase[unionCase.Value] = union;
                }

                var caseBase = FirstAllOfReference(_schemas[unionCase.Value]);
                if (first)
                {
                    commonBase = caseBase;
                    first = false;
                }
                else if (!string.Equals(commonBase, caseBase, StringComparison.Ordinal))
                {
                    commonBase = null;
                }

                if (caseBase is not null && caseBase == commonBase)
                {
                    baseReferences++;
                }
            }

            if (commonBase is not null && commonBase != union.SchemaName && _schemas.ContainsKey(commonBase))
            {
                union.CommonBase = commonBase;
                var totalReferences = _referenceCounts.TryGetValue(commonBase, out var count) ? count : 0;
                union.AbsorbsCommonBase = totalReferences == baseReferences && !_absorbedBy.ContainsKey(commonBase) && _shapes[commonBase] == SchemaShape.Object;
                if (union.AbsorbsCommonBase)
                {
                    _absorbedBy[commonBase] = union;
                }
            }
        }

        /// <summary>The schema name of the first <c>$ref</c> in <c>allOf</c>.</summary>
        public static string? FirstAllOfReference(YamlMappingNode schema)
        {
            foreach (var part in schema.GetSequence("allOf")?.Children ?? new List<YamlNode>())
            {
                if (part is YamlMappingNode map && map.GetString("$ref") is string reference)
                {
                    return SpecDocument.SchemaNameOf(reference);
                }
            }

            return null;
        }

        private static string? FindConst(YamlMappingNode schema, string property)
        {
            var direct = schema.GetMap("properties")?.GetMap(property)?.GetString("const");
            if (direct is not null)
            {
                return direct;
            }

            foreach (var part in schema.GetSequence("allOf")?.Children ?? new List<YamlNode>())
            {
                if (part is YamlMappingNode map && map.GetMap("properties")?.GetMap(property)?.GetString("const") is string value)
                {
                    return value;
                }
            }

            return null;
        }
    }
}
