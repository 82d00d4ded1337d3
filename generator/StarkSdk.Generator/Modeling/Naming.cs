using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace StarkSdk.Generator.Modeling
{
    /// <summary>Turns spec names (camelCase JSON names, kebab-case enum values, schema names) into C# identifiers.</summary>
    internal static class Naming
    {
        /// <summary>
        /// PascalCase: <c>taxId</c> → <c>TaxId</c>, <c>tax_id</c> → <c>TaxId</c>, <c>in-progress</c> → <c>InProgress</c>,
        /// <c>pt-BR</c> → <c>PtBR</c>. Characters that cannot be in an identifier separate words.
        /// </summary>
        public static string ToPascalCase(string name)
        {
            var builder = new StringBuilder(name.Length);
            var upperNext = true;
            foreach (var c in name)
            {
                if (!char.IsLetterOrDigit(c))
                {
                    upperNext = true;
                    continue;
                }

                if (upperNext)
                {
                    builder.Append(char.ToUpperInvariant(c));
                    upperNext = false;
                }
                else
                {
                    builder.Append(c);
                }
            }

            if (builder.Length == 0)
            {
                return "Empty";
            }

            if (char.IsDigit(builder[0]))
            {
                builder.Insert(0, "Value");
            }

            return builder.ToString();
        }

        /// <summary>
        /// An enum member name: PascalCase, except that a leading <c>-</c> (a descending sort order such as
        /// <c>-created</c>) becomes a <c>Descending</c> suffix: <c>CreatedDescending</c>.
        /// </summary>
        public static string ToEnumMemberName(string value)
            => value.Length > 1 && value[0] == '-' && IsIdentifierPart(value[1])
                ? ToPascalCase(value.Substring(1)) + "Descending"
                : ToPascalCase(value);

        /// <summary>camelCase, escaped with <c>@</c> when it is a C# keyword: <c>event</c> → <c>@event</c>.</summary>
        public static string ToParameterName(string name)
        {
            var pascal = ToPascalCase(name);
            var camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
            return EscapeKeyword(camel);
        }

        /// <summary>A camelCase name without the keyword escape (for locals and messages).</summary>
        public static string ToCamelCase(string name)
        {
            var pascal = ToPascalCase(name);
            return char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        }

        public static string EscapeKeyword(string identifier)
            => SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(identifier) == SyntaxKind.AwaitKeyword
                ? "@" + identifier
                : identifier;

        /// <summary>A type name from a schema name: kept when it is already a valid identifier, else PascalCased.</summary>
        public static string ToTypeName(string schemaName)
            => IsValidIdentifier(schemaName) && char.IsUpper(schemaName[0]) ? schemaName : ToPascalCase(schemaName);

        public static bool IsValidIdentifier(string name)
            => !string.IsNullOrEmpty(name) && SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

        public static bool IsValidNamespace(string name)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return false;
            }

            foreach (var part in name.Split('.'))
            {
                if (!IsValidIdentifier(part))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A naive English singular, enough for resource names: <c>Invoices</c> → <c>Invoice</c>, <c>Entries</c> → <c>Entry</c>.</summary>
        public static string Singularize(string name)
        {
            if (name.EndsWith("ies", System.StringComparison.Ordinal) && name.Length > 3)
            {
                return name.Substring(0, name.Length - 3) + "y";
            }

            if (name.EndsWith("sses", System.StringComparison.Ordinal) || name.EndsWith("xes", System.StringComparison.Ordinal))
            {
                return name.Substring(0, name.Length - 2);
            }

            if (name.EndsWith("ss", System.StringComparison.Ordinal) || name.EndsWith("us", System.StringComparison.Ordinal))
            {
                return name;
            }

            if (name.EndsWith("s", System.StringComparison.Ordinal) && name.Length > 1)
            {
                return name.Substring(0, name.Length - 1);
            }

            return name;
        }

        /// <summary>
        /// The name inline envelope items get: the client path singularized (<c>Invoices.Logs</c> → <c>InvoiceLog</c>);
        /// the spec usually names them with a $ref instead.
        /// </summary>
        public static string EntityName(string[] clientPath)
        {
            var name = string.Empty;
            foreach (var segment in clientPath)
            {
                name += Singularize(segment);
            }

            return name;
        }

        /// <summary>Returns <paramref name="name"/>, or it with a <c>Value</c> suffix (repeated) while it is taken.</summary>
        public static string WithValueSuffixWhileTaken(string name, ICollection<string> taken)
        {
            var candidate = name;
            while (taken.Contains(candidate))
            {
                candidate += "Value";
            }

            return candidate;
        }

        private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
    }
}
