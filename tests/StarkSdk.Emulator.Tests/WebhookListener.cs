using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StarkSdk.Emulator.Tests;

/// <summary>A webhook receiver on 127.0.0.1 (a free port) that records what it gets and answers a chosen status.</summary>
internal sealed class WebhookListener : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookListener(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public int StatusToAnswer { get; set; } = 200;

    /// <summary>Runs for each delivery before the answer (e.g. to call the emulator back, as a real receiver would).</summary>
    public Func<string, Task>? OnReceive { get; set; }

    public ConcurrentQueue<(string Body, string? Signature)> Received { get; } = new();

    public static async Task<WebhookListener> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        WebhookListener? listener = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            listener!.Received.Enqueue((body, context.Request.Headers["Digital-Signature"].FirstOrDefault()));
            if (listener.OnReceive != null)
                await listener.OnReceive(body);
            context.Response.StatusCode = listener.StatusToAnswer;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        listener = new WebhookListener(app, address + "/webhook");
        return listener;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
