using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace StarkSdk.Core.Tests.Infrastructure;

/// <summary>What the server received, with the signature checked the way the API checks it.</summary>
public sealed class RecordedRequest
{
    public required string Method { get; init; }
    public required string Path { get; init; }
    public required string QueryString { get; init; }
    public required IReadOnlyDictionary<string, string> QueryValues { get; init; }
    public required IReadOnlyDictionary<string, string> Headers { get; init; }
    public required byte[] Body { get; init; }
    public required bool SignatureValid { get; init; }

    public string BodyText => Encoding.UTF8.GetString(Body);
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    public string? AccessId => Header("Access-Id");
    public string? Query(string name) => QueryValues.TryGetValue(name, out var value) ? value : null;
}

/// <summary>A scripted answer of <see cref="MockApi"/>.</summary>
public sealed class ScriptedResponse
{
    public int Status { get; init; } = 200;
    public string? Json { get; init; }
    public byte[]? Bytes { get; init; }
    public string ContentType { get; init; } = "application/json";
    public Dictionary<string, string> Headers { get; init; } = new();

    /// <summary>A WireMock fault instead of a clean answer (EMPTY_RESPONSE: a reset; MALFORMED_RESPONSE_CHUNK: a cut mid-body).</summary>
    public FaultType Fault { get; init; } = FaultType.NONE;

    /// <summary>Waits before answering.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Never answers (until the server stops).</summary>
    public bool Hang { get; init; }

    /// <summary>Runs when the request arrives, before the answer.</summary>
    public Action? OnArrival { get; init; }

    public static ScriptedResponse Ok(string json) => new() { Json = json };
    public static ScriptedResponse Status400(string json) => new() { Status = 400, Json = json };
}

/// <summary>
/// A WireMock.Net server on 127.0.0.1 (random port) acting as the API: it verifies Access-Signature over the exact received
/// bytes with an independent ECDSA implementation (.NET/OpenSSL) and answers unsigned or wrongly signed requests with 401,
/// like the real API. Answers come from a script (a queue, then <see cref="Fallback"/>); fault tests add WireMock mappings of
/// their own through <see cref="Server"/> (faults, delays, scenarios), which take precedence over the script.
/// </summary>
public sealed class MockApi : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ECDsa> _keys = new();
    private readonly ConcurrentQueue<Func<RecordedRequest, ScriptedResponse>> _script = new();
    private readonly CancellationTokenSource _stopping = new();

    private MockApi()
    {
        Server = WireMockServer.Start(new WireMockServerSettings { Urls = new[] { "http://127.0.0.1:0" }, StartAdminInterface = false });
        BaseUrl = new Uri(Server.Urls[0].TrimEnd('/') + "/");
        Server.Given(Request.Create().UsingAnyMethod()).AtPriority(int.MaxValue).RespondWith(Response.Create().WithCallback(AnswerAsync));
    }

    public WireMockServer Server { get; }

    private int _arrivals;

    /// <summary>Requests that reached the script, counted on arrival (a hung request is in no log yet).</summary>
    public int Arrivals => Volatile.Read(ref _arrivals);

    public Uri BaseUrl { get; }

    /// <summary>Every request received, in order, with its signature checked.</summary>
    public IReadOnlyList<RecordedRequest> Requests => Server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).Select(e => Record(e.RequestMessage)).ToList();

    /// <summary>Answers requests once the script is exhausted; default 200 {}.</summary>
    public Func<RecordedRequest, ScriptedResponse> Fallback { get; set; } = _ => ScriptedResponse.Ok("{}");

    public static Task<MockApi> StartAsync() => Task.FromResult(new MockApi());

    /// <summary>Registers the public key for a user's Access-Id, as uploading it to the web banking does.</summary>
    public void Register(User user) => Register(user.AccessId, user.PrivateKey.PublicKey.ToPem());

    public void Register(string accessId, string publicKeyPem)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(publicKeyPem);
        _keys[accessId] = ecdsa;
    }

    public void Enqueue(ScriptedResponse response) => _script.Enqueue(_ => response);

    public void Enqueue(Func<RecordedRequest, ScriptedResponse> responder) => _script.Enqueue(responder);

    public RecordedRequest Single()
    {
        var requests = Requests;
        Assert.That(requests, Has.Count.EqualTo(1), "requests received");
        return requests[0];
    }

    /// <summary>Whether the request's Access-Signature checks out against the registered key of its Access-Id.</summary>
    public bool Verify(IRequestMessage request) => Verify(Headers(request), request.BodyAsBytes ?? Array.Empty<byte>());

    private async Task<IResponseMessage> AnswerAsync(IRequestMessage message)
    {
        Interlocked.Increment(ref _arrivals);
        var recorded = Record(message);
        if (!recorded.SignatureValid)
        {
            return Build(new ScriptedResponse { Status = 401, Json = "{\"errors\":[{\"code\":\"invalidSignature\",\"message\":\"Signature does not check out\"}]}" });
        }

        var scripted = (_script.TryDequeue(out var next) ? next : Fallback)(recorded);
        scripted.OnArrival?.Invoke();
        if (scripted.Hang)
        {
            await Task.Delay(Timeout.Infinite, _stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        else if (scripted.Delay > TimeSpan.Zero)
        {
            await Task.Delay(scripted.Delay, _stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return Build(scripted);
    }

    internal static ResponseMessage Build(ScriptedResponse scripted)
    {
        var bytes = scripted.Bytes ?? (scripted.Json is null ? null : Encoding.UTF8.GetBytes(scripted.Json));
        var response = new ResponseMessage { StatusCode = scripted.Status, FaultType = scripted.Fault };
        foreach (var header in scripted.Headers)
        {
            response.AddHeader(header.Key, header.Value);
        }

        if (bytes != null && bytes.Length > 0)
        {
            response.AddHeader("Content-Type", scripted.ContentType);
            response.BodyData = new BodyData { BodyAsBytes = bytes, DetectedBodyType = WireMock.Types.BodyType.Bytes };
        }

        return response;
    }

    private RecordedRequest Record(IRequestMessage message) => new()
    {
        Method = message.Method,
        Path = message.Path,
        QueryString = message.Url.IndexOf('?') is var q && q >= 0 ? message.Url.Substring(q) : string.Empty,
        QueryValues = ((IDictionary<string, WireMockList<string>>?)message.Query ?? new Dictionary<string, WireMockList<string>>()).ToDictionary(q => q.Key, q => q.Value.ToString() ?? string.Empty),
        Headers = Headers(message),
        Body = message.BodyAsBytes ?? Array.Empty<byte>(),
        SignatureValid = Verify(message),
    };

    private static Dictionary<string, string> Headers(IRequestMessage message) =>
        ((IDictionary<string, WireMockList<string>>?)message.Headers ?? new Dictionary<string, WireMockList<string>>()).ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);

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

        var signed = Encoding.UTF8.GetBytes(accessId + ":" + accessTime + ":").Concat(body).ToArray();
        try
        {
            return key.VerifyData(signed, Convert.FromBase64String(signature), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        Server.Stop();
        Server.Dispose();
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }

        _stopping.Dispose();
        return ValueTask.CompletedTask;
    }
}
