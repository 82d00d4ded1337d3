using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NUnit.Framework;

namespace StarkSdk.Generator.Tests;

/// <summary>
/// The C# blocks of generator/README.md compile against the built StarkSdk.Core, each on its own, without a warning.
/// A block deliberately incomplete is fenced <c>```csharp fragment</c> (GitHub still highlights it) and is skipped.
/// </summary>
public class ReadmeSnippetTests
{
    private static readonly Regex Fence = new(@"^```(?<info>[^\r\n]*)\r?\n(?<code>.*?)^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static string ReadmePath => Path.Combine(TestPaths.RepositoryRoot, "generator", "README.md");

    public static IEnumerable<TestCaseData> Snippets()
    {
        var readme = File.ReadAllText(ReadmePath);
        var index = 0;
        foreach (Match match in Fence.Matches(readme))
        {
            var info = match.Groups["info"].Value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (info.Length == 0 || (info[0] != "csharp" && info[0] != "cs" && info[0] != "c#"))
            {
                continue;
            }

            index++;
            if (info.Contains("fragment"))
            {
                continue;
            }

            var line = readme.Take(match.Index).Count(c => c == '\n') + 1;
            yield return new TestCaseData(line, match.Groups["code"].Value).SetName($"ReadmeSnippetCompiles(block {index}, line {line})");
        }
    }

    [Test]
    public void TheReadmeHasCSharpBlocksToCompile() => Assert.That(Snippets(), Is.Not.Empty, ReadmePath);

    [TestCaseSource(nameof(Snippets))]
    public void ReadmeSnippetCompiles(int line, string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, GeneratorHarness.ParseOptions(), path: $"README.md:{line}");
        var compilation = CSharpCompilation.Create(
            "ReadmeSnippet",
            new[] { tree },
            GeneratorHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.That(problems, Is.Empty, $"the C# block at generator/README.md line {line} does not compile");
    }
}
