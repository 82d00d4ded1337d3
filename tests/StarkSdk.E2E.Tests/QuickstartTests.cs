using System.IO;
using Quickstart;
using StarkSdk.Emulator;

namespace StarkSdk.E2E.Tests;

/// <summary>The quickstart's flow (samples/Quickstart), run in-process as <c>dotnet run --project samples/Quickstart</c> runs it.</summary>
public sealed class QuickstartTests
{
    private string _output = null!;

    [SetUp]
    public void CreateOutputDirectory() => _output = Directory.CreateTempSubdirectory("stark-quickstart-test").FullName;

    [TearDown]
    public void DeleteOutputDirectory() => Directory.Delete(_output, recursive: true);

    [Test]
    public async Task The_emulator_flow_creates_lists_saves_pays_verifies_and_shows_input_errors()
    {
        var writer = new StringWriter();

        await new QuickstartFlow(QuickstartSettings.Emulator(_output)).RunAsync(writer);

        var text = writer.ToString();
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Some.Match(@"^1\. Emulator running at http://127\.0\.0\.1:\d+\.$"));
            Assert.That(lines, Has.Some.StartsWith("2. Created a secp256k1 key pair and registered its public key"));
            Assert.That(lines, Has.Some.Match(@"^3\. Created 3 invoices: \d{16} Arya Stark R\$ 100\.00, "));
            Assert.That(lines, Has.Some.EqualTo("4. Listed 3 invoices tagged 'quickstart' with auto-paging, R$ 10,350.50 in all."));
            Assert.That(lines, Has.Some.Match(@"^5\. Got invoice \d{16} \(created, due .*\) and saved its PDF to .*invoice-\d{16}\.pdf \(\d+ bytes\)\.$"));
            Assert.That(lines, Has.Some.StartsWith("7. Paid invoice"));
            Assert.That(lines, Has.Some.StartsWith("8. The webhook endpoint received 2 signed events"));
            Assert.That(lines, Has.Some.Match(@"^event \d{16}: invoice \d{16} paid \(status paid, R\$ 100\.00\)$"));
            Assert.That(lines, Has.Some.Match(@"^event \d{16}: invoice \d{16} credited "));
            Assert.That(lines, Has.Some.StartsWith("A tampered copy of the first one was rejected: InvalidSignatureError"));
            Assert.That(lines, Has.Some.StartsWith("9. Bad input raises InputErrors (HTTP 400)"));
            Assert.That(lines, Has.Some.StartsWith("invalidAmount: invoices[0].amount"));
            Assert.That(lines.Last(), Does.Match(@"^Done in \d+\.\d s\.$"));
            Assert.That(lines, Has.None.StartsWith("rejected:"), "every genuine delivery verified");
            Assert.That(text, Does.Not.Contain("should never happen"));
        });
        var pdf = Directory.GetFiles(_output, "invoice-*.pdf").Single();
        Assert.That(Binary.IsPdf(File.ReadAllBytes(pdf)), Is.True);
    }

    [Test]
    public async Task The_sandbox_flow_skips_the_emulator_only_steps_and_says_so()
    {
        // The sandbox branch, pointed at an emulator standing in for the real sandbox (no network here).
        await using var sandbox = await StarkBankEmulator.StartAsync(new EmulatorOptions());
        var keys = Key.Create();
        sandbox.RegisterPublicKey("project/1234567890123456", keys.PublicPem);
        var settings = QuickstartSettings.Sandbox("1234567890123456", keys.PrivatePem, _output, sandbox.BaseUri);
        var writer = new StringWriter();

        await new QuickstartFlow(settings).RunAsync(writer);

        var lines = writer.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.Contain("against the real sandbox, as project 1234567890123456"));
            Assert.That(lines, Has.Some.StartsWith("Skipping the emulator-only steps"));
            Assert.That(lines, Has.None.StartsWith("1. Emulator running"));
            Assert.That(lines, Has.Some.StartsWith("3. Created 3 invoices"));
            Assert.That(lines, Has.Some.StartsWith("5. Got invoice"));
            Assert.That(lines, Has.Some.StartsWith("6-8. Skipped (emulator only)"));
            Assert.That(lines, Has.Some.StartsWith("9. Bad input raises InputErrors"));
        });
    }

    [Test]
    public async Task The_flow_runs_against_a_running_emulator_named_by_STARKBANK_BASE_URL()
    {
        // An emulator this test does not drive in-process: the quickstart registers its key and pays through the admin API.
        await using var emulator = await StarkBankEmulator.StartAsync();
        var settings = QuickstartSettings.FromEnvironment(name => name == "STARKBANK_BASE_URL" ? emulator.BaseUrl : null);
        Assert.That(settings.EmulatorUrl, Is.EqualTo(new Uri(emulator.BaseUrl)));
        var writer = new StringWriter();

        await new QuickstartFlow(QuickstartSettings.StandaloneEmulator(new Uri(emulator.BaseUrl), _output)).RunAsync(writer);

        var lines = writer.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Some.StartsWith("1. Using the emulator running at " + emulator.BaseUrl));
            Assert.That(lines, Has.Some.StartsWith("7. Paid invoice"));
            Assert.That(lines, Has.Some.StartsWith("8. The webhook endpoint received 2 signed events"));
        });
        Assert.That(emulator.All("invoice").Count(i => i.Status == "paid"), Is.EqualTo(1));
        Assert.That(QuickstartSettings.FromEnvironment(name => name == "STARKBANK_BASE_URL" ? "ftp://x" : null).Error, Does.Contain("STARKBANK_BASE_URL"));
    }

    [Test]
    public void The_environment_chooses_the_emulator_or_the_sandbox_and_never_production()
    {
        var pem = Key.Create().PrivatePem;
        QuickstartSettings From(params (string Name, string Value)[] variables) =>
            QuickstartSettings.FromEnvironment(name => variables.FirstOrDefault(v => v.Name == name).Value);

        var none = From();
        var sandbox = From(("STARKBANK_ENVIRONMENT", "sandbox"), ("STARKBANK_PROJECT_ID", "123"), ("STARKBANK_PRIVATE_KEY", pem));
        var production = From(("STARKBANK_ENVIRONMENT", "production"), ("STARKBANK_PROJECT_ID", "123"), ("STARKBANK_PRIVATE_KEY", pem));
        var noKey = From(("STARKBANK_ENVIRONMENT", "sandbox"), ("STARKBANK_PROJECT_ID", "123"));
        var badKey = From(("STARKBANK_ENVIRONMENT", "sandbox"), ("STARKBANK_PROJECT_ID", "123"), ("STARKBANK_PRIVATE_KEY", "not a key"));

        Assert.Multiple(() =>
        {
            Assert.That(none.UseSandbox, Is.False);
            Assert.That(none.Error, Is.Null);
            Assert.That(sandbox.UseSandbox, Is.True);
            Assert.That(sandbox.ProjectId, Is.EqualTo("123"));
            Assert.That(production.Error, Does.Contain("never runs in production"));
            Assert.That(noKey.Error, Does.Contain("STARKBANK_PRIVATE_KEY"));
            Assert.That(badKey.Error, Does.Contain("not a readable"));
        });
    }
}
