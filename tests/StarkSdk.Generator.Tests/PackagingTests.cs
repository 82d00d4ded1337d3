using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using NUnit.Framework;

namespace StarkSdk.Generator.Tests;

/// <summary>
/// The generator as consumers get it: packed as a NuGet package (generator + YamlDotNet under analyzers/dotnet/cs,
/// build/StarkSdk.Generator.props and .targets), and as a ProjectReference analyzer. Each builds a tiny consumer
/// project whose own spec (the small spec plus one endpoint) must produce the extra client method.
/// </summary>
[Category("Slow")]
[NonParallelizable]
public class PackagingTests
{
    private string _work = null!;

    [SetUp]
    public void SetUp()
    {
        _work = Path.Combine(Path.GetTempPath(), "stark-generator-packaging-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_work);
    }

    [TearDown]
    public void TearDown()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Test]
    public void ThePackageWorksForAConsumerWithItsOwnSpec()
    {
        var version = "0.1.0-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + Guid.NewGuid().ToString("N")[..6];
        var feed = Path.Combine(_work, "feed");
        Dotnet(TestPaths.RepositoryRoot, "pack", Project("generator/StarkSdk.Generator/StarkSdk.Generator.csproj"), "-c", TestPaths.Configuration, "--no-build", "-o", feed, $"-p:Version={version}");

        var package = Path.Combine(feed, $"StarkSdk.Generator.{version}.nupkg");
        using (var zip = ZipFile.OpenRead(package))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.That(entries, Does.Contain("analyzers/dotnet/cs/StarkSdk.Generator.dll"));
            Assert.That(entries, Does.Contain("analyzers/dotnet/cs/YamlDotNet.dll"));
            Assert.That(entries, Does.Contain("build/StarkSdk.Generator.props"));
            Assert.That(entries, Does.Contain("build/StarkSdk.Generator.targets"));
            Assert.That(entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)), Is.Empty, "an analyzer package has no lib/");
            var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
            Assert.That(nuspec, Does.Not.Contain("<dependency "), "no dependency flows to consumers");
        }

        try
        {
            var consumer = WriteConsumer($"""<PackageReference Include="StarkSdk.Generator" Version="{version}" />""", importProps: false);
            File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="stark-local" value="{feed}" />
                  </packageSources>
                  <packageSourceMapping>
                    <packageSource key="stark-local">
                      <package pattern="StarkSdk.Generator" />
                    </packageSource>
                    <packageSource key="nuget.org">
                      <package pattern="*" />
                    </packageSource>
                  </packageSourceMapping>
                </configuration>
                """);
            var output = Dotnet(consumer, "build", "-c", "Release");
            Assert.That(output, Does.Contain("0 Warning(s)").Or.Contain("0 warning"));
        }
        finally
        {
            // The package went into the global packages folder under a unique version: remove it.
            var cached = Path.Combine(GlobalPackagesFolder(), "stark.generator", version);
            if (Directory.Exists(cached))
            {
                Directory.Delete(cached, recursive: true);
            }
        }
    }

    [Test]
    public void TheProjectReferenceLoadsYamlDotNetNextToTheGenerator()
    {
        var reference = $"""<ProjectReference Include="{Project("generator/StarkSdk.Generator/StarkSdk.Generator.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />""";
        var consumer = WriteConsumer(reference, importProps: true);
        var output = Dotnet(consumer, "build", "-c", TestPaths.Configuration);
        Assert.That(output, Does.Contain("0 Warning(s)").Or.Contain("0 warning"));
    }

    /// <summary>
    /// A consumer with its own openapi/consumer.yaml (picked up by the package's default openapi/*.yaml item, or
    /// listed explicitly for the ProjectReference case) and code that calls the endpoint only that copy has.
    /// </summary>
    private string WriteConsumer(string generatorReference, bool importProps)
    {
        var consumer = Path.Combine(_work, "Consumer");
        Directory.CreateDirectory(Path.Combine(consumer, "openapi"));
        var starkCore = typeof(StarkSdk.Core.ApiRequest).Assembly.Location;
        var newtonsoft = typeof(Newtonsoft.Json.JsonConvert).Assembly.Location;
        var props = importProps ? $"""<Import Project="{Project("generator/StarkSdk.Generator/build/StarkSdk.Generator.props")}" />""" : string.Empty;
        var specItem = importProps
            ? """<AdditionalFiles Include="openapi/consumer.yaml" StarkNamespace="Consumer.Api" StarkRootClient="ConsumerClient" />"""
            : """<StarkOpenApi Include="openapi/consumer.yaml" StarkNamespace="Consumer.Api" StarkRootClient="ConsumerClient" />""";
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Library</OutputType>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <UseSharedCompilation>false</UseSharedCompilation>
              </PropertyGroup>
              {props}
              <ItemGroup>
                {generatorReference}
                <Reference Include="StarkSdk.Core" HintPath="{starkCore}" />
                <Reference Include="Newtonsoft.Json" HintPath="{newtonsoft}" />
                {specItem}
              </ItemGroup>
            </Project>
            """);

        var spec = File.ReadAllText(TestPaths.TestSpec("small.yaml")).Replace("\r\n", "\n");
        var newer = spec.Replace("  /v2/invoice/log:\n", """
              /v2/invoice/{id}/qrcode:
                get:
                  operationId: getInvoiceQrcode
                  tags: [Invoice]
                  summary: Get an invoice's QR code
                  x-stark-client: Invoices
                  x-stark-method: GetQrcode
                  parameters:
                    - $ref: '#/components/parameters/Id'
                  responses:
                    "200":
                      description: The QR code image.
                      content:
                        image/png:
                          schema:
                            type: string
                            format: binary
              /v2/invoice/log:

            """.Replace("\r\n", "\n"));
        Assert.That(newer, Is.Not.EqualTo(spec));
        File.WriteAllText(Path.Combine(consumer, "openapi", "consumer.yaml"), newer);

        File.WriteAllText(Path.Combine(consumer, "ConsumerClient.cs"), """
            using System.Threading.Tasks;

            namespace Consumer.Api
            {
                /// <summary>The consumer's root client.</summary>
                public partial class ConsumerClient
                {
                    /// <summary>Creates the client.</summary>
                    /// <param name="pipeline">The pipeline.</param>
                    public ConsumerClient(StarkSdk.Core.StarkPipeline pipeline)
                    {
                        Pipeline = pipeline;
                    }

                    internal StarkSdk.Core.StarkPipeline Pipeline { get; }
                }

                /// <summary>Uses the endpoint that only the consumer's spec has.</summary>
                public static class Usage
                {
                    /// <summary>Gets a QR code.</summary>
                    /// <param name="client">The client.</param>
                    /// <returns>The PNG.</returns>
                    public static Task<byte[]> QrcodeAsync(ConsumerClient client) => client.Invoices.GetQrcodeAsync("1");
                }
            }
            """);
        return consumer;
    }

    private static string Project(string relative) => Path.Combine(TestPaths.RepositoryRoot, relative);

    private static string GlobalPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static string Dotnet(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments.Concat(new[] { "--disable-build-servers", "-nodeReuse:false", "-p:UseSharedCompilation=false" }))
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs inside an MSBuild-launched process: do not let its MSBuild settings leak into the child build.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k == "DOTNET_HOST_PATH").ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(" ", arguments)} timed out");
        }

        var output = stdout.Result + stderr.Result;
        TestContext.Out.WriteLine($"> dotnet {string.Join(" ", arguments)}\n{output}");
        Assert.That(process.ExitCode, Is.EqualTo(0), $"dotnet {string.Join(" ", arguments)} failed:\n{output}");
        return output;
    }
}
