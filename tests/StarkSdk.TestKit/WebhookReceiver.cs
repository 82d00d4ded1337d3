using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StarkSdk.TestKit;

/// <summary>
/// A webhook endpoint on 127.0.0.1 (a free port): keeps every POST's raw body and Digital-Signature header, runs
/// <see cref="OnReceive"/> (where a real receiver verifies and parses), then answers <see cref="StatusToAnswer"/>.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The URL to register as the webhook's.</summary>
    public string Url { get; private set; } = "";

    /// <summary>The status code of the answers (200 unless a test changes it).</summary>
    public int StatusToAnswer { get; set; } = 200;

    /// <summary>Runs for each delivery, with its body and signature, before the answer.</summary>
    public Func<string, string?, Task>? OnReceive { get; set; }

    /// <summary>Every delivery received, in order.</summary>
    public ConcurrentQueue<(string Body, string? Signature)> Received { get; } = new();

    /// <summary>Starts a receiver whose URL ends in <paramref name="path"/>.</summary>
    /// <param name="path">The path part of <see cref="Url"/>.</param>
    public static async Task<WebhookReceiver> StartAsync(string path = "/webhook")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
            var signature = context.Request.Headers["Digital-Signature"].FirstOrDefault();
            receiver.Received.Enqueue((body, signature));
            if (receiver.OnReceive != null)
                await receiver.OnReceive(body, signature).ConfigureAwait(false);
            context.Response.StatusCode = receiver.StatusToAnswer;
        });
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/" + path.TrimStart('/');
        return receiver;
    }

    /// <summary>Stops the server (bounded: at most 5 seconds).</summary>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
