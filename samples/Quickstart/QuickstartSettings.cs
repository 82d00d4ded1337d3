using System;
using System.IO;
using StarkSdk.Core;

namespace Quickstart;

/// <summary>Where the quickstart runs: the embedded emulator (default) or the real sandbox.</summary>
public sealed class QuickstartSettings
{
    /// <summary>The embedded emulator with a fresh key pair.</summary>
    public static QuickstartSettings Emulator(string? outputDirectory = null) => new() { OutputDirectory = outputDirectory ?? DefaultOutput };

    /// <summary>A standalone emulator to use (the <c>stark-emulator</c> command) instead of starting one in-process.</summary>
    public Uri? EmulatorUrl { get; private init; }

    /// <summary>The emulator already running at <paramref name="url"/> (e.g. started with <c>stark-emulator --port 8080</c>).</summary>
    public static QuickstartSettings StandaloneEmulator(Uri url, string? outputDirectory = null) =>
        new() { EmulatorUrl = url, OutputDirectory = outputDirectory ?? DefaultOutput };

    /// <summary>True to use the real sandbox with <see cref="ProjectId"/> and <see cref="PrivateKeyPem"/>.</summary>
    public bool UseSandbox { get; private init; }

    public string? ProjectId { get; private init; }

    public string? PrivateKeyPem { get; private init; }

    /// <summary>Replaces the sandbox's URL in sandbox mode (the tests point it at an emulator); null for the real sandbox.</summary>
    public Uri? SandboxUrl { get; private init; }

    /// <summary>The real sandbox as <paramref name="projectId"/>, signing with <paramref name="privateKeyPem"/>.</summary>
    public static QuickstartSettings Sandbox(string projectId, string privateKeyPem, string? outputDirectory = null, Uri? sandboxUrl = null) =>
        new() { UseSandbox = true, ProjectId = projectId, PrivateKeyPem = privateKeyPem, OutputDirectory = outputDirectory ?? DefaultOutput, SandboxUrl = sandboxUrl };

    /// <summary>Where the invoice PDF is saved.</summary>
    public string OutputDirectory { get; init; } = DefaultOutput;

    /// <summary>Why the environment variables cannot be used (the quickstart then stops), or null.</summary>
    public string? Error { get; private init; }

    private static string DefaultOutput => Path.Combine(Path.GetTempPath(), "stark-quickstart");

    /// <summary>
    /// Reads STARKBANK_ENVIRONMENT, STARKBANK_PROJECT_ID and STARKBANK_PRIVATE_KEY (a PEM, or the path of a PEM file),
    /// and STARKBANK_BASE_URL. None set: the in-process emulator. Only STARKBANK_BASE_URL: the standalone emulator at that
    /// URL. Only <c>sandbox</c> is accepted: a quickstart has no business creating charges in production.
    /// </summary>
    public static QuickstartSettings FromEnvironment(Func<string, string?> variable)
    {
        var environment = variable("STARKBANK_ENVIRONMENT");
        var projectId = variable("STARKBANK_PROJECT_ID");
        var privateKey = variable("STARKBANK_PRIVATE_KEY");
        var baseUrl = variable("STARKBANK_BASE_URL");
        Uri? url = null;
        if (!string.IsNullOrWhiteSpace(baseUrl) && (!Uri.TryCreate(baseUrl, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
            return new QuickstartSettings { Error = $"STARKBANK_BASE_URL must be an absolute http(s) URL such as http://127.0.0.1:8080 (got '{baseUrl}')." };
        if (string.IsNullOrWhiteSpace(environment) && string.IsNullOrWhiteSpace(projectId) && string.IsNullOrWhiteSpace(privateKey))
            return url != null ? StandaloneEmulator(url) : Emulator();
        if (!string.Equals(environment, "sandbox", StringComparison.OrdinalIgnoreCase))
            return new QuickstartSettings { Error = $"STARKBANK_ENVIRONMENT must be 'sandbox' (got '{environment}'): the quickstart creates invoices, so it never runs in production." };
        if (string.IsNullOrWhiteSpace(projectId) || string.IsNullOrWhiteSpace(privateKey))
            return new QuickstartSettings { Error = "Set STARKBANK_PROJECT_ID and STARKBANK_PRIVATE_KEY (the PEM or its file path) with STARKBANK_ENVIRONMENT=sandbox." };
        var pem = File.Exists(privateKey) ? File.ReadAllText(privateKey) : privateKey.Replace("\\n", "\n", StringComparison.Ordinal);
        try
        {
            PrivateKey.FromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            return new QuickstartSettings { Error = "STARKBANK_PRIVATE_KEY is not a readable secp256k1 private key PEM: " + e.Message };
        }
        return Sandbox(projectId, pem, sandboxUrl: url);
    }
}
