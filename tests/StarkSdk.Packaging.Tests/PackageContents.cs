using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace StarkSdk.Packaging.Tests;

/// <summary>One .nupkg opened: its nuspec metadata and its files.</summary>
internal sealed class PackageContents
{
    private readonly Dictionary<string, byte[]> _files;

    private PackageContents(string path, Dictionary<string, byte[]> files, XElement metadata)
    {
        Path = path;
        _files = files;
        Metadata = metadata;
    }

    public string Path { get; }

    public XElement Metadata { get; }

    public IEnumerable<string> FileNames => _files.Keys;

    public static PackageContents Open(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries.Where(e => e.Length > 0 || !e.FullName.EndsWith("/", StringComparison.Ordinal)))
        {
            using var stream = entry.Open();
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            files[entry.FullName] = memory.ToArray();
        }
        var nuspec = files.Single(f => f.Key.EndsWith(".nuspec", StringComparison.Ordinal) && !f.Key.Contains('/'));
        var document = XDocument.Parse(System.Text.Encoding.UTF8.GetString(nuspec.Value).TrimStart('\uFEFF'));
        var metadata = document.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        return new PackageContents(path, files, metadata);
    }

    public string? Meta(string name) => Metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    public XElement? MetaElement(string name) => Metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    public bool Has(string file) => _files.ContainsKey(file);

    public byte[] Bytes(string file) => _files[file];

    public string Text(string file) => System.Text.Encoding.UTF8.GetString(_files[file]).TrimStart('\uFEFF');
}
