using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
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
using StarkSdk.Bank;
using StarkSdk.Core;

namespace Quickstart;

/// <summary>
/// A webhook endpoint on 127.0.0.1 as an application would write one: it reads the raw body and the Digital-Signature
/// header, lets <c>client.Events.ParseAsync</c> verify and parse the event, and answers 200 (or 400 when it does not verify).
/// </summary>
internal sealed class WebhookEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookEndpoint(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    /// <summary>Each delivery as received (raw body and signature).</summary>
    public ConcurrentQueue<(string Body, string Signature)> Deliveries { get; } = new();

    /// <summary>Each delivery's outcome: the verified event, or why it was rejected.</summary>
    public ConcurrentQueue<(Event? Event, string? Error)> Outcomes { get; } = new();

    public static async Task<WebhookEndpoint> StartAsync(StarkBankClient client, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var endpoint = new WebhookEndpoint(app);
        app.MapPost("/stark-bank/events", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var signature = context.Request.Headers["Digital-Signature"].FirstOrDefault() ?? "";
            endpoint.Deliveries.Enqueue((body, signature));
            try
            {
                endpoint.Outcomes.Enqueue((await client.Events.ParseAsync(body, signature, cancellationToken: context.RequestAborted), null));
                return Results.Ok();
            }
            catch (InvalidSignatureError e)
            {
                endpoint.Outcomes.Enqueue((null, e.Message));
                return Results.BadRequest();
            }
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        endpoint.Url = address.TrimEnd('/') + "/stark-bank/events";
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
