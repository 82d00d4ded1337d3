using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using StarkSdk.Generator.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.Generator.Parsing
{
    /// <summary>The state shared while one OpenAPI file is read: its text (for locations) and diagnostics.</summary>
    internal sealed class SpecContext
    {
        private readonly List<DiagnosticInfo> _diagnostics = new List<DiagnosticInfo>();
        private readonly HashSet<DiagnosticInfo> _reported = new HashSet<DiagnosticInfo>();

        public SpecContext(string path, SourceText text)
        {
            Path = path;
            Text = text;
        }

        public string Path { get; }

        public SourceText Text { get; }

        public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

        public bool HasErrors { get; private set; }

        public void Report(DiagnosticDescriptor descriptor, YamlNode? node, params string[] arguments)
            => Report(descriptor, node is null ? FileStart() : Locate(node.Start, node.End), arguments);

        public void Report(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments)
        {
            if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
            {
                HasErrors = true;
            }

            // The same node can be visited twice (e.g. a $ref classified and then mapped): report it once.
            var diagnostic = DiagnosticInfo.Create(descriptor, location ?? FileStart(), arguments);
            if (_reported.Add(diagnostic))
            {
                _diagnostics.Add(diagnostic);
            }
        }

        public LocationInfo FileStart() => new LocationInfo(Path, new TextSpan(0, 0), new LinePositionSpan(default, default));

        /// <summary>A location from YamlDotNet marks (0-based character index; 1-based line and column).</summary>
        public LocationInfo Locate(Mark start, Mark end)
        {
            var length = Text.Length;
            var startIndex = Clamp((int)start.Index, length);
            var endIndex = Clamp((int)end.Index, length);
            if (endIndex < startIndex)
            {
                endIndex = startIndex;
            }

            // A multi-line node (a mapping) is reported on its first line only.
            var startLine = Text.Lines.GetLineFromPosition(startIndex);
            if (endIndex > startLine.End)
            {
                endIndex = startLine.End < startIndex ? startIndex : startLine.End;
            }

            var span = TextSpan.FromBounds(startIndex, endIndex);
            return new LocationInfo(Path, span, Text.Lines.GetLinePositionSpan(span));
        }

        private static int Clamp(int value, int length) => value < 0 ? 0 : value > length ? length : value;
    }
}
