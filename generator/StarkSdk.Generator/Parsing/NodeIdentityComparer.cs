using System.Collections.Generic;
using System.Runtime.CompilerServices;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.Generator.Parsing
{
    /// <summary>Compares YAML nodes by identity (YamlNode's own equality compares content, which is slow and not what a walk needs).</summary>
    internal sealed class NodeIdentityComparer : IEqualityComparer<YamlNode>
    {
        public static readonly NodeIdentityComparer Instance = new NodeIdentityComparer();

        public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

        public int GetHashCode(YamlNode obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
