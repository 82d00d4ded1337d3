using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using StarkSdk.Generator;
using Names = StarkSdk.Generator.OpenApiGenerator.TrackingNames;

namespace StarkSdk.Benchmarks;

/// <summary>
/// The generator as the compiler runs it (CSharpGeneratorDriver, in-process) on the real openapi/starkbank.yaml:
/// a full run on a fresh driver (YAML parse, model, emit of every file), and the run after an unrelated C# edit (a new
/// syntax tree added to the compilation), which must re-run nothing: the set-up asserts that every tracked step is
/// Cached/Unchanged and every output Cached, and that the same files come out.
/// </summary>
[MemoryDiagnoser]
[StarkJob]
public class GeneratorBenchmarks
{
    private const string SpecPath = "/repo/openapi/starkbank.yaml";

    private static readonly string[] TrackedSteps = { Names.SpecFiles, Names.SpecModels, Names.NamespaceOwners, Names.Diagnostics, Names.Units };

    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private AdditionalText _spec = null!;
    private GeneratorDriver _warmDriver = null!;

    [GlobalSetup]
    public void Setup()
    {
        var yaml = File.ReadAllText(Path.Combine(Fixtures.RepositoryRoot, "openapi", "starkbank.yaml"));
        _spec = new InMemoryAdditionalText(SpecPath, yaml);
        var parseOptions = ParseOptions();
        _compilation = CSharpCompilation.Create(
            "StarkBank",
            // Like src/StarkSdk.Bank itself: no hand-written code, the spec is the whole SDK (root client and DI included).
            Array.Empty<SyntaxTree>(),
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _edited = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace StarkSdk.Bank { internal static class UnrelatedEdit { internal static int Answer => 42; } }", parseOptions, path: "/repo/src/StarkSdk.Bank/UnrelatedEdit.cs"));

        _warmDriver = CreateDriver(track: false).RunGenerators(_compilation);
        var files = _warmDriver.GetRunResult().GeneratedTrees.Length;
        if (files < 100)
        {
            throw new InvalidOperationException($"The full spec generated only {files} files.");
        }

        CheckNothingReEmitted(files);
    }

    [Benchmark(Description = "Generate starkbank.yaml: full run, fresh driver")]
    public GeneratorDriver FullRun() => CreateDriver(track: false).RunGenerators(_compilation);

    [Benchmark(Description = "Generate starkbank.yaml: no-op run after an unrelated C# edit")]
    public GeneratorDriver IncrementalNoOpRun() => _warmDriver.RunGenerators(_edited);

    /// <summary>The sanity check of the no-op run, on a driver that tracks its steps (the timed drivers do not, like the compiler's).</summary>
    private void CheckNothingReEmitted(int expectedFiles)
    {
        var tracked = CreateDriver(track: true).RunGenerators(_compilation);
        var result = tracked.RunGenerators(_edited).GetRunResult().Results.Single();
        if (result.Exception != null || result.GeneratedSources.Length != expectedFiles)
        {
            throw new InvalidOperationException($"The incremental run failed or changed the output: {result.Exception}");
        }

        foreach (var step in TrackedSteps)
        {
            var reasons = result.TrackedSteps.TryGetValue(step, out var runs) ? runs.SelectMany(r => r.Outputs).Select(o => o.Reason).ToList() : new List<IncrementalStepRunReason>();
            if (reasons.Count == 0 || reasons.Any(r => r != IncrementalStepRunReason.Cached && r != IncrementalStepRunReason.Unchanged))
            {
                throw new InvalidOperationException($"Step {step} re-ran after an unrelated edit: {string.Join(", ", reasons)}");
            }
        }

        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        if (outputs.Count == 0 || outputs.Any(r => r != IncrementalStepRunReason.Cached))
        {
            throw new InvalidOperationException("Outputs were re-emitted after an unrelated edit: " + string.Join(", ", outputs.Distinct()));
        }

        Console.WriteLine($"// Generator no-op run: {TrackedSteps.Length} tracked steps Cached/Unchanged, {outputs.Count} outputs Cached, {expectedFiles} files.");
    }

    private GeneratorDriver CreateDriver(bool track) =>
        CSharpGeneratorDriver.Create(
            new[] { new OpenApiGenerator().AsSourceGenerator() },
            new[] { _spec },
            ParseOptions(),
            new OptionsProvider(SpecPath, "StarkSdk.Bank", "StarkBankClient"),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    private static CSharpParseOptions ParseOptions() =>
        CSharpParseOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithDocumentationMode(DocumentationMode.Diagnose)
            .WithPreprocessorSymbols("NET", "NET6_0_OR_GREATER", "NET8_0_OR_GREATER", "NET10_0_OR_GREATER");

    private static ImmutableArray<MetadataReference> References()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.Length > 0 && !Path.GetFileName(p).StartsWith("StarkSdk.Generator", StringComparison.OrdinalIgnoreCase));
        return paths.Distinct(StringComparer.OrdinalIgnoreCase).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>The editorconfig view of the AdditionalFiles metadata, as StarkSdk.Bank.csproj sets it.</summary>
    private sealed class OptionsProvider(string path, string @namespace, string rootClient) : AnalyzerConfigOptionsProvider
    {
        private readonly DictionaryOptions _spec = new(new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.StarkNamespace"] = @namespace,
            ["build_metadata.AdditionalFiles.StarkRootClient"] = rootClient,
        });

        public override AnalyzerConfigOptions GlobalOptions => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => textFile.Path == path ? _spec : DictionaryOptions.Empty;
    }

    private sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
