using System.Collections.Generic;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.Generator.Parsing
{
    /// <summary>Small lookups over YamlDotNet's representation model.</summary>
    internal static class YamlExtensions
    {
        public static YamlNode? Get(this YamlMappingNode map, string key)
        {
            foreach (var pair in map.Children)
            {
                if (pair.Key is YamlScalarNode scalar && scalar.Value == key)
                {
                    return pair.Value;
                }
            }

            return null;
        }

        /// <summary>The key node of an entry, for diagnostics that point at a name.</summary>
        public static YamlNode? GetKeyNode(this YamlMappingNode map, string key)
        {
            foreach (var pair in map.Children)
            {
                if (pair.Key is YamlScalarNode scalar && scalar.Value == key)
                {
                    return pair.Key;
                }
            }

            return null;
        }

        public static YamlMappingNode? GetMap(this YamlMappingNode map, string key) => map.Get(key) as YamlMappingNode;

        public static YamlSequenceNode? GetSequence(this YamlMappingNode map, string key) => map.Get(key) as YamlSequenceNode;

        public static string? GetString(this YamlMappingNode map, string key)
            => map.Get(key) is YamlScalarNode scalar && !IsNull(scalar) ? scalar.Value : null;

        public static bool GetBool(this YamlMappingNode map, string key)
            => map.Get(key) is YamlScalarNode scalar && string.Equals(scalar.Value, "true", System.StringComparison.OrdinalIgnoreCase);

        public static bool Has(this YamlMappingNode map, string key) => map.Get(key) is not null;

        /// <summary>Entries of a mapping whose keys are scalars, in document order.</summary>
        public static IEnumerable<KeyValuePair<YamlScalarNode, YamlNode>> Entries(this YamlMappingNode? map)
        {
            if (map is null)
            {
                yield break;
            }

            foreach (var pair in map.Children)
            {
                if (pair.Key is YamlScalarNode key && key.Value is not null)
                {
                    yield return new KeyValuePair<YamlScalarNode, YamlNode>(key, pair.Value);
                }
            }
        }

        public static IEnumerable<string> Strings(this YamlSequenceNode? sequence)
        {
            if (sequence is null)
            {
                yield break;
            }

            foreach (var child in sequence.Children)
            {
                if (child is YamlScalarNode scalar && scalar.Value is not null && !IsNull(scalar))
                {
                    yield return scalar.Value;
                }
            }
        }

        /// <summary>A plain (unquoted) <c>null</c>, <c>~</c> or empty scalar.</summary>
        public static bool IsNull(this YamlScalarNode scalar)
            => scalar.Style == YamlDotNet.Core.ScalarStyle.Plain
               && (scalar.Value is null || scalar.Value.Length == 0 || scalar.Value == "~" || scalar.Value == "null" || scalar.Value == "Null" || scalar.Value == "NULL");
    }
}
