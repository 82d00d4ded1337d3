using System;
using System.Collections.Generic;
using StarkSdk.Generator.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.Generator.Parsing
{
    /// <summary>
    /// One parsed OpenAPI file: its root mapping and the <c>$ref</c> resolution inside it (JSON pointers into the same
    /// file; external references are reported, not followed).
    /// </summary>
    internal sealed class SpecDocument
    {
        public const string SchemaPrefix = "#/components/schemas/";

        private readonly SpecContext _context;

        public SpecDocument(SpecContext context, YamlMappingNode root)
        {
            _context = context;
            Root = root;
        }

        public YamlMappingNode Root { get; }

        /// <summary>The schema name of a <c>#/components/schemas/X</c> reference, or null.</summary>
        public static string? SchemaNameOf(string reference)
            => reference.StartsWith(SchemaPrefix, StringComparison.Ordinal) ? Unescape(reference.Substring(SchemaPrefix.Length)) : null;

        /// <summary>
        /// Follows a <c>$ref</c> (reporting STARK002/STARK003 when it cannot), returning the target node.
        /// </summary>
        public YamlNode? Resolve(YamlMappingNode referrer, out string reference)
        {
            reference = referrer.GetString("$ref") ?? string.Empty;
            var refNode = referrer.Get("$ref") ?? referrer;
            if (!reference.StartsWith("#", StringComparison.Ordinal))
            {
                _context.Report(DiagnosticDescriptors.UnsupportedConstruct, refNode, $"The external reference '{reference}'", "only references inside the same file (#/...) are followed; the value is typed as JSON");
                return null;
            }

            var target = ResolvePointer(reference);
            if (target is null)
            {
                _context.Report(DiagnosticDescriptors.UnresolvedReference, refNode, reference);
            }

            return target;
        }

        /// <summary>Follows chains of <c>$ref</c>-only nodes (parameters, responses, request bodies).</summary>
        public YamlMappingNode? Deref(YamlNode? node)
        {
            var current = node as YamlMappingNode;
            for (var depth = 0; current is not null && current.Has("$ref") && depth < 32; depth++)
            {
                current = Resolve(current, out _) as YamlMappingNode;
            }

            return current;
        }

        /// <summary>The node a same-file reference (<c>#/a/b</c>) points at, or null; reports nothing.</summary>
        public YamlNode? ResolvePointer(string reference)
        {
            var hash = reference.IndexOf('#');
            var pointer = reference.Substring(hash + 1);
            if (pointer.Length == 0)
            {
                return Root;
            }

            if (pointer[0] != '/')
            {
                return null;
            }

            YamlNode? current = Root;
            foreach (var raw in pointer.Substring(1).Split('/'))
            {
                var segment = Unescape(raw);
                switch (current)
                {
                    case YamlMappingNode map:
                        current = map.Get(segment);
                        break;
                    case YamlSequenceNode sequence when int.TryParse(segment, out var index) && index >= 0 && index < sequence.Children.Count:
                        current = sequence.Children[index];
                        break;
                    default:
                        return null;
                }

                if (current is null)
                {
                    return null;
                }
            }

            return current;
        }

        /// <summary>
        /// Walks <paramref name="start"/> and calls <paramref name="onReference"/> with the value of every <c>$ref</c> it
        /// meets; when the callback returns a node, the walk goes on into it (following the reference), once per target,
        /// so reference cycles end. Without references followed, each reference is met once per place it is written.
        /// </summary>
        public static void WalkReferences(YamlNode? start, Func<string, YamlNode?> onReference)
        {
            if (start is null)
            {
                return;
            }

            var stack = new Stack<YamlNode>();
            stack.Push(start);

            // Only the targets of followed references can bring the walk back to a node: remember those alone (a set of
            // every node of the document would cost more than the walk).
            HashSet<YamlNode>? followed = null;
            while (stack.Count > 0)
            {
                switch (stack.Pop())
                {
                    case YamlMappingNode map:
                        foreach (var pair in map.Children)
                        {
                            if (pair.Key is YamlScalarNode key && key.Value == "$ref" && pair.Value is YamlScalarNode value && value.Value is not null)
                            {
                                if (onReference(value.Value) is YamlNode next && (followed ??= new HashSet<YamlNode>(NodeIdentityComparer.Instance)).Add(next))
                                {
                                    stack.Push(next);
                                }
                            }
                            else
                            {
                                stack.Push(pair.Value);
                            }
                        }

                        break;
                    case YamlSequenceNode sequence:
                        foreach (var child in sequence.Children)
                        {
                            stack.Push(child);
                        }

                        break;
                }
            }
        }

        private static string Unescape(string segment) => Uri.UnescapeDataString(segment.Replace("~1", "/").Replace("~0", "~"));
    }
}
