using System.IO;
using System.Linq;
using System.Reflection;

namespace StarkSdk.TestKit;

/// <summary>Files of the repository the tests read (the specs are committed: a missing one is a broken checkout, not a reason to skip).</summary>
public static class RepositoryFiles
{
    /// <summary>The repository's root folder, recorded when the test kit was built.</summary>
    public static string Root { get; } =
        typeof(RepositoryFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>openapi/starkbank.yaml.</summary>
    public static string StarkBankSpec => Existing(Path.Combine(Root, "openapi", "starkbank.yaml"));

    /// <summary>openapi/starkinfra.yaml.</summary>
    public static string StarkInfraSpec => Existing(Path.Combine(Root, "openapi", "starkinfra.yaml"));

    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: the specs are committed, so the checkout is broken.", path);
}
