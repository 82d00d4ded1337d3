using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StarkSdk.E2E.Tests.Infrastructure;

/// <summary>A request as the proxy received it.</summary>
internal sealed record ProxyRequest(int Number, string Method, string Path, string Query, string Body);

/// <summary>An answer the proxy sends back (forwarded from upstream, or made up by a rule).</summary>
internal sealed class ProxyResponse
{
    public int StatusCode { get; set; } = 200;

    public string ContentType { get; set; } = "application/json";

    public byte[] Body { get; set; } = Array.Empty<byte>();

    public List<KeyValuePair<string, string>> Headers { get; } = new();

    public string Text
    {
        get => Encoding.UTF8.GetString(Body);
        set => Body = Encoding.UTF8.GetBytes(value);
    }

    public static ProxyResponse Json(int status, string json) => new() { StatusCode = status, Text = json };
}

/// <summary>
/// What the proxy does with a request: return <c>forward()</c>'s answer as is, change it, make one up, or return
/// null to abort the connection mid-request (the client sees a transport failure).
/// </summary>
internal delegate Task<ProxyResponse?> ProxyRule(ProxyRequest request, Func<Task<ProxyResponse>> forward);

/// <summary>
/// A reverse proxy on 127.0.0.1 (Kestrel, a free port) in front of an upstream (the emulator): forwards requests with
/// their signature headers untouched and lets a test inject faults — a dropped connection, a 500, a rewritten body.
/// Prism's proxy mode also points at one, so one Prism process serves every test's own emulator.
/// </summary>
internal sealed class LoopbackProxy : IAsyncDisposable
{
    private static readonly HashSet<string> RequestHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Access-Id", "Access-Time", "Access-Signature", "Accept", "Accept-Language", "User-Agent", "Digital-Signature",
    };

    private static readonly HashSet<string> SkippedResponseHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Transfer-Encoding", "Content-Length", "Content-Type", "Connection", "Keep-Alive", "Date", "Server",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _upstreamClient = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };
    private int _count;

    private LoopbackProxy(WebApplication app) => _app = app;

    /// <summary>The proxy's root URL (ends with '/').</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Where requests go (the emulator's root URL).</summary>
    public Uri? Upstream { get; set; }

    /// <summary>The rule for every request; null forwards everything untouched.</summary>
    public ProxyRule? Rule { get; set; }

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<ProxyRequest> Received { get; } = new();

    public static async Task<LoopbackProxy> StartAsync(Uri? upstream = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        var proxy = new LoopbackProxy(app) { Upstream = upstream };
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        proxy.Url = new Uri(address.TrimEnd('/') + "/");
        return proxy;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var request = new ProxyRequest(Interlocked.Increment(ref _count), context.Request.Method, context.Request.Path.Value ?? "/", context.Request.QueryString.Value ?? "", body);
        Received.Enqueue(request);

        Task<ProxyResponse> Forward() => ForwardAsync(context, request);
        var rule = Rule;
        var response = rule is null ? await Forward() : await rule(request, Forward);
        if (response is null)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = response.StatusCode;
        if (response.Body.Length > 0 || response.ContentType.Length > 0)
            context.Response.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers)
            context.Response.Headers.Append(name, value);
        context.Response.ContentLength = response.Body.Length;
        await context.Response.Body.WriteAsync(response.Body);
    }

    private async Task<ProxyResponse> ForwardAsync(HttpContext context, ProxyRequest request)
    {
        var upstream = Upstream ?? throw new InvalidOperationException("The loopback proxy has no upstream.");
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(upstream, request.Path.TrimStart('/') + request.Query));
        foreach (var header in context.Request.Headers.Where(h => RequestHeaders.Contains(h.Key)))
            message.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
        if (request.Body.Length > 0 || context.Request.ContentLength > 0)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.Body));
            if (context.Request.ContentType is { } contentType)
                message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        using var answer = await _upstreamClient.SendAsync(message, context.RequestAborted);
        var response = new ProxyResponse
        {
            StatusCode = (int)answer.StatusCode,
            ContentType = answer.Content.Headers.ContentType?.ToString() ?? "",
            Body = await answer.Content.ReadAsByteArrayAsync(context.RequestAborted),
        };
        foreach (var header in answer.Headers.Where(h => !SkippedResponseHeaders.Contains(h.Key)))
            foreach (var value in header.Value)
                response.Headers.Add(new(header.Key, value));
        return response;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
        _upstreamClient.Dispose();
    }
}
