using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StarkSdk.Core.Tests.Infrastructure;

/// <summary>What the server received, with the signature checked the way the API checks it.</summary>
public sealed class RecordedRequest
{
    public required string Method { get; init; }
    public required string Path { get; init; }
    public required string QueryString { get; init; }
    public required IReadOnlyDictionary<string, string> Headers { get; init; }
    public required byte[] Body { get; init; }
    public required bool SignatureValid { get; init; }

    public string BodyText => Encoding.UTF8.GetString(Body);
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    public string? AccessId => Header("Access-Id");
    public string? Query(string name)
    {
        var parsed = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(QueryString);
        return parsed.TryGetValue(name, out var value) ? value.ToString() : null;
    }
}

/// <summary>A scripted answer.</summary>
public sealed class ScriptedResponse
{
    public int Status { get; init; } = 200;
    public string? Json { get; init; }
    public byte[]? Bytes { get; init; }
    public string ContentType { get; init; } = "application/json";
    public Dictionary<string, string> Headers { get; init; } = new();
    /// <summary>Takes over the whole response (abort the connection, hang, ...).</summary>
    public Func<HttpContext, Task>? Custom { get; init; }

    public static ScriptedResponse Ok(string json) => new() { Json = json };
    public static ScriptedResponse Status400(string json) => new() { Status = 400, Json = json };
}

/// <summary>
/// An in-process Kestrel API on 127.0.0.1 (random port) that verifies Access-Signature over the exact received bytes with an
/// independent ECDSA implementation (.NET/OpenSSL), records every request and answers from a script.
/// Unsigned or wrongly signed requests get 401 like the real API would reject them.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ECDsa> _keys = new();
    private readonly ConcurrentQueue<Func<RecordedRequest, HttpContext, Task<ScriptedResponse>>> _script = new();

    private LoopbackServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Answers requests once the script is exhausted; default 200 {}.</summary>
    public Func<RecordedRequest, HttpContext, Task<ScriptedResponse>> Fallback { get; set; } = (_, _) => Task.FromResult(ScriptedResponse.Ok("{}"));

    public static async Task<LoopbackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0);
            options.Limits.MaxConcurrentConnections = null;
        });
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>Registers the public key for a user's Access-Id, as uploading it to the web banking does.</summary>
    public void Register(User user) => Register(user.AccessId, user.PrivateKey.PublicKey.ToPem());

    public void Register(string accessId, string publicKeyPem)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(publicKeyPem);
        _keys[accessId] = ecdsa;
    }

    public void Enqueue(ScriptedResponse response) => _script.Enqueue((_, _) => Task.FromResult(response));

    public void Enqueue(Func<RecordedRequest, HttpContext, Task<ScriptedResponse>> responder) => _script.Enqueue(responder);

    public RecordedRequest Single()
    {
        Assert.That(Requests, Has.Count.EqualTo(1), "requests received");
        return Requests.First();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest
        {
            Method = context.Request.Method,
            Path = context.Request.Path.Value ?? string.Empty,
            QueryString = context.Request.QueryString.Value ?? string.Empty,
            Headers = headers,
            Body = body,
            SignatureValid = Verify(headers, body),
        };
        Requests.Enqueue(recorded);

        if (!recorded.SignatureValid)
        {
            await Write(context, new ScriptedResponse { Status = 401, Json = "{\"errors\":[{\"code\":\"invalidSignature\",\"message\":\"Signature does not check out\"}]}" });
            return;
        }

        var responder = _script.TryDequeue(out var scripted) ? scripted : Fallback;
        var response = await responder(recorded, context);
        await Write(context, response);
    }

    private bool Verify(IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        if (!headers.TryGetValue("Access-Id", out var accessId) || !headers.TryGetValue("Access-Time", out var accessTime) || !headers.TryGetValue("Access-Signature", out var signature))
        {
            return false;
        }

        if (!_keys.TryGetValue(accessId, out var key) || !long.TryParse(accessTime, out _))
        {
            return false;
        }

        var prefix = Encoding.UTF8.GetBytes(accessId + ":" + accessTime + ":");
        var message = prefix.Concat(body).ToArray();
        try
        {
            return key.VerifyData(message, Convert.FromBase64String(signature), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static async Task Write(HttpContext context, ScriptedResponse response)
    {
        if (response.Custom != null)
        {
            await response.Custom(context);
            return;
        }

        context.Response.StatusCode = response.Status;
        foreach (var header in response.Headers)
        {
            context.Response.Headers[header.Key] = header.Value;
        }

        var bytes = response.Bytes ?? (response.Json is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(response.Json));
        if (bytes.Length > 0)
        {
            context.Response.ContentType = response.ContentType;
        }

        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }
}
