using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using StarkSdk.Core.Tests.Infrastructure;

namespace StarkSdk.Core.Tests.Http;

/// <summary>The retry policy (Polly.Core): which calls and failures are retried, and how long it waits.</summary>
public class RetryTests : ServerTest
{
    private TestClock _clock = null!;

    [SetUp]
    public void NewClock() => _clock = new TestClock();

    private StarkClientOptions RecordingOptions(int maxRetries = 3, TimeSpan? baseDelay = null, TimeSpan? maxDelay = null)
    {
        var options = TestData.Options(Server, User);
        options.TimeProvider = _clock;
        options.Retry = new RetryOptions
        {
            MaxRetries = maxRetries,
            BaseDelay = baseDelay ?? TimeSpan.FromMilliseconds(100),
            MaxDelay = maxDelay ?? TimeSpan.FromSeconds(2),
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
        Assert.That(_clock.Waits, Is.Empty);
    }

    [Test]
    public void GivesUpAfterMaxRetriesWithTheLastError()
    {
        Server.Fallback = _ => new ScriptedResponse { Status = 500, Json = "{\"errors\":[]}" };
        Assert.ThrowsAsync<InternalServerError>(() => Pipeline(RecordingOptions(maxRetries: 2)).SendRawAsync(new ApiRequest(HttpMethod.Get, "x"), null, CancellationToken.None));
        Assert.That(Server.Requests, Has.Count.EqualTo(3));
        Assert.That(_clock.Waits, Has.Count.EqualTo(2));
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
        Assert.That(_clock.Waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3) }));
    }

    [Test]
    public async Task BackoffIsJitteredAndCappedAtMaxDelay()
    {
        Server.Fallback = _ => new ScriptedResponse { Status = 503 };
        var options = RecordingOptions(maxRetries: 8, baseDelay: TimeSpan.FromMilliseconds(100), maxDelay: TimeSpan.FromMilliseconds(700));
        Assert.ThrowsAsync<UnknownError>(() => Pipeline(options).SendRawAsync(new ApiRequest(HttpMethod.Get, "x"), null, CancellationToken.None));
        var waits = _clock.Waits.ToArray();
        Assert.That(waits, Has.Length.EqualTo(8));
        Assert.That(waits, Has.All.InRange(TimeSpan.Zero, TimeSpan.FromMilliseconds(700)));
        Assert.That(waits.Distinct().Count(), Is.GreaterThan(1), "jitter spreads the waits");
    }

    [Test]
    public void ZeroMaxRetriesDisablesRetries()
    {
        Server.Fallback = _ => new ScriptedResponse { Status = 503 };
        Assert.ThrowsAsync<UnknownError>(() => Pipeline(RecordingOptions(maxRetries: 0)).SendRawAsync(new ApiRequest(HttpMethod.Get, "x"), null, CancellationToken.None));
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void CancellationDuringBackoffStopsRetrying()
    {
        using var cts = new CancellationTokenSource();
        _clock.OnWait = _ =>
        {
            cts.Cancel();
            return false;
        };
        Server.Fallback = _ => new ScriptedResponse { Status = 503 };
        Assert.That(async () => await Pipeline(RecordingOptions()).SendRawAsync(new ApiRequest(HttpMethod.Get, "x"), null, cts.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void InvalidRetryOptionsAreRejected()
    {
        var options = RecordingOptions();
        options.Retry.MaxRetries = -1;
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Pipeline(options).SendRawAsync(new ApiRequest(HttpMethod.Get, "x"), null, CancellationToken.None));
    }
}
