using System.Text;

namespace StarkSdk.Generator.Emitters
{
    /// <summary>A StringBuilder with indentation: the emitters write C# line by line.</summary>
    internal sealed class SourceWriter
    {
        private const string IndentUnit = "    ";
        private readonly StringBuilder _builder = new StringBuilder(4096);
        private int _indent;

        public SourceWriter Line(string text)
        {
            if (text.Length > 0)
            {
                for (var i = 0; i < _indent; i++)
                {
                    _builder.Append(IndentUnit);
                }

                _builder.Append(text);
            }

            _builder.Append('\n');
            return this;
        }

        public SourceWriter Line() => Line(string.Empty);

        /// <summary>A line at column 0 (preprocessor directives).</summary>
        public SourceWriter Directive(string text)
        {
            _builder.Append(text).Append('\n');
            return this;
        }

        public SourceWriter Open()
        {
            Line("{");
            _indent++;
            return this;
        }

        public SourceWriter Close(string suffix = "")
        {
            _indent--;
            Line("}" + suffix);
            return this;
        }

        public SourceWriter Indent()
        {
            _indent++;
            return this;
        }

        public SourceWriter Outdent()
        {
            _indent--;
            return this;
        }

        public override string ToString() => _builder.ToString();
    }
}
