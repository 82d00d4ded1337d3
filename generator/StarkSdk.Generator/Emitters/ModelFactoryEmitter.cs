using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;
using StarkSdk.Generator.Modeling;

namespace StarkSdk.Generator.Emitters
{
    /// <summary>
    /// Emits the model factory (Azure SDK style): one static method per class with an optional parameter for every
    /// property, server-set ones and inherited ones included, so users' tests can build "a paid invoice" without JSON.
    /// </summary>
    internal static class ModelFactoryEmitter
    {
        public static string Emit(ModelFactoryModel model)
        {
            var byName = new Dictionary<string, ObjectTypeModel>();
            var usesDate = false;
            foreach (var item in model.Models)
            {
                byName[item.Name] = item;
                usesDate |= item.UsesDate;
            }

            var writer = FileHeader.Begin(model.Namespace, usesDate);
            writer.Line("/// <summary>");
            writer.Line("/// Builds the SDK's model objects with any field set, server-set ones included (<c>id</c>, <c>status</c>, <c>created</c>...),");
            writer.Line("/// for unit tests of code that receives them from the API. Parameters left out stay unset (null, or 0 for numbers).");
            writer.Line("/// </summary>");
            writer.Line(FileHeader.GeneratedCodeAttribute);
            writer.Line($"public static partial class {model.Name}");
            writer.Open();
            var first = true;
            foreach (var item in model.Models)
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                EmitMethod(writer, item, Chain(item, byName, out var root), root);
            }

            writer.Close();
            return FileHeader.End(writer);
        }

        /// <summary>The properties of the class and its bases, bases first; a hiding property replaces the hidden one.</summary>
        private static List<(PropertyModel Property, string Owner, bool IsDiscriminator)> Chain(ObjectTypeModel model, Dictionary<string, ObjectTypeModel> byName, out string root)
        {
            var classes = new List<ObjectTypeModel>();
            for (var current = model; current is not null && classes.Count < 64; current = current.BaseType is not null && byName.TryGetValue(current.BaseType, out var next) ? next : null)
            {
                classes.Insert(0, current);
            }

            root = classes[0].Name;

            var result = new List<(PropertyModel Property, string Owner, bool IsDiscriminator)>();
            foreach (var item in classes)
            {
                foreach (var property in item.Properties)
                {
                    var index = result.FindIndex(p => p.Property.JsonName == property.JsonName);
                    if (index >= 0)
                    {
                        result[index] = (property, item.Name, ModelEmitter.IsDiscriminator(item, property));
                    }
                    else
                    {
                        result.Add((property, item.Name, ModelEmitter.IsDiscriminator(item, property)));
                    }
                }
            }

            // A union case's constructor sets the discriminator: it is not a parameter.
            if (model.CaseValue is not null)
            {
                result.RemoveAll(p => p.Property.Name == model.CaseValue.PropertyName);
            }

            return result;
        }

        private static void EmitMethod(SourceWriter writer, ObjectTypeModel model, List<(PropertyModel Property, string Owner, bool IsDiscriminator)> properties, string root)
        {
            var type = "global::" + model.Namespace + "." + model.Name;
            writer.Line($"/// <summary>Creates a <see cref=\"{type}\"/> with the given fields, as the API would return it.</summary>");
            var parameters = new List<string>();
            var assignments = new List<string>();
            var taken = new HashSet<string>();
            foreach (var (property, owner, isDiscriminator) in properties)
            {
                // Doc references name the declaring class: a cref does not find inherited members.
                var name = ParameterName(property.Name, taken);
                writer.Line($"/// <param name=\"{name.TrimStart('@')}\">Sets <see cref=\"global::{model.Namespace}.{owner}.{property.Name}\"/>.</param>");
                var nullable = ModelEmitter.Nullable(property, isDiscriminator);
                var rendered = TypeNames.Render(property.Type, nullable || !property.Type.IsValueType, property.IsReadOnly);
                parameters.Add($"{rendered} {name} = {(nullable || !property.Type.IsValueType ? "null" : "default")}");
                assignments.Add($"{property.Name} = {name}{(!nullable && !property.Type.IsValueType ? "!" : string.Empty)},");
            }

            var additional = ParameterName("AdditionalData", taken);
            writer.Line($"/// <param name=\"{additional.TrimStart('@')}\">Sets <see cref=\"global::{model.Namespace}.{root}.AdditionalData\"/>: fields this version of the SDK does not know.</param>");
            writer.Line("/// <returns>The new object.</returns>");
            parameters.Add($"global::System.Collections.Generic.IDictionary<string, global::Newtonsoft.Json.Linq.JToken>? {additional} = null");
            assignments.Add($"AdditionalData = {additional},");
            if (model.IsDeprecated)
            {
                writer.Line("[global::System.Obsolete(\"Deprecated by the API.\")]");
            }

            writer.Line($"public static {type} {model.Name}(");
            writer.Indent();
            for (var i = 0; i < parameters.Count; i++)
            {
                writer.Line(parameters[i] + (i == parameters.Count - 1 ? ")" : ","));
            }

            writer.Outdent();
            writer.Open();
            writer.Line($"return new {type}(default({TypeNames.Unchecked}))");
            writer.Open();
            foreach (var assignment in assignments)
            {
                writer.Line(assignment);
            }

            writer.Close(";");
            writer.Close();
        }

        private static string ParameterName(string propertyName, HashSet<string> taken)
        {
            var name = char.ToLowerInvariant(propertyName[0]) + propertyName.Substring(1);
            while (!taken.Add(name))
            {
                name += "Value";
            }

            return SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
        }
    }
}
