using System.Collections.Generic;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StarkSdk.Generator.Parsing
{
    /// <summary>
    /// Passes YamlDotNet's parser events through, remembering the collections that are open, so that an error inside a
    /// flow collection (<c>[a, b</c> or <c>{a: 1</c> never closed) can be reported at its opening bracket.
    /// </summary>
    internal sealed class FlowTrackingParser : IParser
    {
        private readonly IParser _inner;
        private readonly List<NodeEvent> _open = new List<NodeEvent>();

        public FlowTrackingParser(IParser inner)
        {
            _inner = inner;
        }

        public ParsingEvent? Current => _inner.Current;

        public bool MoveNext()
        {
            if (!_inner.MoveNext())
            {
                return false;
            }

            switch (_inner.Current)
            {
                case SequenceStart start:
                    _open.Add(start);
                    break;
                case MappingStart start:
                    _open.Add(start);
                    break;
                case SequenceEnd _:
                case MappingEnd _:
                    if (_open.Count > 0)
                    {
                        _open.RemoveAt(_open.Count - 1);
                    }

                    break;
            }

            return true;
        }

        /// <summary>The innermost open flow sequence or mapping, or null when the parser is in block context.</summary>
        public NodeEvent? InnermostOpenFlowCollection()
        {
            for (var i = _open.Count - 1; i >= 0; i--)
            {
                if (_open[i] is SequenceStart { Style: SequenceStyle.Flow } || _open[i] is MappingStart { Style: MappingStyle.Flow })
                {
                    return _open[i];
                }
            }

            return null;
        }
    }
}
