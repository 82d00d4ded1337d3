using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using StarkCore.Tests.Infrastructure;

namespace StarkCore.Tests.Http;

public class DependencyInjectionTests : ServerTest
{
    [Test]
    public async Task AFactoryClientWithStarkHandlersSignsAndRetries()
    {
        var services = new ServiceCollection();
        services.AddHttpClient("stark").AddStarkHandlers();
        await using var provider = services.BuildServiceProvider();
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient("stark");
        Assert.That(http.Timeout, Is.EqualTo(Timeout.InfiniteTimeSpan));

        var pipeline = new StarkPipeline(http, TestData.Api, TestData.Options(Server, User));
        Server.Enqueue(new ScriptedResponse { Status = 503 });
        Server.Enqueue(ScriptedResponse.Ok("{\"x\":3}"));
        Assert.That(await pipeline.SendAsync<int>(new ApiRequest(HttpMethod.Get, "x"), "x", null, CancellationToken.None), Is.EqualTo(3));
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
        Assert.That(Server.Requests, Has.All.Matches<RecordedRequest>(r => r.SignatureValid));
    }

    [Test]
    public void AFactoryClientDoesNotFollowRedirects()
    {
        var services = new ServiceCollection();
        services.AddHttpClient("stark").AddStarkHandlers();
        using var provider = services.BuildServiceProvider();
        var pipeline = new StarkPipeline(provider.GetRequiredService<IHttpClientFactory>().CreateClient("stark"), TestData.Api, TestData.Options(Server, User));
        Server.Enqueue(new ScriptedResponse { Status = 307, Headers = { ["Location"] = Server.BaseUrl + "elsewhere" } });
        Assert.ThrowsAsync<UnknownError>(() => pipeline.SendRawAsync(new ApiRequest(HttpMethod.Get, "x"), null, CancellationToken.None));
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }
}
