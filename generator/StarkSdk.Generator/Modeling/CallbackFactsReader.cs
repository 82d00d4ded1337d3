using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.Generator.Modeling
{
    /// <summary>
    /// Reads <see cref="CallbackFact"/>s from the top-level <c>webhooks:</c> map of a spec. Only that section of the text
    /// is parsed, so the cost is small next to the main model's; any problem there yields no facts (the main pipeline
    /// reports the spec's errors).
    /// </summary>
    internal static class CallbackFactsReader
    {
        // "within 1 second", "within 2 seconds", "within 0.5 seconds": how the spec states a callback's deadline.
        private static readonly Regex Within = new Regex(@"within (\d+(?:\.\d+)?) seconds?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        private static readonly string[] Verbs = { "post", "get", "put", "patch", "delete" };

        public static SpecCallbackFacts Read(AdditionalText text, CancellationToken cancellationToken)
        {
            var facts = new List<CallbackFact>();
            try
            {
                var source = text.GetText(cancellationToken)?.ToString() ?? string.Empty;
                var section = WebhooksSection(source);
                if (section is not null)
                {
                    var stream = new YamlStream();
                    stream.Load(new StringReader(section));
                    if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root
                        && Child(root, "webhooks") is YamlMappingNode webhooks)
                    {
                        foreach (var entry in webhooks.Children)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            if (entry.Value is YamlMappingNode pathItem)
                            {
                                AddFacts(pathItem, facts);
                            }
                        }
                    }
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The main pipeline reads the same file and reports why it cannot (STARK007); the registry just has no facts.
                facts.Clear();
            }

            return new SpecCallbackFacts(text.Path, facts.ToEquatableArray());
        }

        private static void AddFacts(YamlMappingNode pathItem, List<CallbackFact> facts)
        {
            foreach (var verb in Verbs)
            {
                if (Child(pathItem, verb) is not YamlMappingNode operation
                    || Scalar(operation, "x-stark-callback") is null
                    || Scalar(operation, "operationId") is not { } operationId)
                {
                    continue;
                }

                var ok = Child(Child(operation, "responses"), "200");
                var deadline = Deadline(Scalar(operation, "description")) ?? Deadline(Scalar(ok, "description"));
                var denied = Child(Child(Child(Child(Child(ok, "content"), "application/json"), "examples"), "denied"), "value");
                facts.Add(new CallbackFact(operationId, verb.ToUpperInvariant(), deadline, denied is null ? null : Json(denied)));
            }
        }

        /// <summary>The text from the <c>webhooks:</c> line to the next top-level key, or null.</summary>
        private static string? WebhooksSection(string source)
        {
            int start;
            if (source.StartsWith("webhooks:", StringComparison.Ordinal))
            {
                start = 0;
            }
            else
            {
                var index = source.IndexOf("\nwebhooks:", StringComparison.Ordinal);
                if (index < 0)
                {
                    return null;
                }

                start = index + 1;
            }

            var end = start;
            while (true)
            {
                end = source.IndexOf('\n', end);
                if (end < 0 || end + 1 >= source.Length)
                {
                    return source.Substring(start);
                }

                var next = source[end + 1];
                if (next != ' ' && next != '\n' && next != '\r' && next != '#' && next != '-')
                {
                    return source.Substring(start, end + 1 - start);
                }

                end++;
            }
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
