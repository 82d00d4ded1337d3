using StarkSdk.Generator.Modeling;

namespace StarkSdk.Generator.Emitters
{
    /// <summary>
    /// Emits the JSON converter of a model: a switch on property names that reads and writes with JsonReader/JsonWriter
    /// directly, with the same results as Newtonsoft's reflection over the model's attributes (names, null handling,
    /// date formats, extension data, case-insensitive fallback); unusual tokens go through the serializer as before.
    /// A derived class's converter hands the inherited properties to its base class's converter.
    /// </summary>
    internal static class JsonConverterEmitter
    {
        private const string Reader = "global::Newtonsoft.Json.JsonReader";
        private const string Writer = "global::Newtonsoft.Json.JsonWriter";
        private const string Serializer = "global::Newtonsoft.Json.JsonSerializer";
        private const string Token = "global::Newtonsoft.Json.JsonToken";
        private const string Read = "global::StarkSdk.Core.JsonRead";
        private const string Write = "global::StarkSdk.Core.JsonWrite";

        public static string NameOf(string modelName) => modelName + "JsonConverter";

        public static void Emit(SourceWriter writer, ObjectTypeModel model)
        {
            var name = NameOf(model.Name);
            var baseConverter = model.BaseType is null ? null : NameOf(model.BaseType);
            writer.Line();
            writer.Line($"/// <summary>Reads and writes <see cref=\"{model.Name}\"/> without reflection.</summary>");
            writer.Line(FileHeader.GeneratedCodeAttribute);
            writer.Line($"internal sealed class {name} : global::StarkSdk.Core.ModelJsonConverter<{model.Name}>{(model.Union is null ? string.Empty : ", global::StarkSdk.Core.IUnionJsonConverter")}");
            writer.Open();
            writer.Line("/// <summary>The shared instance (the converter is stateless).</summary>");
            writer.Line($"public static readonly {name} Instance = new {name}();");
            if (model.Union is not null)
            {
                writer.Line();
                writer.Line("/// <inheritdoc/>");
                writer.Line($"public string DiscriminatorName => {TypeNames.Literal(model.Union.PropertyJsonName)};");
                writer.Line();
                writer.Line("/// <inheritdoc/>");
                writer.Line("public global::System.Type CaseType(string? discriminator)");
                writer.Open();
                writer.Line("switch (discriminator)");
                writer.Open();
                foreach (var unionCase in model.Union.Cases)
                {
                    writer.Line($"case {TypeNames.Literal(unionCase.Value)}:");
                    writer.Indent();
                    writer.Line($"return typeof({unionCase.TypeName});");
                    writer.Outdent();
                }

                writer.Line("default:");
                writer.Indent();
                writer.Line($"return typeof({model.Name});");
                writer.Outdent();
                writer.Close();
                writer.Close();
            }
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line($"protected override {model.Name} ReadObject({Reader} reader, {Serializer} serializer)");
            writer.Open();
            if (model.Union is not null)
            {
                EmitUnionRead(writer, model, model.Union);
            }
            else
            {
                writer.Line($"var value = new {model.Name}(default({TypeNames.Unchecked}));");
                writer.Line("ReadMembers(reader, value, serializer);");
                writer.Line("return value;");
            }

            writer.Close();
            writer.Line();
            writer.Line("/// <summary>Reads the members of an object into <paramref name=\"value\"/>, from its <c>{</c> to its <c>}</c>.</summary>");
            writer.Line($"internal static void ReadMembers({Reader} reader, {model.Name} value, {Serializer} serializer)");
            writer.Open();
            writer.Line($"while ({Read}.NextMember(reader))");
            writer.Open();
            writer.Line("var name = (string)reader.Value!;");
            writer.Line($"{Read}.MemberValue(reader);");
            writer.Line("if (!ReadMember(reader, value, name, serializer))");
            writer.Open();
            writer.Line("// Like Newtonsoft: an exact name first, then the same name in another case, else extension data.");
            writer.Line("var known = Match(name);");
            writer.Line("if (known is null || !ReadMember(reader, value, known, serializer))");
            writer.Open();
            writer.Line($"value.AdditionalData = {Read}.Extension(value.AdditionalData, name, reader);");
            writer.Close();
            writer.Close();
            writer.Close();
            writer.Close();
            writer.Line();
            writer.Line("/// <summary>Reads the value of the member named <paramref name=\"name\"/>; false when the name is not a member.</summary>");
            writer.Line($"internal static bool ReadMember({Reader} reader, {model.Name} value, string name, {Serializer} serializer)");
            writer.Open();
            writer.Line("switch (name)");
            writer.Open();
            foreach (var property in model.Properties)
            {
                var discriminator = ModelEmitter.IsDiscriminator(model, property);
                var nullable = ModelEmitter.Nullable(property, discriminator);
                var ignoresNull = nullable || !property.Type.IsValueType;
                writer.Line($"case {TypeNames.Literal(property.JsonName)}:");
                writer.Indent();
                var read = ReadExpression(property.Type, nullable, property.IsReadOnly, 1);
                writer.Line(ignoresNull
                    ? $"if (reader.TokenType != {Token}.Null)"
                    : $"if (reader.TokenType != {Token}.Null || serializer.NullValueHandling == global::Newtonsoft.Json.NullValueHandling.Include)");
                writer.Open();
                writer.Line($"value.{property.Name} = {read};");
                writer.Close();
                writer.Line();
                writer.Line("return true;");
                writer.Outdent();
            }

            writer.Line("default:");
            writer.Indent();
            writer.Line(baseConverter is null ? "return false;" : $"return {baseConverter}.ReadMember(reader, value, name, serializer);");
            writer.Outdent();
            writer.Close();
            writer.Close();
            writer.Line();
            writer.Line("/// <summary>The member name that equals <paramref name=\"name\"/> ignoring case, or null.</summary>");
            writer.Line("internal static string? Match(string name)");
            writer.Open();
            foreach (var property in model.Properties)
            {
                writer.Line($"if (string.Equals(name, {TypeNames.Literal(property.JsonName)}, global::System.StringComparison.OrdinalIgnoreCase))");
                writer.Open();
                writer.Line($"return {TypeNames.Literal(property.JsonName)};");
                writer.Close();
                writer.Line();
            }

            writer.Line(baseConverter is null ? "return null;" : $"return {baseConverter}.Match(name);");
            writer.Close();
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line($"protected override void WriteObject({Writer} writer, {model.Name} value, {Serializer} serializer)");
            writer.Open();
            writer.Line("writer.WriteStartObject();");
            writer.Line("WriteMembers(writer, value, serializer);");
            writer.Line($"{Write}.Extension(writer, value.AdditionalData, serializer);");
            writer.Line("writer.WriteEndObject();");
            writer.Close();
            writer.Line();
            writer.Line("/// <summary>Writes the members, the class's own first and then its base class's, as reflection orders them.</summary>");
            writer.Line($"internal static void WriteMembers({Writer} writer, {model.Name} value, {Serializer} serializer)");
            writer.Open();
            foreach (var property in model.Properties)
            {
                var discriminator = ModelEmitter.IsDiscriminator(model, property);
                var nullable = ModelEmitter.Nullable(property, discriminator);
                var condition = nullable || !property.Type.IsValueType ? $"value.{property.Name} is not null" : null;
                if (property.IsSensitive)
                {
                    condition = (condition is null ? string.Empty : condition + " && ") + "!global::StarkSdk.Core.StarkJson.IsRedacting(writer)";
                }

                var access = nullable && property.Type.IsValueType ? $"value.{property.Name}.Value" : $"value.{property.Name}";
                if (condition is not null)
                {
                    writer.Line($"if ({condition})");
                    writer.Open();
                }

                writer.Line($"writer.WritePropertyName({TypeNames.Literal(property.JsonName)});");
                WriteStatement(writer, property.Type, access, 1);
                if (condition is not null)
                {
                    writer.Close();
                }

                writer.Line();
            }

            if (baseConverter is not null)
            {
                writer.Line($"{baseConverter}.WriteMembers(writer, value, serializer);");
            }

            writer.Close();
            writer.Close();
        }

        /// <summary>
        /// A union reads the object first (dates kept as text), picks the case from the discriminator (an unknown one
        /// gives the union class itself) and reads the members into it.
        /// </summary>
        private static void EmitUnionRead(SourceWriter writer, ObjectTypeModel model, UnionModel union)
        {
            writer.Line("var dateParseHandling = reader.DateParseHandling;");
            writer.Line("reader.DateParseHandling = global::Newtonsoft.Json.DateParseHandling.None;");
            writer.Line("var json = global::Newtonsoft.Json.Linq.JObject.Load(reader);");
            writer.Line("reader.DateParseHandling = dateParseHandling;");
            writer.Line($"var discriminator = json[{TypeNames.Literal(union.PropertyJsonName)}] is global::Newtonsoft.Json.Linq.JValue tag && tag.Type == global::Newtonsoft.Json.Linq.JTokenType.String ? (string?)tag : null;");
            writer.Line("using (var members = json.CreateReader())");
            writer.Open();
            writer.Line("members.DateParseHandling = global::Newtonsoft.Json.DateParseHandling.None;");
            writer.Line("members.Read();");
            writer.Line("switch (discriminator)");
            writer.Open();
            foreach (var unionCase in union.Cases)
            {
                writer.Line($"case {TypeNames.Literal(unionCase.Value)}:");
                writer.Open();
                writer.Line($"var value = new {unionCase.TypeName}(default({TypeNames.Unchecked}));");
                writer.Line($"{NameOf(unionCase.TypeName)}.ReadMembers(members, value, serializer);");
                writer.Line("return value;");
                writer.Close();
            }

            writer.Line("default:");
            writer.Open();
            writer.Line($"var value = new {model.Name}(default({TypeNames.Unchecked}));");
            writer.Line("ReadMembers(members, value, serializer);");
            writer.Line("return value;");
            writer.Close();
            writer.Close();
            writer.Close();
        }

        /// <summary>The expression that reads a value of <paramref name="type"/> at the current token (reader <c>r{depth}</c>).</summary>
        private static string ReadExpression(TypeRef type, bool nullable, bool readOnlyCollections, int depth)
        {
            var r = depth == 1 ? "reader" : "r" + depth;
            var s = depth == 1 ? "serializer" : "s" + depth;
            var bang = nullable ? string.Empty : "!";
            switch (type.Kind)
            {
                case TypeKind.String:
                    return $"{Read}.String({r}, {s}){bang}";
                case TypeKind.Int32:
                    return $"{Read}.Int32({r}, {s})";
                case TypeKind.Int64:
                    return $"{Read}.Int64({r}, {s})";
                case TypeKind.Decimal:
                    return $"{Read}.Decimal({r}, {s})";
                case TypeKind.Double:
                    return $"{Read}.Double({r}, {s})";
                case TypeKind.Boolean:
                    return $"{Read}.Boolean({r}, {s})";
                case TypeKind.DateTime:
                    return $"{Read}.DateTime({r}, {s})" + (nullable ? string.Empty : ".GetValueOrDefault()");
                case TypeKind.DateOrDateTime:
                    return $"{Read}.DateOrDateTime({r}, {s})" + (nullable ? string.Empty : ".GetValueOrDefault()");
                case TypeKind.Date:
                    return $"{Read}.Date<{TypeNames.DateAlias}>({r}, {s})" + (nullable ? string.Empty : ".GetValueOrDefault()");
                case TypeKind.Enum:
                    return $"({r}.TokenType == {Token}.String ? new {type.Name}((string){r}.Value!) : {s}.Deserialize<{type.Name}{(nullable ? "?" : string.Empty)}>({r}))";
                case TypeKind.Object:
                    return $"{NameOf(type.Name)}.Instance.ReadValue({r}, {s}){bang}";
                case TypeKind.List:
                    var element = type.Element ?? TypeRef.Any;
                    var elementType = TypeNames.Render(element, element.SpecNullable, readOnlyCollections);
                    var next = depth + 1;
                    var item = ReadExpression(element, element.SpecNullable, readOnlyCollections, next);
                    if (element.Kind == TypeKind.Any)
                    {
                        item = $"{Read}.Other<{elementType}>(r{next}, s{next})!";
                    }

                    return $"{Read}.List<{elementType}>({r}, {s}, static (r{next}, s{next}) => {item}){bang}";
                default:
                    var rendered = TypeNames.Render(type, false, readOnlyCollections);
                    return $"{Read}.Other<{rendered}>({r}, {s}){bang}";
            }
        }

        /// <summary>Writes <paramref name="access"/>, a non-null value of <paramref name="type"/>.</summary>
        private static void WriteStatement(SourceWriter writer, TypeRef type, string access, int depth)
        {
            switch (type.Kind)
            {
                case TypeKind.String:
                case TypeKind.Int32:
                case TypeKind.Int64:
                case TypeKind.Decimal:
                case TypeKind.Double:
                case TypeKind.Boolean:
                    writer.Line($"writer.WriteValue({access});");
                    break;
                case TypeKind.DateTime:
                    writer.Line($"{Write}.DateTime(writer, {access});");
                    break;
                case TypeKind.DateOrDateTime:
                    writer.Line($"{Write}.DateOrDateTime(writer, {access}, serializer);");
                    break;
                case TypeKind.Date:
                    writer.Line($"{Write}.Date(writer, {access}, serializer);");
                    break;
                case TypeKind.Enum:
                    writer.Line($"writer.WriteValue({access}.Value);");
                    break;
                case TypeKind.Object:
                    writer.Line($"{NameOf(type.Name)}.Instance.WriteValue(writer, {access}, serializer);");
                    break;
                case TypeKind.List:
                    var element = type.Element ?? TypeRef.Any;
                    var item = "item" + depth;
                    writer.Line("writer.WriteStartArray();");
                    writer.Line($"foreach (var {item} in {access})");
                    writer.Open();
                    if (element.Kind == TypeKind.Any || element.Kind == TypeKind.Dictionary)
                    {
                        writer.Line($"serializer.Serialize(writer, {item});");
                    }
                    else if (element.SpecNullable || !element.IsValueType)
                    {
                        writer.Line($"if ({item} is null)");
                        writer.Open();
                        writer.Line("writer.WriteNull();");
                        writer.Close();
                        writer.Line("else");
                        writer.Open();
                        WriteStatement(writer, element, element.IsValueType ? item + ".Value" : item, depth + 1);
                        writer.Close();
                    }
                    else
                    {
                        WriteStatement(writer, element, item, depth + 1);
                    }

                    writer.Close();
                    writer.Line("writer.WriteEndArray();");
                    break;
                default:
                    writer.Line($"serializer.Serialize(writer, {access});");
                    break;
            }
        }
    }
}
