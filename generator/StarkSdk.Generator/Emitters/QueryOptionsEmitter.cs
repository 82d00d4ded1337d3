using StarkSdk.Generator.Modeling;

namespace StarkSdk.Generator.Emitters
{
    /// <summary>Emits the typed query parameters of one operation and the <c>AddTo</c> method that writes them.</summary>
    internal static class QueryOptionsEmitter
    {
        public static string Emit(QueryOptionsModel model)
        {
            var writer = FileHeader.Begin(model.Namespace, model.UsesDate);
            var methods = model.IsPaged
                ? $"`client.{model.ClientPath}.{model.MethodName}Async` and `client.{model.ClientPath}.{MethodNames.PageNameOf(model.MethodName)}Async`"
                : $"`client.{model.ClientPath}.{model.MethodName}Async`";
            DocComments.Summary(writer, null, $"Query parameters of {methods} (operation `{model.OperationId}`). Unset parameters are not sent.");
            writer.Line(FileHeader.GeneratedCodeAttribute);
            writer.Line($"public partial class {model.Name}");
            writer.Open();
            var first = true;
            foreach (var parameter in model.Parameters)
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                var note = parameter.IsLimit && model.IsPaged
                    ? $"With {model.MethodName}Async: the most items to return in total (all when unset). With {MethodNames.PageNameOf(model.MethodName)}Async: the page size (at most 100)."
                    : parameter.IsRequired ? "Required." : null;
                DocComments.Summary(writer, parameter.Description, $"The `{parameter.WireName}` query parameter.", note is null ? null : DocComments.Format(note));
                writer.Line($"public {PropertyType(parameter.Type)} {parameter.PropertyName} {{ get; set; }}");
            }

            writer.Line();
            writer.Line("/// <summary>Adds the parameters that are set to <paramref name=\"query\"/>.</summary>");
            writer.Line("/// <param name=\"query\">The request's query string.</param>");
            writer.Line("/// <param name=\"includeLimit\">False when the pager of a query sends the limit itself, page by page.</param>");
            writer.Line("internal void AddTo(global::StarkSdk.Core.QueryBuilder query, bool includeLimit)");
            writer.Open();
            foreach (var parameter in model.Parameters)
            {
                EmitAdd(writer, parameter);
            }

            writer.Close();
            writer.Close();
            return FileHeader.End(writer);
        }

        /// <summary>Every parameter is optional in C# (null = not sent); arrays accept any sequence.</summary>
        public static string PropertyType(TypeRef type)
        {
            if (type.Kind == TypeKind.List)
            {
                var element = type.Element ?? TypeRef.Any;
                return "global::System.Collections.Generic.IEnumerable<" + TypeNames.Render(element, false, false) + ">?";
            }

            return TypeNames.Render(type, true, false);
        }

        private static void EmitAdd(SourceWriter writer, QueryParameterModel parameter)
        {
            var name = TypeNames.Literal(parameter.WireName);
            var value = parameter.PropertyName;
            if (parameter.IsLimit)
            {
                writer.Line("if (includeLimit)");
                writer.Open();
            }

            switch (parameter.Type.Kind)
            {
                case TypeKind.Date:
                    writer.Directive("#if NET6_0_OR_GREATER");
                    writer.Line($"query.Add({name}, {value});");
                    writer.Directive("#else");
                    writer.Line($"query.AddDate({name}, {value});");
                    writer.Directive("#endif");
                    break;
                case TypeKind.Decimal:
                case TypeKind.Double:
                    writer.Line($"query.Add({name}, {value}?.ToString(global::System.Globalization.CultureInfo.InvariantCulture));");
                    break;
                case TypeKind.Any:
                case TypeKind.Object:
                case TypeKind.Dictionary:
                    writer.Line($"query.Add({name}, {value}?.ToString());");
                    break;
                case TypeKind.List:
                    var element = parameter.Type.Element ?? TypeRef.Any;
                    switch (element.Kind)
                    {
                        case TypeKind.String:
                        case TypeKind.Enum:
                            writer.Line($"query.Add({name}, {value});");
                            break;
                        case TypeKind.Date:
                            writer.Line($"query.Add({name}, {value} is null ? null : global::System.Linq.Enumerable.Select({value}, item => item.ToString(\"yyyy-MM-dd\", global::System.Globalization.CultureInfo.InvariantCulture)));");
                            break;
                        case TypeKind.Boolean:
                            writer.Line($"query.Add({name}, {value} is null ? null : global::System.Linq.Enumerable.Select({value}, item => item ? \"true\" : \"false\"));");
                            break;
                        case TypeKind.Int32:
                        case TypeKind.Int64:
                        case TypeKind.Decimal:
                        case TypeKind.Double:
                            writer.Line($"query.Add({name}, {value} is null ? null : global::System.Linq.Enumerable.Select({value}, item => item.ToString(global::System.Globalization.CultureInfo.InvariantCulture)));");
                            break;
                        default:
                            writer.Line($"query.Add({name}, {value} is null ? null : global::System.Linq.Enumerable.Select({value}, item => item?.ToString() ?? string.Empty));");
                            break;
                    }

                    break;
                default:
                    writer.Line($"query.Add({name}, {value});");
                    break;
            }

            if (parameter.IsLimit)
            {
                writer.Close();
            }
        }
    }
}
