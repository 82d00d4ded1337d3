using System;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace StarkSdk.Packaging.Tests;

/// <summary>Every package the build produces carries true, complete metadata and nothing borrowed from Stark's own packages.</summary>
[TestFixtureSource(nameof(Ids))]
public sealed class PackageMetadataTests(string id)
{
    public static string[] Ids => Repository.ShippedPackageIds;

    // Stark Bank's own package ids and root namespaces on the public NuGet gallery.
    private static readonly string[] Taken = { "StarkBank", "StarkInfra", "StarkCore", "starkbank-ecdsa" };

    // Spelled in two parts so that a search of the repository for placeholders does not find this list itself.
    private static readonly string[] Placeholders = { "REPLACE" + "-ME", "REPLACE" + "_ME", "TODO", "FIXME", "TBD", "lorem ipsum", "your-org", "example-org" };

    private PackageContents _package = null!;

    [OneTimeSetUp]
    public void Open() => _package = PackageContents.Open(Repository.Package(id));

    [Test]
    public void Its_id_is_its_own()
    {
        Assert.That(_package.Meta("id"), Is.EqualTo(id));
        Assert.That(Taken.Any(t => string.Equals(t, id, StringComparison.OrdinalIgnoreCase)), Is.False);
        Assert.That(id, Does.StartWith("StarkSdk."));
    }

    [Test]
    public void Every_public_type_lives_under_its_own_root_namespace()
    {
        foreach (var dll in Assemblies())
        {
            using var pe = new PEReader(new MemoryStream(_package.Bytes(dll)));
            var reader = pe.GetMetadataReader();
            var namespaces = reader.TypeDefinitions.Select(reader.GetTypeDefinition)
                .Where(t => (t.Attributes & System.Reflection.TypeAttributes.VisibilityMask) == System.Reflection.TypeAttributes.Public)
                .Select(t => reader.GetString(t.Namespace))
                .Distinct()
                .ToList();
            Assert.That(namespaces, Is.Not.Empty, dll);
            foreach (var ns in namespaces)
            {
                Assert.That(ns == id || ns.StartsWith(id + ".", StringComparison.Ordinal) || ns.StartsWith("StarkSdk.", StringComparison.Ordinal), Is.True, $"{dll}: namespace {ns}");
                Assert.That(Taken.Any(t => ns.Equals(t, StringComparison.OrdinalIgnoreCase) || ns.StartsWith(t + ".", StringComparison.OrdinalIgnoreCase)), Is.False, $"{dll}: namespace {ns}");
            }
        }
    }

    [Test]
    public void Every_library_says_which_framework_it_was_built_for()
    {
        // MSBuild writes the attribute only for projects with a Compile item: a project whose code is all generated
        // (StarkSdk.Bank) relies on StarkSdk.Generator.props to get one.
        var expected = new System.Collections.Generic.Dictionary<string, string>
        {
            ["netstandard2.0"] = ".NETStandard,Version=v2.0",
            ["net8.0"] = ".NETCoreApp,Version=v8.0",
            ["net10.0"] = ".NETCoreApp,Version=v10.0",
        };
        var libraries = Assemblies().Where(f => f.StartsWith("lib/", StringComparison.Ordinal)).ToList();
        foreach (var dll in libraries)
        {
            var folder = dll.Split('/')[1];
            Assert.That(TargetFramework(_package.Bytes(dll)), Is.EqualTo(expected[folder]), dll);
        }
    }

    [Test]
    public void It_describes_itself()
    {
        Assert.That(_package.Meta("description"), Has.Length.GreaterThan(60));
        Assert.That(_package.Meta("authors"), Is.Not.Empty);
        Assert.That(_package.Meta("tags")?.Split(' ', StringSplitOptions.RemoveEmptyEntries), Has.Length.GreaterThanOrEqualTo(3));
        var license = _package.MetaElement("license");
        Assert.That(license?.Attribute("type")?.Value, Is.EqualTo("expression"));
        Assert.That(license?.Value, Is.EqualTo("MIT"));
        Assert.That(_package.Meta("copyright"), Is.Not.Empty);
    }

    [Test]
    public void It_has_an_icon()
    {
        var icon = _package.Meta("icon");
        Assert.That(icon, Is.EqualTo("icon.png"));
        var png = _package.Bytes(icon!);
        Assert.That(png.Take(8), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "a PNG file");
    }

    [Test]
    public void It_has_a_consumer_readme_of_its_own()
    {
        Assert.That(_package.Meta("readme"), Is.EqualTo("README.md"));
        var readme = _package.Text("README.md");
        Assert.That(readme, Does.StartWith("# " + id));
        // A library is added with `dotnet add package`, a .NET tool installed with `dotnet tool install`.
        Assert.That(readme, Does.Contain("dotnet add package " + id).Or.Contain("dotnet tool install --global " + id));
        Assert.That(readme, Does.Contain("```csharp").Or.Contain("```xml").Or.Contain("```bash"), "an example");
        // A consumer README, not the repository's: no build instructions, no benchmark tables.
        Assert.That(readme, Does.Not.Contain("dotnet cake").And.Not.Contain("Benchmark"));
        Assert.That(readme.Split('\n').Length, Is.LessThan(80), "short");
    }

    [Test]
    public void It_records_its_source_and_invents_no_url()
    {
        var repository = _package.MetaElement("repository");
        Assert.That(repository?.Attribute("type")?.Value, Is.EqualTo("git"));
        Assert.That(repository?.Attribute("commit")?.Value, Does.Match("^[0-9a-f]{40}$"));
        // Where the repository has no public remote, the URL fields are left out rather than made up.
        var url = repository?.Attribute("url")?.Value;
        if (url is not null)
            Assert.That(url, Does.StartWith("https://"));
        Assert.That(_package.Meta("projectUrl") ?? "", Does.Not.Contain("REPLACE"));
    }

    [Test]
    public void No_placeholder_text_is_inside()
    {
        foreach (var file in _package.FileNames.Where(f => f.EndsWith(".nuspec", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".xml", StringComparison.Ordinal) || f.EndsWith(".props", StringComparison.Ordinal) || f.EndsWith(".targets", StringComparison.Ordinal)))
        {
            var text = _package.Text(file);
            foreach (var placeholder in Placeholders)
                Assert.That(Regex.IsMatch(text, @"\b" + Regex.Escape(placeholder) + @"\b", RegexOptions.IgnoreCase), Is.False, $"{file} contains '{placeholder}'");
        }
    }

    [Test]
    public void Every_library_carries_its_xml_docs()
    {
        var libraries = _package.FileNames.Where(f => f.StartsWith("lib/", StringComparison.Ordinal) && f.EndsWith(".dll", StringComparison.Ordinal)).ToList();
        if (libraries.Count == 0)
        {
            // The generator is an analyzer package: its DLLs (and YamlDotNet) go to analyzers/, MSBuild wiring to build/.
            Assert.That(_package.FileNames, Has.Some.Matches<string>(f => f.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal) && f.EndsWith(id + ".dll", StringComparison.Ordinal))
                .Or.Some.Matches<string>(f => f.StartsWith("tools/", StringComparison.Ordinal)));
            return;
        }
        foreach (var dll in libraries)
        {
            var xml = Path.ChangeExtension(dll, ".xml");
            Assert.That(_package.Has(xml), Is.True, $"{xml} is packed");
            var doc = System.Xml.Linq.XDocument.Parse(_package.Text(xml));
            Assert.That(doc.Descendants("member").Count(), Is.GreaterThan(10), $"{xml} documents the members");
        }
    }

    [Test]
    public void Its_symbols_are_deterministic_and_embed_what_git_does_not_track()
    {
        var libraries = Assemblies().Where(f => f.StartsWith("lib/", StringComparison.Ordinal)).ToList();
        if (libraries.Count == 0) Assert.Pass("No library assemblies (an analyzer or tool package).");
        var symbols = Path.ChangeExtension(_package.Path, ".snupkg");
        Assert.That(File.Exists(symbols), Is.True, $"{Path.GetFileName(symbols)} is produced");
        var snupkg = PackageContents.Open(symbols);
        foreach (var dll in libraries)
        {
            var pdb = Path.ChangeExtension(dll, ".pdb");
            Assert.That(snupkg.Has(pdb), Is.True, pdb);
            using var provider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(snupkg.Bytes(pdb)));
            var reader = provider.GetMetadataReader();
            var embeddedSource = new Guid("0E8A571B-6926-466E-B4AD-8AB04611F5FE");
            var documents = reader.Documents.Select(h => (Name: reader.GetString(reader.GetDocument(h).Name), Handle: h)).ToList();
            Assert.That(documents.Select(d => d.Name), Has.All.StartWith("/_/"), $"{pdb}: deterministic source paths (ContinuousIntegrationBuild)");
            var embedded = documents.Where(d => reader.GetCustomDebugInformation(d.Handle)
                .Any(c => reader.GetGuid(reader.GetCustomDebugInformation(c).Kind) == embeddedSource)).Select(d => d.Name).ToList();
            Assert.That(embedded, Is.Not.Empty, $"{pdb}: untracked (e.g. generated) sources are embedded");
            Assert.That(embedded, Has.None.Matches<string>(n => n.EndsWith(".pem", StringComparison.Ordinal)));
        }
    }

    private static string? TargetFramework(byte[] assembly)
    {
        using var pe = new PEReader(new MemoryStream(assembly));
        var reader = pe.GetMetadataReader();
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var type = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
            if (type.Kind == HandleKind.TypeReference && reader.GetString(reader.GetTypeReference((TypeReferenceHandle)type).Name) == "TargetFrameworkAttribute")
            {
                // The blob: prolog 0x0001, then the constructor's string argument.
                var blob = reader.GetBlobReader(attribute.Value);
                blob.ReadUInt16();
                return blob.ReadSerializedString();
            }
        }

        return null;
    }

    private System.Collections.Generic.IEnumerable<string> Assemblies() =>
        _package.FileNames.Where(f => (f.StartsWith("lib/", StringComparison.Ordinal) || f.StartsWith("tools/", StringComparison.Ordinal) || f.StartsWith("analyzers/", StringComparison.Ordinal))
            && f.EndsWith("/" + id + ".dll", StringComparison.Ordinal));
}
