using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using StarkSdk.Emulator;
using StarkSdk.Core;
using StarkSdk.TestKit;

namespace StarkSdk.Infra.Tests;

/// <summary>
/// The emulator serving the Stark Infra API (its embedded openapi/starkinfra.yaml and sandbox behaviours) on 127.0.0.1 (a free port), with signatures required, the
/// test customer's key registered and <see cref="TestSupport.StarkInfraKeys"/> as the key Stark Infra signs with (served
/// on <c>/v2/public-key</c>); and a <see cref="StarkInfraClient"/> built by <c>services.AddStarkInfra</c> pointed at it,
/// whose every request is recorded.
/// </summary>
internal sealed class InfraEmulator : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private InfraEmulator(StarkBankEmulator emulator, ServiceProvider services, CallLog calls)
    {
        Emulator = emulator;
        _services = services;
        Calls = calls;
        Client = services.GetRequiredService<StarkInfraClient>();
    }

    public StarkBankEmulator Emulator { get; }

    public StarkInfraClient Client { get; }

    /// <summary>What the client sent, and the callbacks the tests verified.</summary>
    public CallLog Calls { get; }

    public static async Task<InfraEmulator> StartAsync(CallLog? calls = null)
    {
        var options = new EmulatorOptions
        {
            Api = EmulatedApi.StarkInfra,
            SigningKeyPem = TestSupport.StarkInfraKeys.PrivatePem,
            Seed = 7,
        };
        options.PublicKeys[TestSupport.AccessId] = TestSupport.CustomerKeys.PublicPem;
        var emulator = await StarkBankEmulator.StartAsync(options);

        calls ??= new CallLog();
        var log = calls;
        var services = new ServiceCollection();
        services
            .AddStarkInfra(o =>
            {
                o.User = TestSupport.Project;
                o.BaseUrl = new Uri(emulator.BaseUrl);
                o.Retry.MaxRetries = 0;
            })
            .AddHttpMessageHandler(() => new RecordingHandler(log));
        return new InfraEmulator(emulator, services.BuildServiceProvider(), calls);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}

/// <summary>The operations exercised: every request the SDK sent (matched to the spec's routes) and every callback verified.</summary>
internal sealed class CallLog
{
    private readonly ConcurrentQueue<(string Method, string Path, int Status)> _requests = new();
    private readonly ConcurrentDictionary<string, bool> _callbacks = new(StringComparer.Ordinal);

    public IReadOnlyList<(string Method, string Path, int Status)> Requests => _requests.ToList();

    public void Request(string method, string path, int status) => _requests.Enqueue((method, path, status));

    /// <summary>Records that a callback (its webhooks operationId) was verified and parsed.</summary>
    public void Callback(string operationId) => _callbacks[operationId] = true;

    /// <summary>The operationIds of the successful requests (2xx) and of the callbacks verified.</summary>
    public ISet<string> ExercisedOperationIds()
    {
        var ids = new HashSet<string>(_callbacks.Keys, StringComparer.Ordinal);
        foreach (var (method, path, status) in _requests)
        {
            if (status is >= 200 and < 300 && OpenApiOperations.StarkInfra.Match(method, path)?.OperationId is { } id)
            {
                ids.Add(id);
            }
        }

        return ids;
    }
}

/// <summary>Records each request's method, path and status (innermost handler: after signing).</summary>
internal sealed class RecordingHandler(CallLog log) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        log.Request(request.Method.Method, request.RequestUri!.AbsolutePath, (int)response.StatusCode);
        return response;
    }
}
