using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using StarkSdk.Core.Tests.Infrastructure;

namespace StarkSdk.Core.Tests.Http;

public class RetryTests : ServerTest
{
    private readonly ConcurrentQueue<TimeSpan> _delays = new();

    [SetUp]
    public void ClearDelays() => _delays.Clear();

    private StarkClientOptions RecordingOptions(int maxRetries = 3, TimeSpan? baseDelay = null, TimeSpan? maxDelay = null)
    {
        var options = TestData.Options(Server, User);
        options.Retry = new RetryOptions
        {
            MaxRetries = maxRetries,
            BaseDelay = baseDelay ?? TimeSpan.FromMilliseconds(100),
            MaxDelay = maxDelay ?? TimeSpan.FromSeconds(2),
            Delay = (delay, _) =>
            {
                _delays.Enqueue(delay);
                return Task.CompletedTask;
            },
        };
        return options;
    }

    [TestCase(429)]
    [TestCase(500)]
    [TestCase(502)]
    [TestCase(503)]
    [TestCase(504)]
    public async Task GetIsRetriedOnTransientStatuses(int status)
    {
        Server.Enqueue(new ScriptedResponse { Status = status });
        Server.Enqueue(new ScriptedResponse { Status = status });
        Server.Enqueue(ScriptedResponse.Ok("{\"x\":7}"));
        var value = await Pipeline(RecordingOptions()).SendAsync<int>(new ApiRequest(HttpMethod.Get, "x"), "x", null, CancellationToken.None);
        Assert.That(value, Is.EqualTo(7));
        Assert.That(Server.Requests, Has.Count.EqualTo(3));
        Assert.That(Server.Requests.All(r => r.SignatureValid), Is.True);
    }

    [TestCase("POST")]
    [TestCase("PATCH")]
    [TestCase("PUT")]
    [TestCase("DELETE")]
    public void WritesAreNeverRetried(string method)
    {
        Server.Enqueue(new ScriptedResponse { Status = 503 });
        var request = new ApiRequest(new HttpMethod(method), "transfer/1") { Body = method == "DELETE" ? null : new { amount = 1 } };
        var error = Assert.ThrowsAsync<UnknownError>(() => Pipeline(RecordingOptions()).SendRawAsync(request, null, CancellationToken.None))!;
        Assert.That(error.StatusCode, Is.EqualTo(503));
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
        Assert.That(_delays, Is.Empty);
    }

    [Test]
    public void WritesAreNotRetriedOnNetworkErrorsEither()
    {
        Server.Enqueue(new ScriptedResponse { Custom = c => { c.Abort(); return Task.CompletedTask; } });
        var error = Assert.ThrowsAsync<UnknownError>(() => Pipeline(RecordingOptions()).SendRawAsync(new ApiRequest(HttpMethod.Post, "transfer") { Body = new { a = 1 } }, null, CancellationToken.None))!;
        Assert.That(error.Message, Does.Contain("transport failure"));
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task GetIsRetriedOnNetworkErrors()
    {
        Server.Enqueue(new ScriptedResponse { Custom = c => { c.Abort(); return Task.CompletedTask; } });
        Server.Enqueue(ScriptedResponse.Ok("{\"x\":1}"));
        Assert.That(await Pipeline(RecordingOptions()).SendAsync<int>(new ApiRequest(HttpMethod.Get, "x"), "x", null, CancellationToken.None), Is.EqualTo(1));
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void GivesUpAfterMaxRetriesWithTheLastError()
    {
        Server.Fallback = (_, _) => Task.FromResult(new ScriptedResponse { Status = 500, Json = "{\"errors\":[]}" });
        Assert.ThrowsAsync<InternalServerError>(() => Pipeline(RecordingOptions(maxRetries: 2)).SendRawAsync(new ApiRequest(HttpMethod.Get, "x"), null, CancellationToken.None));
        Assert.That(Server.Requests, Has.Count.EqualTo(3));
        Assert.That(_delays, Has.Count.EqualTo(2));
    }

    [Test]
    public void NonTransientErrorsAreNotRetried()
    {
        Server.Enqueue(ScriptedResponse.Status400("{\"errors\":[{\"code\":\"invalidId\",\"message\":\"no\"}]}"));
        Assert.ThrowsAsync<InputErrors>(() => Pipeline(RecordingOptions()).SendRawAsync(new ApiRequest(HttpMethod.Get, "x"), null, CancellationToken.None));
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task HonoursRetryAfterCappedAtMaxDelay()
    {
        Server.Enqueue(new ScriptedResponse { Status = 429, Headers = { ["Retry-After"] = "1" } });
        Server.Enqueue(new ScriptedResponse { Status = 429, Headers = { ["Retry-After"] = "120" } });
        Server.Enqueue(ScriptedResponse.Ok("{}"));
        await Pipeline(RecordingOptions(maxDelay: TimeSpan.FromSeconds(3))).SendRawAsync(new ApiRequest(HttpMethod.Get, "x"), null, CancellationToken.None);
        Assert.That(_delays, Is.EqualTo(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3) }));
    }

    [Test]
    public async Task BackoffIsExponentialAndJitteredWithinBounds()
    {
        Server.Enqueue(new ScriptedResponse { Status = 503 });
        Server.Enqueue(new ScriptedResponse { Status = 503 });
        Server.Enqueue(new ScriptedResponse { Status = 503 });
        Server.Enqueue(ScriptedResponse.Ok("{}"));
        await Pipeline(RecordingOptions(baseDelay: TimeSpan.FromMilliseconds(100), maxDelay: TimeSpan.FromMilliseconds(300))).SendRawAsync(new ApiRequest(HttpMethod.Get, "x"), null, CancellationToken.None);
        var delays = _delays.Select(d => d.TotalMilliseconds).ToArray();
        Assert.That(delays, Has.Length.EqualTo(3));
        Assert.That(delays[0], Is.InRange(50, 100));
        Assert.That(delays[1], Is.InRange(100, 200));
        Assert.That(delays[2], Is.InRange(150, 300), "capped at MaxDelay");
    }

    [Test]
    public void JitterSpreadsDelays()
    {
        var options = new RetryOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(10) };
        var distinct = Enumerable.Range(0, 50).Select(_ => RetryHandler.Backoff(options, 2)).Distinct().Count();
        Assert.That(distinct, Is.GreaterThan(1));
        Assert.That(RetryHandler.Backoff(new RetryOptions { BaseDelay = TimeSpan.Zero }, 5), Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void ZeroMaxRetriesDisablesRetries()
    {
        Server.Fallback = (_, _) => Task.FromResult(new ScriptedResponse { Status = 503 });
        Assert.ThrowsAsync<UnknownError>(() => Pipeline(RecordingOptions(maxRetries: 0)).SendRawAsync(new ApiRequest(HttpMethod.Get, "x"), null, CancellationToken.None));
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void CancellationDuringBackoffStopsRetrying()
    {
        using var cts = new CancellationTokenSource();
        var options = RecordingOptions();
        options.Retry.Delay = (_, token) =>
        {
            cts.Cancel();
            return Task.Delay(Timeout.Infinite, token);
        };
        Server.Fallback = (_, _) => Task.FromResult(new ScriptedResponse { Status = 503 });
        Assert.That(async () => await Pipeline(options).SendRawAsync(new ApiRequest(HttpMethod.Get, "x"), null, cts.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }
}
