using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace StarkSdk.Generator.Emitters
{
    /// <summary>
    /// Writes XML doc comments from spec descriptions (Markdown-ish text): the first paragraph is the summary, the rest
    /// the remarks; XML is escaped, <c>`code`</c> becomes &lt;c&gt; and <c>[text](url)</c> a &lt;see href&gt;.
    /// </summary>
    internal static class DocComments
    {
        private static readonly Regex Code = new Regex("`([^`]+)`", RegexOptions.CultureInvariant);
        private static readonly Regex Link = new Regex(@"\[([^\]]+)\]\((https?://[^)\s]+)\)", RegexOptions.CultureInvariant);

        /// <param name="writer">The writer.</param>
        /// <param name="description">The spec's description (Markdown-ish text), or null.</param>
        /// <param name="fallback">The text used when there is no description (Markdown-ish text).</param>
        /// <param name="extraXml">A last summary line, already XML (use <see cref="Format"/> on plain text).</param>
        public static void Summary(SourceWriter writer, string? description, string fallback, string? extraXml = null)
        {
            var paragraphs = Paragraphs(description);
            if (paragraphs.Count == 0)
            {
                paragraphs.Add(new List<string> { fallback });
            }

            // Summaries read as sentences: "Create invoices" -> "Create invoices."
            var summary = paragraphs[0];
            var last = summary[summary.Count - 1];
            if (last.Length > 0 && char.IsLetterOrDigit(last[last.Length - 1]) || last.EndsWith("`", StringComparison.Ordinal) || last.EndsWith(")", StringComparison.Ordinal))
            {
                summary[summary.Count - 1] = last + ".";
            }

            writer.Line("/// <summary>");
            foreach (var line in summary)
            {
                writer.Line("/// " + Format(line));
            }

            if (extraXml is not null)
            {
                writer.Line("/// " + extraXml);
            }

            writer.Line("/// </summary>");
            if (paragraphs.Count > 1)
            {
                writer.Line("/// <remarks>");
                for (var i = 1; i < paragraphs.Count; i++)
                {
                    writer.Line("/// <para>");
                    foreach (var line in paragraphs[i])
                    {
                        writer.Line("/// " + Format(line));
                    }

                    writer.Line("/// </para>");
                }

                writer.Line("/// </remarks>");
            }
        }

        /// <summary>A one-line element such as &lt;param name="x"&gt;text&lt;/param&gt;.</summary>
        public static void Element(SourceWriter writer, string element, string attributes, string? description, string fallback)
        {
            var text = Flatten(description);
            writer.Line($"/// <{element}{attributes}>{(text.Length == 0 ? Format(fallback) : text)}</{element}>");
        }

        public static string Param(string name) => $" name=\"{Escape(name.TrimStart('@'))}\"";

        /// <summary>The description on one line (for param/returns).</summary>
        public static string Flatten(string? description)
        {
            var paragraphs = Paragraphs(description);
            var builder = new StringBuilder();
            foreach (var paragraph in paragraphs)
            {
                foreach (var line in paragraph)
                {
                    if (builder.Length > 0)
                    {
                        builder.Append(' ');
                    }

                    builder.Append(line);
                }
            }

            return Format(builder.ToString());
        }

        public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

        /// <summary>Escapes XML, then turns Markdown code spans and links into doc tags.</summary>
        public static string Format(string text)
        {
            var escaped = Escape(text);
            escaped = Code.Replace(escaped, "<c>$1</c>");
            escaped = Link.Replace(escaped, match => $"<see href=\"{match.Groups[2].Value.Replace("\"", "&quot;")}\">{match.Groups[1].Value}</see>");
            return escaped;
        }

        private static List<List<string>> Paragraphs(string? description)
        {
            var result = new List<List<string>>();
            if (string.IsNullOrWhiteSpace(description))
            {
                return result;
            }

            var current = new List<string>();
            foreach (var raw in description!.Replace("\r\n", "\n").Split('\n'))
            {
                var line = raw.Trim();
                if (line.Length == 0)
                {
                    if (current.Count > 0)
                    {
                        result.Add(current);
                        current = new List<string>();
                    }

                    continue;
                }

                current.Add(line);
            }

            if (current.Count > 0)
            {
                result.Add(current);
            }

            return result;
        }
    }
}
