using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace StarkSdk.Generator.Diagnostics
{
    /// <summary>An equatable stand-in for <see cref="Location"/>: the YAML file path and the span in it.</summary>
    internal sealed record LocationInfo(string FilePath, TextSpan TextSpan, LinePositionSpan LineSpan)
    {
        public Location ToLocation() => Location.Create(FilePath, TextSpan, LineSpan);
    }
}
