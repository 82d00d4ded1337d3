using StarkSdk.Generator.Modeling;

namespace StarkSdk.Generator.Emitters
{
    /// <summary>Renders <see cref="TypeRef"/>s as C# (framework types fully qualified with global::).</summary>
    internal static class TypeNames
    {
        public const string JsonProperty = "global::Newtonsoft.Json.JsonProperty";
        public const string JsonConverterAttribute = "global::Newtonsoft.Json.JsonConverter";
        public const string Pipeline = "global::StarkSdk.Core.StarkPipeline";
        public const string RequestOptions = "global::StarkSdk.Core.RequestOptions";
        public const string CancellationToken = "global::System.Threading.CancellationToken";
        public const string Task = "global::System.Threading.Tasks.Task";
        public const string DateAlias = "StarkDate";
        public const string Unchecked = "global::StarkSdk.Generated.Unchecked";

        /// <param name="nullable">Append <c>?</c>.</param>
        /// <param name="readOnlyCollections">Lists as IReadOnlyList (server-set fields, results) instead of IList.</param>
        public static string Render(TypeRef type, bool nullable, bool readOnlyCollections)
        {
            string name;
            switch (type.Kind)
            {
                case TypeKind.String:
                    name = "string";
                    break;
                case TypeKind.Int32:
                    name = "int";
                    break;
                case TypeKind.Int64:
                    name = "long";
                    break;
                case TypeKind.Decimal:
                    name = "decimal";
                    break;
                case TypeKind.Double:
                    name = "double";
                    break;
                case TypeKind.Boolean:
                    name = "bool";
                    break;
                case TypeKind.DateTime:
                case TypeKind.DateOrDateTime:
                    name = "global::System.DateTimeOffset";
                    break;
                case TypeKind.Date:
                    name = DateAlias;
                    break;
                case TypeKind.Enum:
                case TypeKind.Object:
                    name = type.Name;
                    break;
                case TypeKind.List:
                    var element = type.Element ?? TypeRef.Any;
                    name = (readOnlyCollections ? "global::System.Collections.Generic.IReadOnlyList<" : "global::System.Collections.Generic.IList<")
                        + Render(element, element.SpecNullable, readOnlyCollections) + ">";
                    break;
                case TypeKind.Dictionary:
                    var value = type.Element ?? TypeRef.Any;
                    name = "global::System.Collections.Generic.IDictionary<string, "
                        + (value.Kind == TypeKind.Any ? "object?" : Render(value, value.SpecNullable, readOnlyCollections)) + ">";
                    break;
                default:
                    name = "global::Newtonsoft.Json.Linq.JToken";
                    break;
            }

            return nullable ? name + "?" : name;
        }

        /// <summary>The runtime converter a value of this type needs, if any.</summary>
        public static string? Converter(TypeRef type)
        {
            switch (type.Kind)
            {
                case TypeKind.DateTime:
                    return "global::StarkSdk.Core.DateTimeOffsetConverter";
                case TypeKind.Date:
                    return "global::StarkSdk.Core.DateConverter";
                case TypeKind.DateOrDateTime:
                    return "global::StarkSdk.Core.DateOrDateTimeConverter";
                default:
                    return null;
            }
        }

        public static string HttpMethod(string verb)
        {
            switch (verb)
            {
                case "GET": return "global::System.Net.Http.HttpMethod.Get";
                case "POST": return "global::System.Net.Http.HttpMethod.Post";
                case "PUT": return "global::System.Net.Http.HttpMethod.Put";
                case "DELETE": return "global::System.Net.Http.HttpMethod.Delete";
                case "HEAD": return "global::System.Net.Http.HttpMethod.Head";
                case "OPTIONS": return "global::System.Net.Http.HttpMethod.Options";
                case "TRACE": return "global::System.Net.Http.HttpMethod.Trace";
                default: return $"new global::System.Net.Http.HttpMethod(\"{verb}\")";
            }
        }

        /// <summary>A C# string literal.</summary>
        public static string Literal(string value)
        {
            var builder = new System.Text.StringBuilder(value.Length + 2);
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
                            builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.Append('"').ToString();
        }
    }
}
