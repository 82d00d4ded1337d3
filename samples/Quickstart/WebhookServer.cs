using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StarkSdk.AspNetCore;
using StarkSdk.Bank;

namespace Quickstart;

/// <summary>
/// The quickstart's web application on 127.0.0.1, where the webhook endpoint of StarkSdk.AspNetCore is mapped in one line:
/// it verifies each delivery's <c>Digital-Signature</c> against the raw body, skips redeliveries of handled events, calls
/// the <see cref="InvoiceEvent"/> handler and answers 200 (400 for a bad signature, 500 when the handler throws).
/// </summary>
internal sealed class WebhookServer : IAsyncDisposable
{
    private const string Path = "/stark-bank/events";
    private readonly WebApplication _app;

    private WebhookServer(WebApplication app) => _app = app;

    /// <summary>The webhook URL to register with Stark Bank.</summary>
    public string Url { get; private set; } = "";

    /// <summary>The invoice events the handler received, in order.</summary>
    public ConcurrentQueue<InvoiceEvent> InvoiceEvents { get; } = new();

    public static async Task<WebhookServer> StartAsync(StarkBankClient client, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new WebhookServer(app);

        app.MapStarkBankWebhook(Path, client).On<InvoiceEvent>((e, ct) => server.InvoiceEvents.Enqueue(e));

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = address.TrimEnd('/') + Path;
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
