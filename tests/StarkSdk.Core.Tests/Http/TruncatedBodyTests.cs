using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using StarkSdk.Core.Tests.Infrastructure;

namespace StarkSdk.Core.Tests.Http;

/// <summary>A connection reset after the headers and half the announced body: the attempt fails while reading, inside retry.</summary>
public class TruncatedBodyTests
{
    private const string Body = "{\"x\":42,\"padding\":\"0123456789012345678901234567890123456789\"}";

    private static StarkClientOptions Options(CuttingServer server) => new()
    {
        User = TestData.Project(),
        BaseUrl = server.BaseUrl,
        TimeProvider = new TestClock(),
        Retry = new RetryOptions { MaxRetries = 3 },
    };

    [Test]
    public async Task AGetCutMidBodyIsRetriedUntilTheWholeBodyArrives()
    {
        using var server = new CuttingServer(Body, cuts: 2);
        var value = await StarkPipeline.Create(TestData.Api, Options(server)).SendAsync<int>(new ApiRequest(HttpMethod.Get, "x"), "x", null, CancellationToken.None);
        Assert.That(value, Is.EqualTo(42));
        Assert.That(server.Requests, Is.EqualTo(3));
    }

    [Test]
    public void APostCutMidBodyIsNotRetried()
    {
        using var server = new CuttingServer(Body, cuts: 1);
        var error = Assert.ThrowsAsync<UnknownError>(() => StarkPipeline.Create(TestData.Api, Options(server)).SendAsync<int>(new ApiRequest(HttpMethod.Post, "x") { Body = new { a = 1 } }, "x", null, CancellationToken.None))!;
        Assert.That(error.Message, Does.StartWith("POST /v2/x → transport failure"));
        Assert.That(server.Requests, Is.EqualTo(1));
    }
}
