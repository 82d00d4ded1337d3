using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator;
using StarkSdk.Emulator.Engine;
using StarkSdk.Core;
using StarkSdk.TestKit;

namespace StarkSdk.Infra.Tests;

/// <summary>
/// The emulator engine serving openapi/starkinfra.yaml on 127.0.0.1 (a free port), with signatures required, the
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
            Spec = TestSupport.Spec,
            Behaviours = new List<ResourceBehaviour> { new StarkInfraSandbox() },
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

/// <summary>
/// The little the Stark Infra sandbox has that no API call creates: Stark Infra's public key, the balances, the
/// catalogs (products, designs, kits, stocks, merchant categories and countries, card methods, Pix domains), a Pix
/// user, and what card holders' wallets and purchases create (tokens, purchases, transactions, token designs), plus an
/// event delivery attempt. Everything else comes from the generic engine.
/// </summary>
internal sealed class StarkInfraSandbox : ResourceBehaviour
{
    public override bool AppliesTo(string collection) => false;

    public override void Seed(EmulatorContext context)
    {
        context.Insert("public-key", new JObject { ["content"] = context.SigningPublicKeyPem });
        context.Insert("pix-balance", new JObject { ["amount"] = 10_000_000, ["currency"] = "BRL" });
        context.Insert("issuing-balance", new JObject { ["amount"] = 990_000, ["currency"] = "BRL" });
        context.Insert("issuing-product", new JObject { ["network"] = "mastercard", ["fundingType"] = "credit", ["holderType"] = "individual", ["code"] = "123456" });
        context.Insert("issuing-design", new JObject { ["name"] = "Stark card" });
        context.Insert("issuing-embossing-kit", new JObject { ["name"] = "Stark kit" });
        Logged(context, "issuing-stock", new JObject { ["balance"] = 1000 });
        context.Insert("issuing-token", new JObject { ["cardId"] = "5189831499972623", ["walletId"] = "google", ["walletName"] = "Google Pay" });
        context.Insert("issuing-token-design", new JObject { ["name"] = "Stark token art" });
        Logged(context, "issuing-purchase", new JObject { ["amount"] = 10_000, ["cardId"] = "5634941925081088", ["holderName"] = "Tony Stark" });
        context.Insert("issuing-transaction", new JObject { ["amount"] = -10_000, ["balance"] = 980_000, ["description"] = "Stark Burgers" });
        context.Insert("merchant-category", new JObject { ["code"] = "fastFoodRestaurants", ["type"] = "food", ["name"] = "Fast food" });
        context.Insert("merchant-country", new JObject { ["code"] = "BRA", ["name"] = "Brazil", ["shortCode"] = "BR" });
        context.Insert("card-method", new JObject { ["code"] = "chip", ["name"] = "Chip" });
        context.Insert("pix-domain", new JObject { ["name"] = "starkbank.com" });
        context.Insert("pix-user", new JObject { ["id"] = "012.345.678-90" });
        context.Insert("event/attempt", new JObject { ["code"] = "invalidHttpStatus", ["message"] = "HTTP POST request returned status 404", ["eventId"] = "1", ["webhookId"] = "2" });
    }

    /// <summary>Inserts the entity and makes sure it has a log (when its creation is not a log type).</summary>
    private static void Logged(EmulatorContext context, string collection, JObject entity)
    {
        var stored = context.Insert(collection, entity);
        var logs = context.Catalog.Find(collection)?.Logs;
        if (logs != null && logs.LogTypes.Count > 0 && !context.HasLogType(collection, "created"))
        {
            context.Log(collection, stored, logs.LogTypes[0]);
        }
    }
}
