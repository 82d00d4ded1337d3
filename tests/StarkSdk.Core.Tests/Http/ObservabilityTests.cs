using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using StarkSdk.Core.Tests.Infrastructure;

namespace StarkSdk.Core.Tests.Http;

public class ObservabilityTests : ServerTest
{
    [Test]
    public async Task LogsMethodPathStatusDurationAndRequestIdButNeverKeysOrSignatures()
    {
        var logs = new CapturingLoggerFactory();
        var options = TestData.Options(Server, User);
        options.LoggerFactory = logs;
        options.Retry.MaxRetries = 1;
        Server.Enqueue(new ScriptedResponse { Json = "{\"x\":1}", Headers = { ["Request-Id"] = "req-123" } });
        Server.Enqueue(new ScriptedResponse { Status = 503 });
        Server.Enqueue(ScriptedResponse.Ok("{}"));
        Server.Enqueue(ScriptedResponse.Status400("{\"errors\":[{\"code\":\"invalidAmount\",\"message\":\"Amount must be positive\"}]}"));

        var pipeline = Pipeline(options);
        await pipeline.SendAsync<int>(new ApiRequest(HttpMethod.Get, "balance"), "x", null, CancellationToken.None);
        await pipeline.SendRawAsync(new ApiRequest(HttpMethod.Get, "retried"), null, CancellationToken.None);
        Assert.ThrowsAsync<InputErrors>(() => pipeline.SendRawAsync(new ApiRequest(HttpMethod.Post, "invoice") { Body = new { amount = -1, secretNote = "body-stays-out" } }, null, CancellationToken.None));

        var text = logs.AllText;
        Assert.That(text, Does.Contain("GET /v2/balance → 200").And.Contain("req-123").And.Contain(" ms"));
        Assert.That(text, Does.Contain("retry 1 of 1"));
        Assert.That(text, Does.Contain("POST /v2/invoice → 400").And.Contain("invalidAmount"));
        Assert.That(text, Does.Not.Contain("-----BEGIN").And.Not.Contain("PRIVATE KEY").And.Not.Contain("body-stays-out"));
        Keys.PrivateKeyTests.AssertNoKeyMaterial(text, TestData.DocsKeyPem);
        foreach (var request in Server.Requests)
        {
            var signature = request.Header("Access-Signature")!;
            Assert.That(text, Does.Not.Contain(signature.Substring(0, 20)), "no signature in the logs");
        }
    }

    [Test]
    public async Task EmitsOneSpanPerRequestWithHttpTags()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "StarkSdk.Core",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var path = "traced/" + Guid.NewGuid().ToString("N");

        Server.Enqueue(ScriptedResponse.Ok("{}"));
        await Pipeline().SendRawAsync(new ApiRequest(HttpMethod.Get, path), null, CancellationToken.None);

        var span = spans.Single(s => (string?)s.GetTagItem("url.path") == "/v2/" + path);
        Assert.That(span.Kind, Is.EqualTo(ActivityKind.Client));
        Assert.That(span.GetTagItem("http.method"), Is.EqualTo("GET"));
        Assert.That(span.GetTagItem("http.status_code"), Is.EqualTo(200));
        Assert.That(span.Tags.Any(t => t.Value != null && t.Value.Contains("BEGIN")), Is.False);
    }

    [Test]
    public async Task FailedSpansAreMarkedAsErrors()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "StarkSdk.Core",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var path = "failing/" + Guid.NewGuid().ToString("N");
        Server.Enqueue(ScriptedResponse.Status400("{\"errors\":[{\"code\":\"x\",\"message\":\"y\"}]}"));
        Assert.ThrowsAsync<InputErrors>(() => Pipeline().SendRawAsync(new ApiRequest(HttpMethod.Post, path) { Body = new { } }, null, CancellationToken.None));
        var span = spans.Single(s => (string?)s.GetTagItem("url.path") == "/v2/" + path);
        Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(span.GetTagItem("http.status_code"), Is.EqualTo(400));
    }
}
