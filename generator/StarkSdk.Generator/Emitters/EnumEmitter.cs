using StarkSdk.Generator.Modeling;

namespace StarkSdk.Generator.Emitters
{
    /// <summary>
    /// Emits a closed set of strings as a string-backed value type: known values as static members, equality,
    /// conversions; the runtime's StringEnumConverter keeps unknown values (a newer API's) instead of throwing.
    /// </summary>
    internal static class EnumEmitter
    {
        public static string Emit(EnumTypeModel model)
        {
            var name = model.Name;
            var writer = FileHeader.Begin(model.Namespace, usesDate: false);
            DocComments.Summary(writer, model.Description, $"The values of {name}.");
            writer.Line("/// <remarks>");
            writer.Line("/// A string-backed set of values: the known ones are static members; a value this version of the SDK does not");
            writer.Line("/// know (added by a newer API) is kept as it is, compares by value and is written back unchanged.");
            writer.Line("/// </remarks>");
            writer.Line(FileHeader.GeneratedCodeAttribute);
            if (model.IsDeprecated)
            {
                writer.Line("[global::System.Obsolete(\"Deprecated by the API.\")]");
            }

            // One converter for every string enum, in the runtime: unknown values are kept, other tokens read as text.
            writer.Line($"[{TypeNames.JsonConverterAttribute}(typeof(global::StarkSdk.Core.StringEnumConverter))]");
            writer.Line($"public readonly partial struct {name} : global::System.IEquatable<{name}>, global::StarkSdk.Core.IStringEnum");
            writer.Open();
            writer.Line("private readonly string? _value;");
            writer.Line();
            writer.Line($"/// <summary>Creates a <see cref=\"{name}\"/> from its string value; prefer the static members for known values.</summary>");
            writer.Line("/// <param name=\"value\">The value, as the API writes it.</param>");
            writer.Line($"public {name}(string value)");
            writer.Open();
            writer.Line("_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
            writer.Close();
            foreach (var member in model.Members)
            {
                writer.Line();
                var summary = DocComments.Format($"`{member.Value}`") + (member.Description is null ? "." : ": " + DocComments.Flatten(member.Description));
                writer.Line("/// <summary>" + summary + "</summary>");
                writer.Line($"public static {name} {member.Name} {{ get; }} = new {name}({TypeNames.Literal(member.Value)});");
            }

            writer.Line();
            writer.Line("/// <summary>The values known to this version of the SDK, in the order the API documents them.</summary>");
            writer.Line($"public static global::System.Collections.Generic.IReadOnlyList<{name}> KnownValues {{ get; }} = new {name}[]");
            writer.Open();
            foreach (var member in model.Members)
            {
                writer.Line(member.Name + ",");
            }

            writer.Close(";");
            writer.Line();
            writer.Line("/// <summary>The value, as the API writes it (empty for <c>default</c>).</summary>");
            writer.Line("public string Value => _value ?? string.Empty;");
            writer.Line();
            writer.Line("/// <summary>Whether the value is one of <see cref=\"KnownValues\"/>.</summary>");
            writer.Line("public bool IsKnown");
            writer.Open();
            writer.Line("get");
            writer.Open();
            if (model.Members.Count > 0)
            {
                writer.Line("switch (_value)");
                writer.Open();
                foreach (var member in model.Members)
                {
                    writer.Line($"case {TypeNames.Literal(member.Value)}:");
                }

                writer.Indent();
                writer.Line("return true;");
                writer.Outdent();
                writer.Line("default:");
                writer.Indent();
                writer.Line("return false;");
                writer.Outdent();
                writer.Close();
            }
            else
            {
                writer.Line("return false;");
            }

            writer.Close();
            writer.Close();
            writer.Line();
            writer.Line("/// <summary>Compares two values ordinally.</summary>");
            writer.Line($"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
            writer.Line();
            writer.Line("/// <summary>Compares two values ordinally.</summary>");
            writer.Line($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
            writer.Line();
            writer.Line($"/// <summary>Wraps a string (known or not) as a <see cref=\"{name}\"/>.</summary>");
            writer.Line($"public static implicit operator {name}(string value) => new {name}(value);");
            writer.Line();
            writer.Line("/// <summary>The string value.</summary>");
            writer.Line($"public static explicit operator string({name} value) => value.Value;");
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line($"public bool Equals({name} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
            writer.Line();
            writer.Line("/// <summary>The string value.</summary>");
            writer.Line("public override string ToString() => Value;");

            writer.Close();
            return FileHeader.End(writer);
        }
    }
}
