using System;
using System.IO;
using StarkSdk.Generator.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.Generator.Parsing
{
    /// <summary>
    /// The text of a spec file → its YAML root mapping. Malformed YAML is STARK001 at the offending line and column with
    /// YamlDotNet's own message; a document that is not a mapping is STARK005.
    /// </summary>
    internal static class YamlLoader
    {
        /// <summary>The root mapping of the document, or null (with a diagnostic) when the file is not a YAML mapping.</summary>
        public static YamlMappingNode? Load(SpecContext context)
        {
            var scanner = new Scanner(new StringReader(context.Text.ToString()), skipComments: true);
            var parser = new FlowTrackingParser(new Parser(scanner));
            var stream = new YamlStream();
            try
            {
                stream.Load(parser);
            }
            catch (YamlException exception)
            {
                var message = Message(exception);
                context.Report(DiagnosticDescriptors.MalformedYaml, Locate(context, exception, message, parser), message);
                return null;
            }
            catch (InvalidOperationException exception)
            {
                // YamlDotNet's scanner fails with a bare InvalidOperationException on a flow collection left open before
                // the next block line; say what its parser says when it meets the same bracket at the end of the file.
                var open = parser.InnermostOpenFlowCollection();
                if (open is null)
                {
                    context.Report(DiagnosticDescriptors.MalformedYaml, context.Locate(scanner.CurrentPosition, scanner.CurrentPosition), exception.Message);
                }
                else
                {
                    context.Report(DiagnosticDescriptors.MalformedYaml, context.Locate(open.Start, open.Start), UnclosedMessage(open));
                }

                return null;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Any other failure of the YAML library is still a problem of this file: report it where the scanner stopped.
                context.Report(DiagnosticDescriptors.MalformedYaml, context.Locate(scanner.CurrentPosition, scanner.CurrentPosition), exception.Message);
                return null;
            }

            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                context.Report(DiagnosticDescriptors.InvalidSpec, stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode, "The file is not an OpenAPI document: its root must be a mapping");
                return null;
            }

            return root;
        }

        /// <summary>
        /// Where the problem is: YamlDotNet's start mark, except for a tab (its end mark is the tab; the start is the
        /// scalar before it) and an unclosed flow collection (its start is the end of the file; the bracket is the problem).
        /// </summary>
        private static LocationInfo Locate(SpecContext context, YamlException exception, string message, FlowTrackingParser parser)
        {
            var endIndex = (int)exception.End.Index;
            if (endIndex >= 0 && endIndex < context.Text.Length && context.Text[endIndex] == '\t')
            {
                return context.Locate(exception.End, exception.End);
            }

            if (message.StartsWith("While parsing a flow ", StringComparison.Ordinal) && parser.InnermostOpenFlowCollection() is NodeEvent open)
            {
                return context.Locate(open.Start, open.Start);
            }

            return context.Locate(exception.Start, exception.End);
        }

        private static string UnclosedMessage(NodeEvent open)
            => open is SequenceStart
                ? "While parsing a flow sequence, did not find expected ',' or ']'."
                : "While parsing a flow mapping, did not find expected ',' or '}'.";

        /// <summary>YamlDotNet prefixes messages with the position ("(Line: 3, Col: 5, ...): "); the location says it already.</summary>
        private static string Message(YamlException exception)
        {
            var message = exception.InnerException is YamlException inner && !string.IsNullOrEmpty(inner.Message) ? inner.Message : exception.Message;
            if (message.StartsWith("(Line:", StringComparison.Ordinal))
            {
                var end = message.IndexOf("): ", StringComparison.Ordinal);
                if (end > 0)
                {
                    message = message.Substring(end + 3);
                }
            }

            return message.Trim();
        }
    }
}
