using System;
using System.IO;
using NUnit.Framework;
using StarkSdk.Emulator.Hosting;

namespace StarkSdk.Emulator.Tests;

public sealed class CommandLineTests
{
    [Test]
    public void Options_are_read_from_the_command_line()
    {
        var key = Path.GetTempFileName();
        try
        {
            File.WriteAllText(key, StarkSdk.Core.Key.Create().PublicPem);

            var options = CommandLine.Parse(new[] { "--port", "0", "--host", "0.0.0.0", "--seed", "7", "--key", "project/9=" + key, "--no-auth", "--manual-webhooks", "--initial-balance", "100" }, TextWriter.Null, TextWriter.Null);

            Assert.That(options, Is.Not.Null);
            Assert.That(options!.Port, Is.EqualTo(0));
            Assert.That(options.Host, Is.EqualTo("0.0.0.0"));
            Assert.That(options.Seed, Is.EqualTo(7));
            Assert.That(options.PublicKeys.Keys, Is.EqualTo(new[] { "project/9" }));
            Assert.That(options.RequireSignatures, Is.False);
            Assert.That(options.WebhookDelivery, Is.EqualTo(WebhookDeliveryMode.Manual));
            Assert.That(options.InitialBalance, Is.EqualTo(100));
        }
        finally
        {
            File.Delete(key);
        }
    }

    [Test]
    public void A_bad_option_is_reported()
    {
        var error = new StringWriter();

        var options = CommandLine.Parse(new[] { "--port", "eighty" }, TextWriter.Null, error);

        Assert.That(options, Is.Null);
        Assert.That(error.ToString(), Does.Contain("error:"));
    }

    [Test]
    public void Help_prints_the_usage()
    {
        var output = new StringWriter();

        Assert.That(CommandLine.Parse(new[] { "--help" }, output, TextWriter.Null), Is.Null);
        Assert.That(output.ToString(), Does.Contain("--port"));
    }
}
