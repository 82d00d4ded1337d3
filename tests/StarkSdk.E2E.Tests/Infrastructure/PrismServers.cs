using System;
using System.Threading;
using System.Threading.Tasks;

namespace StarkSdk.E2E.Tests.Infrastructure;

/// <summary>
/// The Prism processes of this test run, started on first use and stopped by <see cref="GlobalTeardown"/>: one proxy
/// (in front of a <see cref="LoopbackProxy"/> relay that each test points at its own emulator) and one mock.
/// Tests run one at a time (NUnit's default here), so the relay's upstream belongs to the running test.
/// </summary>
internal static class PrismServers
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static LoopbackProxy? _relay;
    private static PrismProcess? _proxy;
    private static PrismProcess? _mock;

    /// <summary>Prism in proxy mode and the relay it forwards to (set <see cref="LoopbackProxy.Upstream"/> to the test's emulator).</summary>
    public static async Task<(PrismProcess Prism, LoopbackProxy Relay)> ProxyAsync()
    {
        PrismProcess.RequireInstalled();
        await Gate.WaitAsync();
        try
        {
            _relay ??= await LoopbackProxy.StartAsync();
            _proxy ??= await PrismProcess.StartProxyAsync(_relay.Url);
            return (_proxy, _relay);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Prism in mock mode.</summary>
    public static async Task<PrismProcess> MockAsync()
    {
        PrismProcess.RequireInstalled();
        await Gate.WaitAsync();
        try
        {
            return _mock ??= await PrismProcess.StartMockAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task StopAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_proxy != null)
                await _proxy.DisposeAsync();
            if (_mock != null)
                await _mock.DisposeAsync();
            if (_relay != null)
                await _relay.DisposeAsync();
            _proxy = _mock = null;
            _relay = null;
        }
        finally
        {
            Gate.Release();
        }
    }
}
