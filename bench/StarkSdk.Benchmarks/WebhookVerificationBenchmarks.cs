using StarkSdk.Bank;
using System;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Newtonsoft.Json;
using StarkSdk.Core;

namespace StarkSdk.Benchmarks;

/// <summary>
/// Webhook verification: <c>client.Events.ParseAsync</c> of a typical signed event (an invoice "credited" event with its log
/// and invoice), signed by a test key acting as Stark Bank. The loopback server serves that key at /v2/public-key; it is
/// fetched once, in the set-up, and cached by the client, so each operation is signature check + parse, on one core.
/// </summary>
[MemoryDiagnoser]
[StarkJob(oneCore: true)]
[Config(typeof(EventsColumnsConfig))]
public class WebhookVerificationBenchmarks
{
    private LoopbackServer _server = null!;
    private StarkBankClient _client = null!;
    private string _content = null!;
    private string _signature = null!;

    [GlobalSetup]
    public void Setup()
    {
        var stark = PrivateKey.FromPem(Key.Create().PrivatePem);
        var publicKeys = Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(new
        {
            cursor = (string?)null,
            publicKeys = new[] { new { content = stark.PublicKey.ToPem(), created = "2020-10-26T01:50:50.264656+00:00" } },
        }));
        _server = LoopbackServer.StartAsync(request => request.Path.Value == "/v2/public-key" ? publicKeys : null).GetAwaiter().GetResult();
        _client = Fixtures.NewClient(_server, Fixtures.NewProject());
        _content = Fixtures.InvoiceEventJson;
        _signature = stark.Sign(_content);

        var parsed = Parse().GetAwaiter().GetResult();
        if (parsed is not InvoiceEvent invoiceEvent || invoiceEvent.Log.Type != InvoiceLogType.Credited || invoiceEvent.Log.Invoice?.Amount != 400000)
        {
            throw new InvalidOperationException("The event did not parse as an invoice event.");
        }

        Parse().GetAwaiter().GetResult();
        if (_server.RequestCount != 1)
        {
            throw new InvalidOperationException($"The public key was fetched {_server.RequestCount} times; it must be cached after the first.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _server.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "Events.ParseAsync (key cached)")]
    public Task<Event> Parse() => _client.Events.ParseAsync(_content, _signature);
}
