using System.Text;
using StarkSdk.Generator.Modeling;

namespace StarkSdk.Generator.Emitters
{
    /// <summary>Emits a DTO class (properties mapped to the JSON names) and its generated JSON converter.</summary>
    internal static class ModelEmitter
    {
        public static string Emit(ObjectTypeModel model)
        {
            var writer = FileHeader.Begin(model.Namespace, model.UsesDate);
            DocComments.Summary(writer, model.Description, $"The {model.Name} object of the API.");
            writer.Line(FileHeader.GeneratedCodeAttribute);
            writer.Line($"[{TypeNames.JsonConverterAttribute}(typeof({JsonConverterEmitter.NameOf(model.Name)}))]");
            if (model.IsDeprecated)
            {
                writer.Line("[global::System.Obsolete(\"Deprecated by the API.\")]");
            }


            writer.Line($"public partial class {model.Name}{(model.BaseType is null ? string.Empty : " : " + model.BaseType)}");
            writer.Open();
            EmitConstructors(writer, model);
            foreach (var property in model.Properties)
            {
                writer.Line();
                EmitProperty(writer, property, IsDiscriminator(model, property));
            }

            if (model.DeclaresAdditionalData)
            {
                writer.Line();
                writer.Line("/// <summary>");
                writer.Line("/// Fields the API sent that this version of the SDK does not know, kept so a newer API's data is neither lost");
                writer.Line("/// nor an error, and is written back when the object is serialized.");
                writer.Line("/// </summary>");
                writer.Line("[global::Newtonsoft.Json.JsonExtensionData]");
                writer.Line("public global::System.Collections.Generic.IDictionary<string, global::Newtonsoft.Json.Linq.JToken>? AdditionalData { get; set; }");
            }

            if (model.BaseType is null)
            {
                writer.Line();
                writer.Line("/// <summary>The object as one line of JSON, for logs: ids, amounts and statuses readable; secrets (passwords, card numbers) left out.</summary>");
                writer.Line("/// <returns>The JSON text.</returns>");
                writer.Line("public override string ToString() => global::StarkSdk.Core.StarkJson.Describe(this);");
            }

            writer.Close();
            JsonConverterEmitter.Emit(writer, model);
            return FileHeader.End(writer);
        }

        private static void EmitProperty(SourceWriter writer, PropertyModel property, bool isDiscriminator)
        {
            var notes = new StringBuilder();
            if (property.IsReadOnly)
            {
                notes.Append("Set by the server.");
            }
            else if (property.IsRequired)
            {
                notes.Append(property.IsSent ? "Required on creation." : "Always present.");
            }

            if (property.DefaultValue is not null && !property.IsReadOnly)
            {
                notes.Append(notes.Length > 0 ? " " : string.Empty).Append("Default: `").Append(property.DefaultValue).Append("`.");
            }

            DocComments.Summary(writer, property.Description, $"The `{property.JsonName}` field.", notes.Length > 0 ? DocComments.Format(notes.ToString()) : null);
            if (property.IsDeprecated)
            {
                writer.Line("[global::System.Obsolete(\"Deprecated by the API.\")]");
            }

            var attribute = new StringBuilder();
            attribute.Append('[').Append(TypeNames.JsonProperty).Append('(').Append(TypeNames.Literal(property.JsonName));
            if (Nullable(property, isDiscriminator) || !property.Type.IsValueType)
            {
                // Unset fields are not sent: PATCH bodies carry only what was given, creations no server fields.
                attribute.Append(", NullValueHandling = global::Newtonsoft.Json.NullValueHandling.Ignore");
            }

            var elementConverter = property.Type.Kind == TypeKind.List && property.Type.Element is not null ? TypeNames.Converter(property.Type.Element) : null;
            if (elementConverter is not null)
            {
                attribute.Append(", ItemConverterType = typeof(").Append(elementConverter).Append(')');
            }

            attribute.Append(")]");
            writer.Line(attribute.ToString());
            var converter = TypeNames.Converter(property.Type);
            if (converter is not null)
            {
                writer.Line($"[{TypeNames.JsonConverterAttribute}(typeof({converter}))]");
            }

            if (property.IsSensitive)
            {
                writer.Line("[global::StarkSdk.Core.Sensitive]");
            }

            var type = TypeNames.Render(property.Type, Nullable(property, isDiscriminator), property.IsReadOnly);
            // Server-set fields: the SDK's deserializers and the model factory (same assembly) set them, users do not.
            var setter = property.IsReadOnly ? "internal set; " : "set; ";
            var modifiers = (property.IsNew ? "new " : string.Empty) + (IsRequiredMember(property, isDiscriminator) ? "required " : string.Empty);
            writer.Line($"public {modifiers}{type} {property.Name} {{ get; {setter}}}");
        }

        /// <summary>
        /// Listed in the schema's <c>required</c> and written by the client: a C# <c>required</c> member, so forgetting it is
        /// error CS9035 rather than a 0 or null sent to the API. A property hiding a base one cannot be required (CS9031),
        /// and a union's discriminator is set by the constructors of its cases.
        /// </summary>
        public static bool IsRequiredMember(PropertyModel property, bool isDiscriminator) => property.IsRequired && !property.IsReadOnly && !property.IsNew && !isDiscriminator;

        /// <summary>Server-set and optional fields are nullable: a non-null declaration is a promise the object keeps.</summary>
        public static bool Nullable(PropertyModel property, bool isDiscriminator)
            => property.IsNullable || property.IsReadOnly || (!IsRequiredMember(property, isDiscriminator) && !property.Type.IsValueType);

        /// <summary>Whether <paramref name="property"/> is the discriminator of the union <paramref name="model"/>.</summary>
        public static bool IsDiscriminator(ObjectTypeModel model, PropertyModel property) => model.Union is not null && model.Union.PropertyName == property.Name;

        /// <summary>
        /// The public parameterless constructor (a union case's sets its discriminator) and the internal one the SDK's
        /// deserializers and model factory use, which leaves the required members to the caller.
        /// </summary>
        private static void EmitConstructors(SourceWriter writer, ObjectTypeModel model)
        {
            var caseValue = model.CaseValue;
            writer.Line(caseValue is null
                ? $"/// <summary>Creates a <see cref=\"{model.Name}\"/>; the compiler asks for its required members.</summary>"
                : $"/// <summary>Creates a <see cref=\"{model.Name}\"/>, with <c>{DocComments.Escape(caseValue.PropertyName)}</c> set to <c>{DocComments.Escape(caseValue.Value)}</c>.</summary>");
            writer.Line($"public {model.Name}()");
            writer.Open();
            if (caseValue is not null)
            {
                writer.Line($"{caseValue.PropertyName} = {TypeNames.Literal(caseValue.Value)};");
            }

            writer.Close();
            writer.Line();
            writer.Line($"/// <summary>Creates a <see cref=\"{model.Name}\"/> whose required members the caller sets afterwards (deserializers, model factory).</summary>");
            writer.Line("/// <param name=\"unchecked\">Selects this constructor.</param>");
            writer.Line("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
            // It promises the required members to the compiler; its callers keep that promise.
            writer.Directive("#pragma warning disable CS8618");
            writer.Line($"internal {model.Name}({TypeNames.Unchecked} @unchecked)" + (model.BaseType is null ? string.Empty : " : base(@unchecked)"));
            writer.Directive("#pragma warning restore CS8618");
            writer.Open();
            if (caseValue is not null)
            {
                writer.Line($"{caseValue.PropertyName} = {TypeNames.Literal(caseValue.Value)};");
            }

            writer.Close();
        }
    }
}
