using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace StarkSdk.Packaging.Tests;

/// <summary>A fenced <c>csharp</c> block of a Markdown file, with where it starts.</summary>
public sealed record DocSnippet(string File, int Line, string Code)
{
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>
/// Reads the C# blocks of the docs a user reads: the repository README, every package README and docs/*.md.
/// Every block is compiled on its own, so each one must be complete (its usings, its variables).
/// </summary>
internal static class DocSnippets
{
    public static IEnumerable<string> DocumentedFiles()
    {
        yield return "README.md";
        foreach (var readme in Directory.GetFiles(Path.Combine(Repository.Root, "src"), "README.md", SearchOption.AllDirectories)
                     .Concat(Directory.GetFiles(Path.Combine(Repository.Root, "generator"), "README.md", SearchOption.AllDirectories))
                     // generator/README.md, the generator's reference, has its own compile test in tests/StarkSdk.Generator.Tests.
                     .Where(f => Path.GetRelativePath(Repository.Root, f) != Path.Combine("generator", "README.md"))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
            yield return Path.GetRelativePath(Repository.Root, readme);
        foreach (var doc in Directory.GetFiles(Path.Combine(Repository.Root, "docs"), "*.md"))
            yield return Path.GetRelativePath(Repository.Root, doc);
    }

    public static IEnumerable<DocSnippet> All() => DocumentedFiles().SelectMany(Read);

    public static IEnumerable<DocSnippet> Read(string relativePath)
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, relativePath));
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = lines[i].Trim();
            if (!fence.StartsWith("```", StringComparison.Ordinal)) continue;
            var language = fence.Substring(3).Trim();
            var end = Array.FindIndex(lines, i + 1, l => l.Trim().StartsWith("```", StringComparison.Ordinal));
            if (end < 0) throw new InvalidOperationException($"{relativePath}:{i + 1}: unclosed code fence");
            if (language is "csharp" or "cs" or "c#")
                yield return new DocSnippet(relativePath.Replace('\\', '/'), i + 2, string.Join("\n", lines.Skip(i + 1).Take(end - i - 1)));
            i = end;
        }
    }
}
