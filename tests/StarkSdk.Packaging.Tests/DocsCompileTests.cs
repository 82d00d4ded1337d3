using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NUnit.Framework;

namespace StarkSdk.Packaging.Tests;

/// <summary>
/// Every C# block of the docs compiles against the assemblies inside the produced packages (lib/net10.0), as a
/// console app with .NET's implicit usings would: a doc that drifts from the API fails the build.
/// </summary>
public sealed class DocsCompileTests
{
    private static readonly string[] ImplicitUsings =
    {
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
    };

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

    public static IEnumerable<TestCaseData> Snippets() =>
        DocSnippets.All().Select(s => new TestCaseData(s).SetArgDisplayNames(s.ToString()));

    [Test]
    public void The_docs_have_csharp_blocks_to_compile()
    {
        var byFile = DocSnippets.All().GroupBy(s => s.File).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(byFile.GetValueOrDefault("README.md"), Is.GreaterThanOrEqualTo(3));
        Assert.That(byFile.GetValueOrDefault("docs/migrating-from-official-sdk.md"), Is.GreaterThanOrEqualTo(5));
        foreach (var package in new[] { "src/StarkSdk.Bank/README.md", "src/StarkSdk.Infra/README.md", "src/StarkSdk.Core/README.md" })
            Assert.That(byFile.GetValueOrDefault(package), Is.GreaterThanOrEqualTo(1), package);
    }

    [TestCaseSource(nameof(Snippets))]
    public void The_block_compiles(DocSnippet snippet)
    {
        var usings = string.Join("\n", ImplicitUsings.Select(u => $"global using global::{u};"));
        var code = CSharpSyntaxTree.ParseText(snippet.Code, new CSharpParseOptions(LanguageVersion.Latest), path: snippet.File);
        // A block of statements is a program (top-level statements); a block of types only is a library.
        var kind = code.GetCompilationUnitRoot().Members.Any(m => m is Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax)
            ? OutputKind.ConsoleApplication
            : OutputKind.DynamicallyLinkedLibrary;
        var compilation = CSharpCompilation.Create(
            "Doc_" + Guid.NewGuid().ToString("N"),
            new[]
            {
                CSharpSyntaxTree.ParseText(usings, new CSharpParseOptions(LanguageVersion.Latest), path: "ImplicitUsings.cs"),
                code,
            },
            References.Value,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable)
                // As the .NET SDK does: framework-version unification is not a problem of the doc.
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
        var problems = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && d.Id is not ("CS8321" or "CS0168" or "CS0219" or "CS1998")))
            .Select(d => $"{snippet.File}:{snippet.Line + d.Location.GetLineSpan().StartLinePosition.Line}: {d.Id} {d.GetMessage()}")
            .ToList();
        Assert.That(problems, Is.Empty, "\n" + snippet.Code);
    }

    // The StarkSdk.* assemblies come out of the packages; everything else (framework, Newtonsoft.Json,
    // Microsoft.Extensions.*) from this test's own dependencies.
    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        var extracted = DotNetCli.NewTempFolder("starksdk-docs-refs");
        var fromPackages = new List<string>();
        foreach (var id in Repository.ShippedPackageIds)
        {
            var package = PackageContents.Open(Repository.Package(id));
            foreach (var file in package.FileNames.Where(f => f.StartsWith("lib/net10.0/", StringComparison.Ordinal) && f.EndsWith(".dll", StringComparison.Ordinal)))
            {
                var path = Path.Combine(extracted, Path.GetFileName(file));
                File.WriteAllBytes(path, package.Bytes(file));
                fromPackages.Add(path);
            }
        }
        var packaged = new HashSet<string>(fromPackages.Select(Path.GetFileNameWithoutExtension)!, StringComparer.OrdinalIgnoreCase);
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => !packaged.Contains(Path.GetFileNameWithoutExtension(p)))
            .Where(p => !Path.GetFileName(p).StartsWith("StarkSdk.", StringComparison.Ordinal));
        return fromPackages.Concat(platform).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    }
}
