using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Extensions.Configuration;
using StarkSdk.Core.Tests.Infrastructure;

namespace StarkSdk.Core.Tests.Hosting;

/// <summary>Binding <see cref="StarkClientOptions"/> from configuration, and reading keys from files and environment variables.</summary>
public class ConfigurationTests
{
    private static readonly string KeyPath = Path.Combine(AppContext.BaseDirectory, "TestKeys", "test-docs-example-private.pem");

    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("StarkBank");

    private static StarkClientOptions Bind(Dictionary<string, string?> values)
    {
        var options = new StarkClientOptions();
        StarkConfiguration.Bind(Section(values), options);
        return options;
    }

    [Test]
    public void AProjectWithAKeyFileAndEveryOtherSetting()
    {
        var options = Bind(new()
        {
            ["StarkBank:Environment"] = "production",
            ["StarkBank:ProjectId"] = "123",
            ["StarkBank:PrivateKeyPath"] = KeyPath,
            ["StarkBank:Language"] = "pt-BR",
            ["StarkBank:Timeout"] = "00:00:30",
            ["StarkBank:AttemptTimeout"] = "00:00:05",
            ["StarkBank:Retry:MaxRetries"] = "5",
            ["StarkBank:Retry:BaseDelay"] = "00:00:01",
        });

        var project = (Project)options.User!;
        Assert.That(project.Environment, Is.EqualTo(StarkEnvironment.Production));
        Assert.That(project.AccessId, Is.EqualTo("project/123"));
        Assert.That(project.PrivateKey.PublicKey.ToPem(), Is.EqualTo(TestData.DocsKey.PublicKey.ToPem()));
        Assert.That(options.Language, Is.EqualTo("pt-BR"));
        Assert.That(options.Timeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(options.AttemptTimeout, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(options.Retry.MaxRetries, Is.EqualTo(5));
        Assert.That(options.Retry.BaseDelay, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(options.Retry.MaxDelay, Is.EqualTo(new RetryOptions().MaxDelay), "unset values keep their defaults");
    }

    [Test]
    public void AnOrganizationWorkspaceWithAOneLinePemFromASecret()
    {
        var oneLine = TestData.DocsKeyPem.Replace("\r\n", "\\n").Replace("\n", "\\n");
        Assert.That(oneLine, Does.Not.Contain("\n"));
        var options = Bind(new()
        {
            ["StarkBank:Environment"] = "Sandbox",
            ["StarkBank:OrganizationId"] = "42",
            ["StarkBank:WorkspaceId"] = "9",
            ["StarkBank:PrivateKey"] = oneLine,
        });
        Assert.That(options.User!.AccessId, Is.EqualTo("organization/42/workspace/9"));
    }

    [Test]
    public void ASectionWithoutUserLeavesItToCode()
    {
        var options = new StarkClientOptions { User = TestData.Project() };
        StarkConfiguration.Bind(Section(new() { ["StarkBank:Language"] = "es-ES" }), options);
        Assert.That(options.User!.AccessId, Is.EqualTo("project/5656565656565656"));
        Assert.That(options.Language, Is.EqualTo("es-ES"));
    }

    [TestCase("ProjectId=1;OrganizationId=2;PrivateKeyPath=K", "StarkBank:ProjectId and OrganizationId are both set")]
    [TestCase("ProjectId=1;PrivateKeyPath=K", "StarkBank:Environment is missing")]
    [TestCase("Environment=Staging;ProjectId=1;PrivateKeyPath=K", "StarkBank:Environment must be Sandbox or Production")]
    [TestCase("Environment=Sandbox;ProjectId=1", "StarkBank:PrivateKey or PrivateKeyPath is required")]
    [TestCase("Environment=Sandbox;ProjectId=1;PrivateKey=x;PrivateKeyPath=K", "StarkBank:PrivateKey and PrivateKeyPath are both set")]
    [TestCase("Environment=Sandbox;ProjectId=1;WorkspaceId=3;PrivateKeyPath=K", "StarkBank:WorkspaceId applies to an OrganizationId")]
    [TestCase("Timeout=soon", "StarkBank:Timeout is not a time span")]
    public void ContradictionsNameTheKey(string settings, string expected)
    {
        var values = new Dictionary<string, string?>();
        foreach (var pair in settings.Split(';'))
        {
            var parts = pair.Split('=');
            values["StarkBank:" + parts[0]] = parts[1] == "K" ? KeyPath : parts[1];
        }

        Assert.That(() => Bind(values), Throws.InvalidOperationException.With.Message.Contains(expected));
    }

    [Test]
    public void KeySourcesReadFilesAndEscapedEnvironmentVariables()
    {
        Assert.That(PrivateKeySource.FromFile(KeyPath).PublicKey.ToPem(), Is.EqualTo(TestData.DocsKey.PublicKey.ToPem()));
        Assert.That(() => PrivateKeySource.FromFile(Path.Combine(AppContext.BaseDirectory, "missing.pem")), Throws.TypeOf<FileNotFoundException>());

        var name = "STARK_TEST_KEY_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, TestData.DocsKeyPem.Replace("\r\n", "\\n").Replace("\n", "\\n"));
        try
        {
            Assert.That(PrivateKeySource.FromEnvironment(name).PublicKey.ToPem(), Is.EqualTo(TestData.DocsKey.PublicKey.ToPem()));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        var error = Assert.Throws<InvalidOperationException>(() => PrivateKeySource.FromEnvironment(name))!;
        Assert.That(error.Message, Does.Contain(name));
        Assert.That(() => PrivateKeySource.FromEscapedPem("not a key"), Throws.TypeOf<InvalidKeyException>());
    }
}
