using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace StarkSdk.Generator.Tests;

/// <summary>Runs <see cref="OpenApiGenerator"/> in-process with CSharpGeneratorDriver, as the compiler would.</summary>
internal static class GeneratorHarness
{
    public const string SpecPath = "/repo/openapi/small.yaml";

    /// <summary>What a compilation for net10.0 sees: the runtime's assemblies, StarkSdk.Core and Newtonsoft.Json.</summary>
    public static readonly ImmutableArray<MetadataReference> References = LoadReferences();

    public static CSharpParseOptions ParseOptions(bool net6OrGreater = true) =>
        CSharpParseOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithDocumentationMode(DocumentationMode.Diagnose)
            .WithPreprocessorSymbols(net6OrGreater ? new[] { "NET", "NET6_0_OR_GREATER", "NET8_0_OR_GREATER", "NET10_0_OR_GREATER" } : new[] { "NETSTANDARD", "NETSTANDARD2_0" });

    public static CSharpCompilation Compilation(IEnumerable<string>? sources = null, bool net6OrGreater = true, IEnumerable<MetadataReference>? references = null)
    {
        var parseOptions = ParseOptions(net6OrGreater);
        var trees = (sources ?? new[] { "namespace Consumer { internal static class Placeholder { } }" })
            .Select((source, i) => CSharpSyntaxTree.ParseText(source, parseOptions, path: $"/repo/src/Source{i}.cs"));
        return CSharpCompilation.Create(
            "Generated",
            trees,
            references ?? References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                {
                    // Assembly-level noise of an in-memory compilation, not of the generated code.
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));
    }

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> texts, TestOptionsProvider? options = null, bool net6OrGreater = true) =>
        CSharpGeneratorDriver.Create(
            new[] { new OpenApiGenerator().AsSourceGenerator() },
            texts,
            ParseOptions(net6OrGreater),
            options ?? TestOptionsProvider.ForSpecs(SpecPath),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Generates from one YAML text; returns the driver run result and the compilation with the generated code.</summary>
    public static GeneratorRun Run(string yaml, string path = SpecPath, TestOptionsProvider? options = null, IEnumerable<string>? sources = null, bool net6OrGreater = true, IEnumerable<MetadataReference>? references = null)
    {
        var compilation = Compilation(sources ?? new[] { RootClientPartial("Small", "SmallClient") }, net6OrGreater, references);
        var driver = CreateDriver(new[] { new InMemoryAdditionalText(path, yaml) }, options ?? TestOptionsProvider.ForSpecs(path, "Small", "SmallClient"), net6OrGreater);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorRun(driver, driver.GetRunResult(), output, generatorDiagnostics);
    }

    /// <summary>The hand-written half of a root client, as an SDK writes it.</summary>
    public static string RootClientPartial(string @namespace, string name) => $$"""
        namespace {{@namespace}}
        {
            /// <summary>The root client.</summary>
            public partial class {{name}}
            {
                /// <summary>Creates the client.</summary>
                /// <param name="pipeline">The pipeline.</param>
                public {{name}}(global::StarkSdk.Core.StarkPipeline pipeline) { Pipeline = pipeline; }

                internal global::StarkSdk.Core.StarkPipeline Pipeline { get; }
            }
        }
        """;

    /// <summary><see cref="References"/> without the named assemblies, e.g. <c>Microsoft.Extensions.Http</c>.</summary>
    public static ImmutableArray<MetadataReference> ReferencesWithout(params string[] assemblyNames) =>
        References.Where(r => !assemblyNames.Contains(Path.GetFileNameWithoutExtension(r.Display), StringComparer.OrdinalIgnoreCase)).ToImmutableArray();

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.Length > 0)
            .ToList();
        paths.Add(typeof(StarkSdk.Core.ApiRequest).Assembly.Location);
        paths.Add(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location);
        return paths
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(p => !Path.GetFileName(p).StartsWith("StarkSdk.Generator", StringComparison.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}

internal sealed record GeneratorRun(GeneratorDriver Driver, GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public IEnumerable<GeneratedSourceResult> Sources => Result.Results.SelectMany(r => r.GeneratedSources);

    public string Source(string hintName) => Sources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>Errors and warnings of the compilation of the generated code.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
}

/// <summary>An AdditionalText held in memory.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>The editorconfig view of item metadata and MSBuild properties (build_metadata.AdditionalFiles.*, build_property.*).</summary>
internal sealed class TestOptionsProvider(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> perFile, IReadOnlyDictionary<string, string>? global = null) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(global ?? new Dictionary<string, string>());

    public static TestOptionsProvider ForSpecs(string path, string? @namespace = "Small", string? rootClient = "SmallClient")
    {
        var metadata = new Dictionary<string, string>();
        if (@namespace is not null)
        {
            metadata["build_metadata.AdditionalFiles.StarkNamespace"] = @namespace;
        }

        if (rootClient is not null)
        {
            metadata["build_metadata.AdditionalFiles.StarkRootClient"] = rootClient;
        }

        return new TestOptionsProvider(new Dictionary<string, IReadOnlyDictionary<string, string>> { [path] = metadata });
    }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        perFile.TryGetValue(textFile.Path, out var values) ? new DictionaryOptions(values) : DictionaryOptions.Empty;

    private sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
