using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using StarkSdk.Generator.Diagnostics;
using StarkSdk.Generator.Emitters;
using StarkSdk.Generator.Modeling;
using StarkSdk.Generator.Parsing;

namespace StarkSdk.Generator
{
    /// <summary>
    /// Generates the typed surface of a Stark SDK (DTOs, string enums, query options, resource clients, the root client
    /// and its dependency injection extensions) from OpenAPI YAML files passed as AdditionalFiles with
    /// <c>StarkNamespace</c> metadata (or <c>StarkOpenApi="true"</c>).
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class OpenApiGenerator : IIncrementalGenerator
    {
        /// <summary>Tracking names of the pipeline steps (tests assert their cached/modified reasons).</summary>
        public static class TrackingNames
        {
            /// <summary>The spec files and their options.</summary>
            public const string SpecFiles = "SpecFiles";

            /// <summary>The parsed and modelled spec (one result per file).</summary>
            public const string SpecModels = "SpecModels";

            /// <summary>The diagnostics of each spec.</summary>
            public const string Diagnostics = "Diagnostics";

            /// <summary>The units to emit, one per generated file.</summary>
            public const string Units = "Units";

            /// <summary>Which spec file generates into which namespace.</summary>
            public const string NamespaceOwners = "NamespaceOwners";

            /// <summary>Whether the compilation references what the dependency injection extensions need.</summary>
            public const string DependencyInjection = "DependencyInjection";

            /// <summary>The dependency injection extensions of each spec's root client, when generated whole.</summary>
            public const string ServiceCollections = "ServiceCollections";
        }

        private const string MetadataPrefix = "build_metadata.AdditionalFiles.";

        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            context.RegisterPostInitializationOutput(static output =>
            {
                output.AddEmbeddedAttributeDefinition();
                output.AddSource(OperationAttributeSource.HintName, SourceText.From(OperationAttributeSource.Source, Encoding.UTF8));
            });

            var specFiles = context.AdditionalTextsProvider
                .Where(static text => IsYaml(text.Path))
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Select(static (pair, _) => (Text: pair.Left, Options: ReadOptions(pair.Left, pair.Right)))
                .Where(static pair => pair.Options is not null)
                .WithTrackingName(TrackingNames.SpecFiles);

            var results = specFiles
                .Select(static (pair, cancellationToken) => SpecReader.Read(pair.Text, pair.Options!, cancellationToken))
                .WithTrackingName(TrackingNames.SpecModels);

            // Two spec files generating into one namespace would generate the same files: the first one wins, the
            // others get STARK004. The owners list is small and equatable, so it does not disturb caching.
            var namespaceOwners = specFiles
                .Select(static (pair, _) => new SpecOwner(pair.Text.Path, pair.Options!.Namespace))
                .Collect()
                .Select(static (owners, _) => owners.ToEquatableArray())
                .WithTrackingName(TrackingNames.NamespaceOwners);

            var diagnostics = results
                .Select(static (result, _) => (result.Path, result.Namespace, result.Diagnostics))
                .Combine(namespaceOwners)
                .WithTrackingName(TrackingNames.Diagnostics);

            var units = results
                .SelectMany(static (result, _) => Pair(result))
                .Combine(namespaceOwners)
                .WithTrackingName(TrackingNames.Units);

            // Only a bool of the compilation enters the pipeline: an edit of the C# re-runs this lookup, and nothing after it.
            var dependencyInjection = context.CompilationProvider
                .Select(static (compilation, _) => DependencyInjectionSupport.IsAvailable(compilation))
                .WithTrackingName(TrackingNames.DependencyInjection);

            var serviceCollections = results
                .Select(static (result, _) => (result.Path, Model: ServiceCollectionModel.For(result)))
                .Combine(dependencyInjection)
                .Combine(namespaceOwners)
                .WithTrackingName(TrackingNames.ServiceCollections);

            context.RegisterSourceOutput(diagnostics, static (output, item) =>
            {
                var ((path, @namespace, items), owners) = item;
                foreach (var diagnostic in items)
                {
                    output.ReportDiagnostic(diagnostic.ToDiagnostic());
                }

                var owner = OwnerOf(owners, @namespace);
                if (owner is not null && owner != path)
                {
                    var location = Location.Create(path, default, default);
                    output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NameClash, location, @namespace, $"the OpenAPI file '{path}'", $"'{owner}', which generates into the same StarkNamespace"));
                }
            });

            // The callback registry (CallbackRegistryEmitter): every signed callback of the model, with its documented deadline and safe answer.
            context.RegisterSourceOutput(results.Combine(namespaceOwners), static (output, item) =>
            {
                var (result, owners) = item;
                if (OwnerOf(owners, result.Namespace) != result.Path)
                {
                    return;
                }

                try
                {
                    if (CallbackRegistryEmitter.Emit(result) is { } registry)
                    {
                        output.AddSource(registry.HintName, SourceText.From(registry.Source, Encoding.UTF8));
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ProcessingFailed, Location.None, $"emitting the callback registry failed: {exception.GetType().Name}: {exception.Message}"));
                }
            });

            context.RegisterSourceOutput(units, static (output, item) =>
            {
                var ((path, unit), owners) = item;
                if (OwnerOf(owners, unit.Namespace) == path)
                {
                    Emit(output, unit);
                }
            });

            context.RegisterSourceOutput(serviceCollections, static (output, item) =>
            {
                var (((path, model), available), owners) = item;
                if (model is not null && available && OwnerOf(owners, model.Namespace) == path)
                {
                    Emit(output, model);
                }
            });
        }

        private static IEnumerable<(string Path, GeneratedUnit Unit)> Pair(SpecResult result)
        {
            foreach (var unit in result.Units)
            {
                yield return (result.Path, unit);
            }
        }

        private static string? OwnerOf(EquatableArray<SpecOwner> owners, string @namespace)
        {
            foreach (var owner in owners)
            {
                if (owner.Namespace == @namespace)
                {
                    return owner.Path;
                }
            }

            return null;
        }

        private static void Emit(SourceProductionContext output, GeneratedUnit unit)
        {
            string source;
            try
            {
                source = UnitEmitter.Emit(unit);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ProcessingFailed, Location.None, $"emitting {unit.Name} failed: {exception.GetType().Name}: {exception.Message}"));
                return;
            }

            output.AddSource(unit.HintName, SourceText.From(source, Encoding.UTF8));
        }

        private static bool IsYaml(string path)
            => path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

        /// <summary>The options of a spec file, or null when the YAML file is not marked as a spec.</summary>
        internal static SpecOptions? ReadOptions(AdditionalText text, AnalyzerConfigOptionsProvider provider)
        {
            var options = provider.GetOptions(text);
            var @namespace = Value(options, MetadataPrefix + "StarkNamespace");
            var rootClient = Value(options, MetadataPrefix + "StarkRootClient");
            var marked = string.Equals(Value(options, MetadataPrefix + "StarkOpenApi"), "true", StringComparison.OrdinalIgnoreCase);
            if (@namespace is null && !marked)
            {
                return null;
            }

            @namespace ??= Value(provider.GlobalOptions, "build_property.RootNamespace") ?? "StarkApi";
            if (rootClient is null)
            {
                var lastDot = @namespace.LastIndexOf('.');
                rootClient = (lastDot < 0 ? @namespace : @namespace.Substring(lastDot + 1)) + "Client";
            }

            return new SpecOptions(@namespace.Trim(), rootClient.Trim());
        }

        private static string? Value(AnalyzerConfigOptions options, string key)
            => options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
    }
}
