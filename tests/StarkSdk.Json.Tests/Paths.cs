using System.IO;
using System.Linq;
using System.Reflection;

namespace StarkSdk.Json.Tests;

internal static class Paths
{
    public static string RepositoryRoot =>
        typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Spec(string file) => Path.Combine(RepositoryRoot, "openapi", file);
}
