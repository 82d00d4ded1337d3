using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace StarkSdk.Generator.Tests;

/// <summary>Where the test's own files and the repository are (written into the assembly at build time).</summary>
internal static class TestPaths
{
    public static string ProjectDirectory => Metadata("ProjectDirectory");

    public static string RepositoryRoot => Metadata("RepositoryRoot");

    public static string Configuration => Metadata("Configuration");

    public static string TestSpec(string name) => Path.Combine(ProjectDirectory, "TestSpecs", name);

    public static string Snapshots => Path.Combine(ProjectDirectory, "Snapshots");

    public static string FullSpec => Path.Combine(RepositoryRoot, "openapi", "starkbank.yaml");

    public static string FullInfraSpec => Path.Combine(RepositoryRoot, "openapi", "starkinfra.yaml");

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"AssemblyMetadata {key} is missing.");
}
