using Microsoft.CodeAnalysis;

namespace StarkSdk.Generator.Diagnostics
{
    /// <summary>Every diagnostic the generator reports. IDs are stable; see AnalyzerReleases.Unshipped.md.</summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "StarkGenerator";

        public static readonly DiagnosticDescriptor MalformedYaml = new DiagnosticDescriptor(
            id: "STARK001",
            title: "Malformed YAML",
            messageFormat: "The OpenAPI file is not valid YAML: {0}",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "The YAML parser rejected the file; no code is generated from it until the error is fixed.");

        public static readonly DiagnosticDescriptor UnresolvedReference = new DiagnosticDescriptor(
            id: "STARK002",
            title: "Unresolved $ref",
            messageFormat: "The reference '{0}' does not resolve to anything in this file",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Every $ref must point into the same file (#/components/...) and name an existing entry.");

        public static readonly DiagnosticDescriptor UnsupportedConstruct = new DiagnosticDescriptor(
            id: "STARK003",
            title: "Unsupported OpenAPI construct",
            messageFormat: "{0} is not supported by the generator; {1}",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The generator understands the subset of OpenAPI 3.1 described in docs/architecture.md section 1.");

        public static readonly DiagnosticDescriptor NameClash = new DiagnosticDescriptor(
            id: "STARK004",
            title: "Name clash",
            messageFormat: "The C# name '{0}' of {1} clashes with {2}; {1} is not generated",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Two spec entries map to the same C# name. Rename one of them in the spec.");

        public static readonly DiagnosticDescriptor InvalidSpec = new DiagnosticDescriptor(
            id: "STARK005",
            title: "Invalid or incomplete spec",
            messageFormat: "{0}",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "The spec breaks an OpenAPI rule or one of the x-stark-* conventions the generator relies on.");

        public static readonly DiagnosticDescriptor InvalidOption = new DiagnosticDescriptor(
            id: "STARK006",
            title: "Invalid generator option",
            messageFormat: "The {0} value '{1}' is not a valid C# {2}",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "StarkNamespace must be a dotted C# namespace and StarkRootClient a C# identifier.");

        public static readonly DiagnosticDescriptor ProcessingFailed = new DiagnosticDescriptor(
            id: "STARK007",
            title: "Spec file could not be processed",
            messageFormat: "The OpenAPI file could not be processed: {0}",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "The file could not be read, or the generator met a problem it does not know how to report more precisely.");

        public static readonly DiagnosticDescriptor MissingResponse = new DiagnosticDescriptor(
            id: "STARK008",
            title: "Response key without a JSON response",
            messageFormat: "The operation '{0}' declares x-stark-response-key '{1}' but has {2}; the operation is not generated",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "x-stark-response-key names a property of the JSON body of the operation's success response, so the operation must have one.");

        public static readonly DiagnosticDescriptor ApiServers = new DiagnosticDescriptor(
            id: "STARK009",
            title: "x-stark-api without one sandbox and one production server",
            messageFormat: "{0}: x-stark-api '{1}' needs exactly one server marked x-stark-environment: sandbox and one marked production, each with an absolute http(s) URL; the root client's constructors and Api and its dependency injection extensions are not generated",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "With x-stark-api the generator emits the whole root client, whose ApiDescriptor holds the sandbox and production URLs, and its dependency injection extensions; it reads both URLs from the servers marked x-stark-environment.");

        public static DiagnosticDescriptor? Find(string id)
        {
            switch (id)
            {
                case "STARK001": return MalformedYaml;
                case "STARK002": return UnresolvedReference;
                case "STARK003": return UnsupportedConstruct;
                case "STARK004": return NameClash;
                case "STARK005": return InvalidSpec;
                case "STARK006": return InvalidOption;
                case "STARK007": return ProcessingFailed;
                case "STARK008": return MissingResponse;
                case "STARK009": return ApiServers;
                default: return null;
            }
        }
    }
}
