using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using StarkSdk.Generator.Diagnostics;
using StarkSdk.Generator.Parsing;

namespace StarkSdk.Generator.Modeling
{
    /// <summary>
    /// Splits an OpenAPI path template into the segments the generated method concatenates. Paths in the spec carry the
    /// API version (<c>/v2/invoice/{id}/pdf</c>); the generated path is relative to the version root the runtime's base
    /// URL ends with (<c>invoice/</c> + id + <c>/pdf</c>), so a leading <c>/vN/</c> is dropped.
    /// </summary>
    internal static class PathTemplate
    {
        private static readonly Regex VersionPrefix = new Regex("^v[0-9]+/", RegexOptions.CultureInvariant);

        /// <summary>
        /// Fills <see cref="OperationDraft.Path"/> and <see cref="OperationDraft.PathParameters"/> (in template order) from
        /// <paramref name="path"/> and the declared path parameters by wire name. False (reported) on an unclosed brace.
        /// </summary>
        public static bool TryParse(SpecContext context, OperationDraft draft, string path, Dictionary<string, ParameterModel> pathParameters)
        {
            var relative = VersionPrefix.Replace(path.TrimStart('/'), string.Empty);
            var position = 0;
            while (position < relative.Length)
            {
                var open = relative.IndexOf('{', position);
                if (open < 0)
                {
                    draft.Path.Add(new PathSegment(relative.Substring(position), false));
                    break;
                }

                var close = relative.IndexOf('}', open);
                if (close < 0)
                {
                    context.Report(DiagnosticDescriptors.InvalidSpec, draft.Node, $"The path '{path}' of '{draft.OperationId}' has an unclosed '{{'");
                    return false;
                }

                if (open > position)
                {
                    draft.Path.Add(new PathSegment(relative.Substring(position, open - position), false));
                }

                var wireName = relative.Substring(open + 1, close - open - 1);
                if (!pathParameters.TryGetValue(wireName, out var parameter))
                {
                    context.Report(DiagnosticDescriptors.InvalidSpec, draft.Node, $"The path parameter '{wireName}' of '{draft.OperationId}' ({path}) is not declared in its parameters");
                    var fallbackName = Naming.ToParameterName(wireName);
                    parameter = new ParameterModel(Array.IndexOf(OperationConventions.ReservedParameterNames, fallbackName) >= 0 ? fallbackName + "Value" : fallbackName, wireName, null);
                    pathParameters[wireName] = parameter;
                }

                if (!draft.PathParameters.Contains(parameter))
                {
                    draft.PathParameters.Add(parameter);
                }

                draft.Path.Add(new PathSegment(parameter.Name, true));
                position = close + 1;
            }

            return true;
        }
    }
}
