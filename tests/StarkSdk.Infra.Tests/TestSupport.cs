using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using StarkSdk.Emulator.Spec;
using StarkSdk.Core;

namespace StarkSdk.Infra.Tests;

/// <summary>Paths, keys and the spec, shared by the tests (keys are made fresh per test run: none is a real one).</summary>
internal static class TestSupport
{
    public const string ProjectId = "5656565656565656";

    public const string AccessId = "project/" + ProjectId;

    public static string RepositoryRoot =>
        typeof(TestSupport).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public static string SpecPath => Path.Combine(RepositoryRoot, "openapi", "starkinfra.yaml");

    /// <summary>The customer's key: signs the SDK's requests; the emulator knows its public half.</summary>
    public static KeyPair CustomerKeys { get; } = Key.Create();

    /// <summary>The key acting as Stark Infra's: signs callbacks; its public half is served on <c>/v2/public-key</c>.</summary>
    public static KeyPair StarkInfraKeys { get; } = Key.Create();

    public static PrivateKey StarkInfraPrivateKey { get; } = PrivateKey.FromPem(StarkInfraKeys.PrivatePem);

    public static Project Project { get; } = new(StarkEnvironment.Sandbox, ProjectId, CustomerKeys.PrivatePem);

    /// <summary>openapi/starkinfra.yaml, parsed once for the emulator.</summary>
    public static ApiSpec Spec => LazySpec.Value;

    private static readonly Lazy<ApiSpec> LazySpec = new(() => ApiSpec.Load(SpecPath));

    /// <summary>Signs <paramref name="content"/> as Stark Infra does (base64 DER ECDSA of its UTF-8 bytes).</summary>
    public static string SignAsStarkInfra(string content) => StarkInfraPrivateKey.Sign(content);

    public static async System.Threading.Tasks.Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
