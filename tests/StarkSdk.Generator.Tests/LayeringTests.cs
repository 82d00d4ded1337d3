using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NUnit.Framework;

namespace StarkSdk.Generator.Tests;

/// <summary>
/// The generator's layers only look upwards: Parsing (YAML, $ref, locations) knows nothing of Modeling or Emitters;
/// Modeling does not know Emitters; Emitters see the pipeline models only, never the YAML (no Parsing, no YamlDotNet).
/// Checked on the source: a using directive or a qualified name that reaches into a forbidden namespace fails.
/// </summary>
public class LayeringTests
{
    [TestCase("Parsing", "StarkSdk.Generator.Modeling")]
    [TestCase("Parsing", "StarkSdk.Generator.Emitters")]
    [TestCase("Modeling", "StarkSdk.Generator.Emitters")]
    [TestCase("Emitters", "StarkSdk.Generator.Parsing")]
    [TestCase("Emitters", "YamlDotNet")]
    [TestCase("Diagnostics", "StarkSdk.Generator.Parsing")]
    [TestCase("Diagnostics", "StarkSdk.Generator.Modeling")]
    [TestCase("Diagnostics", "StarkSdk.Generator.Emitters")]
    public void LayerDoesNotReach(string folder, string forbiddenNamespace)
    {
        var directory = Path.Combine(TestPaths.RepositoryRoot, "generator", "StarkSdk.Generator", folder);
        var files = Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories);
        Assert.That(files, Is.Not.Empty, directory);
        var forbiddenLeaf = forbiddenNamespace.Substring(forbiddenNamespace.LastIndexOf('.') + 1);
        var offenders = (
            from file in files
            let root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot()
            from node in root.DescendantNodes()
            where (node is NameSyntax && node.Parent is not NameSyntax && node.Parent is not MemberAccessExpressionSyntax)
                || (node is MemberAccessExpressionSyntax && node.Parent is not MemberAccessExpressionSyntax)
            let text = node.ToString()
            where text == forbiddenNamespace || text.StartsWith(forbiddenNamespace + ".") || (text.Contains('.') && text.StartsWith(forbiddenLeaf + "."))
            select $"{Path.GetFileName(file)}: {text}").ToList();
        Assert.That(offenders, Is.Empty);
    }
}
