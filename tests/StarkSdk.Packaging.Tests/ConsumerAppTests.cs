using System;
using System.IO;
using System.Threading.Tasks;
using NUnit.Framework;

namespace StarkSdk.Packaging.Tests;

/// <summary>
/// A fresh app restores the produced packages from a local feed and builds with both SDKs' namespaces and the core's
/// imported together: no ambiguous name between the runtime and the generated models.
/// </summary>
public sealed class ConsumerAppTests
{
    private string _folder = null!;

    [OneTimeSetUp]
    public void CreateFolder() => _folder = DotNetCli.NewTempFolder("starksdk-consumer");

    [OneTimeTearDown]
    public void DeleteFolder()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Test]
    public async Task An_app_referencing_the_packages_from_a_local_feed_builds_with_every_namespace_imported()
    {
        var bank = Repository.Package("StarkSdk.Bank");
        var version = Repository.PackageVersion(bank, "StarkSdk.Bank");
        var home = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

        // Own packages folder, so a StarkSdk.* package cached by an earlier run is never used; the machine's cache
        // serves the third-party dependencies as a fallback folder (no download needed where the solution restored).
        File.WriteAllText(Path.Combine(_folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{Path.Combine(_folder, "packages")}" /></config>
              <fallbackPackageFolders><add key="machine" value="{home}" /></fallbackPackageFolders>
              <packageSources><add key="local" value="{Repository.PackagesFolder}" /></packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="StarkSdk.*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(_folder, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="StarkSdk.Bank" Version="{version}" />
                <PackageReference Include="StarkSdk.Infra" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        // Core + Bank: the names the README uses together, PublicKey (the API resource) among them.
        File.WriteAllText(Path.Combine(_folder, "BankAndCore.cs"), """
            using System.Threading.Tasks;
            using StarkSdk.Bank;
            using StarkSdk.Core;

            internal static class BankAndCore
            {
                public static async Task<string> RunAsync(StarkBankClient client)
                {
                    KeyPair keys = Key.Create();
                    EcdsaPublicKey mine = EcdsaPublicKey.FromPem(keys.PublicPem);
                    PublicKey? theirs = null;
                    await foreach (var key in client.PublicKeys.QueryAsync()) { theirs = key; break; }
                    return mine.Fingerprint + (theirs?.Content ?? "");
                }
            }
            """);
        // Core + Bank + Infra in one file.
        File.WriteAllText(Path.Combine(_folder, "Program.cs"), """
            using System;
            using StarkSdk.Bank;
            using StarkSdk.Core;
            using StarkSdk.Infra;

            var user = new Project(StarkEnvironment.Sandbox, "5656565656565656", Key.Create().PrivatePem);
            var bank = new StarkBankClient(user);
            var infra = new StarkInfraClient(user);
            Console.WriteLine(typeof(Invoice).FullName + typeof(PixRequest).FullName + typeof(InputErrors).FullName + bank + infra);
            _ = BankAndCore.RunAsync(bank);
            """);

        var (exit, output) = await DotNetCli.RunAsync(_folder, "build -c Release");
        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(output, Does.Not.Contain("CS0104"), "no ambiguous reference");
    }
}
