using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.Generator.Modeling
{
    /// <summary>
    /// What the callback registry needs of a signed callback beyond its types, read from the operation by
    /// <see cref="CallbackReader"/>: the deadline the spec documents ("within 1 second") and the documented safe answer
    /// (the 200 response's <c>denied</c> example).
    /// </summary>
    internal static class CallbackFacts
    {
        // "within 1 second", "within 2 seconds", "within 0.5 seconds": how the spec states a callback's deadline.
        private static readonly Regex Within = new Regex(@"within (\d+(?:\.\d+)?) seconds?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <summary>The documented deadline in milliseconds, from the operation's or its 200 answer's description; null when none is stated.</summary>
        public static int? DeadlineMilliseconds(YamlMappingNode operation)
        {
            var ok = Child(Child(operation, "responses"), "200");
            return Deadline(Scalar(operation, "description")) ?? Deadline(Scalar(ok, "description"));
        }

        /// <summary>The 200 answer's <c>denied</c> example as compact JSON (its tags dropped), or null.</summary>
        public static string? SafeDefaultJson(YamlMappingNode operation)
        {
            var ok = Child(Child(operation, "responses"), "200");
            var denied = Child(Child(Child(Child(Child(ok, "content"), "application/json"), "examples"), "denied"), "value");
            return denied is null ? null : Json(denied);
        }

        private static int? Deadline(string? description)
        {
            if (description is null)
            {
                return null;
            }

            var match = Within.Match(description.Replace('\n', ' '));
            if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                return null;
            }

            return (int)Math.Round(seconds * 1000);
        }

        /// <summary>A YAML example as compact JSON; <c>tags</c> are left out (an example's tags are no default to send).</summary>
        private static string Json(YamlNode node)
        {
            var builder = new StringBuilder();
            Write(node, builder);
            return builder.ToString();
        }

        private static void Write(YamlNode node, StringBuilder builder)
        {
            switch (node)
            {
                case YamlMappingNode mapping:
                    builder.Append('{');
                    var first = true;
                    foreach (var pair in mapping.Children)
                    {
                        var key = ((YamlScalarNode)pair.Key).Value ?? string.Empty;
                        if (key == "tags")
                        {
                            continue;
                        }

                        if (!first)
                        {
                            builder.Append(',');
                        }

                        first = false;
                        WriteString(key, builder);
                        builder.Append(':');
                        Write(pair.Value, builder);
                    }

                    builder.Append('}');
                    break;
                case YamlSequenceNode sequence:
                    builder.Append('[');
                    for (var i = 0; i < sequence.Children.Count; i++)
                    {
                        if (i > 0)
                        {
                            builder.Append(',');
                        }

                        Write(sequence.Children[i], builder);
                    }

                    builder.Append(']');
                    break;
                case YamlScalarNode scalar:
                    var value = scalar.Value ?? string.Empty;
                    var plain = scalar.Style == YamlDotNet.Core.ScalarStyle.Plain;
                    if (plain && (value == "true" || value == "false" || value == "null"))
                    {
                        builder.Append(value);
                    }
                    else if (plain && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                    {
                        builder.Append(value);
                    }
                    else
                    {
                        WriteString(value, builder);
                    }

                    break;
            }
        }

        private static void WriteString(string value, StringBuilder builder)
        {
            builder.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        if (c < ' ')
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            builder.Append('"');
        }

        private static YamlNode? Child(YamlNode? node, string key)
            => node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        private static string? Scalar(YamlNode? node, string key) => (Child(node, key) as YamlScalarNode)?.Value;
    }
}
