using System;
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

namespace StarkSdk.Benchmarks;

/// <summary>
/// An in-process Kestrel "API" on 127.0.0.1 (random port) that answers canned JSON bytes. It checks no signature and
/// builds nothing per request, so the SDK and the bare-HttpClient baselines pay exactly the same server cost.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<HttpRequest, byte[][]?> _route;

    private LoopbackServer(WebApplication app, Func<HttpRequest, byte[][]?> route)
    {
        _app = app;
        _route = route;
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Requests answered so far (the benchmarks' sanity checks read it).</summary>
    public long RequestCount;

    /// <summary>Starts the server; <paramref name="route"/> returns the JSON body for a request, or null for 404.</summary>
    public static Task<LoopbackServer> StartAsync(Func<HttpRequest, byte[]?> route) =>
        StartSegmentedAsync(request => route(request) is byte[] body ? new[] { body } : null);

    /// <summary>Starts the server; <paramref name="route"/> returns the JSON body in segments (written one after the other), or null for 404.</summary>
    public static async Task<LoopbackServer> StartSegmentedAsync(Func<HttpRequest, byte[][]?> route)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0);
            options.AddServerHeader = false;
            options.Limits.MaxConcurrentConnections = null;
        });
        var app = builder.Build();
        var server = new LoopbackServer(app, route);
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        // Drain the body (the create calls send one) so the connection can be reused.
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
        System.Threading.Interlocked.Increment(ref RequestCount);
        var segments = _route(context.Request);
        if (segments is null)
        {
            context.Response.StatusCode = 404;
            return;
        }

        long length = 0;
        foreach (var segment in segments)
        {
            length += segment.Length;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = length;
        foreach (var segment in segments)
        {
            await context.Response.Body.WriteAsync(segment, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
