using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace StarkSdk.Packaging.Tests;

/// <summary>Where the repository and the packages the build produced are.</summary>
internal static class Repository
{
    public static string Root { get; } = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string PackagesFolder => Path.Combine(Root, "artifacts", "packages");

    /// <summary>The package ids this repository ships: one per packable project under src/ and generator/.</summary>
    public static string[] ShippedPackageIds { get; } =
        Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(Root, "generator"), "*.csproj", SearchOption.AllDirectories))
            .Select(Path.GetFileNameWithoutExtension)
            .Select(name => name!)
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToArray();

    /// <summary>The newest .nupkg of a package id; fails (never skips) when the packages were not built.</summary>
    public static string Package(string id)
    {
        var found = Directory.Exists(PackagesFolder)
            ? Directory.GetFiles(PackagesFolder, id + ".*.nupkg")
                .Where(f => Path.GetFileName(f).Length > id.Length + 1 && char.IsDigit(Path.GetFileName(f)[id.Length + 1]))
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault()
            : null;
        if (found is null)
            NUnit.Framework.Assert.Fail($"No {id} package in {PackagesFolder}: run `dotnet cake` (it packs before it tests) or `dotnet cake --target=Pack`.");
        return found!;
    }

    public static string PackageVersion(string nupkg, string id) =>
        Path.GetFileNameWithoutExtension(nupkg).Substring(id.Length + 1);
}
