using System.Collections.Generic;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.Generator.Modeling
{
    /// <summary>A client of the tree <see cref="ClientTreeBuilder"/> builds: its path, parent, children, operations and callbacks.</summary>
    internal sealed class ClientNode
    {
        public ClientNode(string path, string propertyName, ClientNode? parent, YamlNode node)
        {
            Path = path;
            PropertyName = propertyName;
            Parent = parent;
            Node = node;
        }

        public string Path { get; }

        public string PropertyName { get; }

        public ClientNode? Parent { get; }

        public YamlNode Node { get; }

        public string? TypeName { get; set; }

        public List<ClientNode> Children { get; } = new List<ClientNode>();

        public List<OperationDraft> Operations { get; } = new List<OperationDraft>();

        public List<CallbackDraft> Callbacks { get; } = new List<CallbackDraft>();
    }
}
