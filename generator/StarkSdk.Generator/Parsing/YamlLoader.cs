using System;
using System.IO;
using StarkSdk.Generator.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.Generator.Parsing
{
    /// <summary>The text of a spec file → its YAML root mapping, or STARK001/STARK005 at the offending position.</summary>
    internal static class YamlLoader
    {
        /// <summary>The root mapping of the document, or null (with a diagnostic) when the file is not a YAML mapping.</summary>
        public static YamlMappingNode? Load(SpecContext context)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(context.Text.ToString()));
            }
            catch (YamlException exception)
            {
                context.Report(DiagnosticDescriptors.MalformedYaml, context.Locate(exception.Start, exception.End), Message(exception));
                return null;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // YamlDotNet throws a few non-YAML exceptions on some malformed inputs.
                context.Report(DiagnosticDescriptors.MalformedYaml, context.FileStart(), exception.Message);
                return null;
            }

            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                context.Report(DiagnosticDescriptors.InvalidSpec, stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode, "The file is not an OpenAPI document: its root must be a mapping");
                return null;
            }

            return root;
        }

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
