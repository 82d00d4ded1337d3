using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using StarkSdk.Core.Tests.Infrastructure;

namespace StarkSdk.Core.Tests.Hosting;

/// <summary>
/// Microsoft.Extensions.Http.Resilience's standard handler added to a Stark HttpClient would retry a POST after a 503. The
/// guard Stark puts innermost refuses the second send before a byte leaves (see docs/resilience.md).
/// </summary>
public class ResilienceHandlerTests : ServerTest
{
    private ServiceProvider Provider(bool disableUnsafeRetries)
    {
        var services = new ServiceCollection();
        services.AddStarkClient(
                "FakeSdk",
                o => { o.User = User; o.BaseUrl = Server.BaseUrl; o.Retry.MaxRetries = 0; },
                (http, options) => new StarkPipeline(http, TestData.Api, options))
            .AddStandardResilienceHandler(o =>
            {
                o.Retry.Delay = TimeSpan.Zero;
                if (disableUnsafeRetries)
                {
                    o.Retry.DisableForUnsafeHttpMethods();
                }
            });
        return services.BuildServiceProvider();
    }

    [Test]
    public async Task AStandardHandlerCannotSendAPostTwice()
    {
        await using var provider = Provider(disableUnsafeRetries: false);
        Server.Fallback = _ => new ScriptedResponse { Status = 503 };
        var pipeline = provider.GetRequiredService<StarkPipeline>();
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => pipeline.SendRawAsync(new ApiRequest(HttpMethod.Post, "transfer") { Body = new { amount = 100 } }, null, CancellationToken.None))!;
        Assert.That(error.Message, Does.Contain("second time").And.Contain("DisableForUnsafeHttpMethods"));
        Assert.That(Server.Arrivals, Is.EqualTo(1), "the POST left once");
    }

    [Test]
    public async Task WithUnsafeRetriesDisabledThePostFailsWithItsOwnError()
    {
        await using var provider = Provider(disableUnsafeRetries: true);
        Server.Fallback = _ => new ScriptedResponse { Status = 503 };
        var pipeline = provider.GetRequiredService<StarkPipeline>();
        var error = Assert.ThrowsAsync<UnknownError>(() => pipeline.SendRawAsync(new ApiRequest(HttpMethod.Post, "transfer") { Body = new { amount = 100 } }, null, CancellationToken.None))!;
        Assert.That(error.StatusCode, Is.EqualTo(503));
        Assert.That(Server.Arrivals, Is.EqualTo(1));
    }

    [Test]
    public async Task GetsStillWorkThroughTheStandardHandler()
    {
        await using var provider = Provider(disableUnsafeRetries: false);
        Server.Enqueue(new ScriptedResponse { Status = 503 });
        Server.Enqueue(ScriptedResponse.Ok("{\"x\":5}"));
        var pipeline = provider.GetRequiredService<StarkPipeline>();
        Assert.That(await pipeline.SendAsync<int>(new ApiRequest(HttpMethod.Get, "x"), "x", null, CancellationToken.None), Is.EqualTo(5));
        Assert.That(Server.Arrivals, Is.EqualTo(2));
    }
}
