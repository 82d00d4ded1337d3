using System.IO;
using System.Linq;
using System.Reflection;

namespace StarkSdk.E2E.Tests.Infrastructure;

/// <summary>Paths in the repository this test assembly was built from.</summary>
internal static class Repo
{
    public static string Root { get; } =
        typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public static string SpecPath => Path.Combine(Root, "openapi", "starkbank.yaml");

    /// <summary>The spec path relative to the root, as Prism is given it (it runs from the root).</summary>
    public const string SpecRelativePath = "openapi/starkbank.yaml";
}
