using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Threading.Tasks;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using StarkSdk.Emulator;
using StarkSdk.Core;
using StarkSdk.TestKit;

namespace StarkSdk.E2E.Tests.Infrastructure;

/// <summary>Where a test's SDK calls go.</summary>
public enum Target
{
    /// <summary>Straight to the test's own in-process emulator.</summary>
    Emulator,

    /// <summary>
    /// Through Prism in proxy mode (<c>prism proxy openapi/starkbank.yaml ... --errors</c>) to the test's emulator: every
    /// request the SDK sends and every response the emulator gives is validated against the spec on the way.
    /// </summary>
    PrismProxy,
}

/// <summary>
/// Base of the end-to-end tests: per test, a fresh emulator (no test depends on another), a registered project key
/// and an SDK client over a recording transport. After a passing test it checks that every operation the test's
/// <see cref="CoversAttribute"/> lists was sent and answered 2xx, that no request went to a path outside the spec,
/// and (through Prism) that Prism reported no violation.
/// </summary>
public abstract class E2ETest
{
    internal const string ProjectId = EmulatorFixture.ProjectId;

    private readonly List<HttpClient> _extra = new();
    private HttpClient? _http;
    private EmulatorFixture? _fixture;
    private PrismProcess? _prism;

    protected E2ETest(Target target) => Target = target;

    protected Target Target { get; }

    protected StarkBankEmulator Emulator { get; private set; } = null!;

    protected StarkBankClient Client { get; private set; } = null!;

    /// <summary>The root URL the SDK talks to (the emulator, or Prism in front of it).</summary>
    protected Uri ApiUrl { get; private set; } = null!;

    internal CallRecorder Calls { get; private set; } = null!;

    internal static KeyPair Keys => EmulatorFixture.Keys;

    internal static Project User => EmulatorFixture.User;

    /// <summary>Options for this test's emulator; override to change them.</summary>
    protected virtual EmulatorOptions CreateOptions() => new() { Seed = 7 };

    [SetUp]
    public async Task StartAsync()
    {
        _fixture = await EmulatorFixture.StartAsync(CreateOptions());
        Emulator = _fixture.Emulator;
        ApiUrl = Emulator.BaseUri;
        if (Target == Target.PrismProxy)
        {
            var (prism, relay) = await PrismServers.ProxyAsync();
            relay.Rule = null;
            relay.Upstream = Emulator.BaseUri;
            _prism = prism;
            ApiUrl = prism.Url;
        }
        Calls = new CallRecorder();
        (Client, _http) = Sdk.Create(ApiUrl, User, Calls);
    }

    [TearDown]
    public async Task FinishAsync()
    {
        try
        {
            if (TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Passed)
                VerifyCalls();
        }
        finally
        {
            _http?.Dispose();
            foreach (var http in _extra)
                http.Dispose();
            if (_fixture != null)
                await _fixture.DisposeAsync();
        }
    }

    /// <summary>Another client (e.g. a webhook receiver's, or one behind a fault-injecting proxy), recording into the same log.</summary>
    internal StarkBankClient NewClient(Uri? baseUrl = null, User? user = null, Action<StarkClientOptions>? configure = null)
    {
        var (client, http) = Sdk.Create(baseUrl ?? ApiUrl, user ?? User, Calls, configure);
        _extra.Add(http);
        return client;
    }

    /// <summary>
    /// Asserts a PDF download. Through Prism's proxy the body arrives re-encoded as UTF-8 text (Prism reads upstream
    /// bodies as text), so there only the ASCII header is checked, which survives.
    /// </summary>
    protected void AssertPdf(byte[] bytes) => Assert.That(Binary.IsPdf(bytes), Is.True, "a PDF (starts with %PDF-)");

    /// <summary>Asserts a PNG download; through Prism's proxy the non-ASCII first byte arrives as U+FFFD (see <see cref="AssertPdf"/>).</summary>
    protected void AssertPng(byte[] bytes)
    {
        if (Target == Target.PrismProxy)
            Assert.That(System.Text.Encoding.UTF8.GetString(bytes), Does.StartWith("\uFFFDPNG"), "a PNG, as Prism re-encodes it");
        else
            Assert.That(Binary.IsPng(bytes), Is.True, "a PNG (starts with 0x89 PNG)");
    }

    /// <summary>The operations of <paramref name="covers"/> that no recorded call sent and got a 2xx answer for.</summary>
    internal static IReadOnlyList<string> MissingOperations(IEnumerable<string> covers, CallRecorder calls)
    {
        var succeeded = calls.SucceededOperations;
        return covers.Where(id => !succeeded.Contains(id)).ToList();
    }

    private void VerifyCalls()
    {
        var method = GetType().GetMethod(TestContext.CurrentContext.Test.MethodName!, BindingFlags.Public | BindingFlags.Instance);
        var covers = method?.GetCustomAttributes<CoversAttribute>().SelectMany(a => a.OperationIds).Distinct().ToList() ?? new();
        var missing = MissingOperations(covers, Calls);
        var outsideSpec = Calls.Calls.Where(c => c.OperationId is null).ToList();
        var violations = Calls.Calls.Where(c => c.Violations != null).ToList();
        var prismOutput = _prism is null ? "" : Environment.NewLine + "Prism's log (last lines):" + Environment.NewLine + _prism.Output;
        Assert.Multiple(() =>
        {
            Assert.That(missing, Is.Empty, $"[Covers] lists operations this test did not get a 2xx answer for. Calls:{Environment.NewLine}{Calls.Describe()}");
            Assert.That(outsideSpec, Is.Empty, "requests to paths or methods that openapi/starkbank.yaml does not have");
            Assert.That(violations, Is.Empty, "Prism reported spec violations" + prismOutput);
        });
    }
}
