using System.Collections.Generic;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.Generator.Modeling
{
    /// <summary>The properties and required names one schema (or allOf part) contributes to a generated class.</summary>
    internal sealed class PropertySource
    {
        public PropertySource(YamlMappingNode? properties, IEnumerable<string> required)
        {
            Properties = properties;
            Required = new List<string>(required);
        }

        public YamlMappingNode? Properties { get; }

        public List<string> Required { get; }
    }
}
