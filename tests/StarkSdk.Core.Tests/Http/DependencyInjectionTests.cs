using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using StarkSdk.Core.Tests.Infrastructure;

namespace StarkSdk.Core.Tests.Http;

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

    private sealed class FakeSdkClient(StarkPipeline pipeline)
    {
        public StarkPipeline Pipeline { get; } = pipeline;
    }

    [Test]
    public async Task AddStarkClientRegistersATypedClientWithNamedOptionsAndTheHandlers()
    {
        var services = new ServiceCollection();
        services.AddStarkClient("FakeSdk", options =>
        {
            options.User = User;
            options.BaseUrl = TestData.Options(Server, User).BaseUrl;
            options.Language = "pt-BR";
        }, (http, options) => new FakeSdkClient(new StarkPipeline(http, TestData.Api, options)));
        services.AddOptions<StarkClientOptions>("Other").Configure(options => options.Language = "es-ES");
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<FakeSdkClient>();
        Assert.That(client.Pipeline.Options.Language, Is.EqualTo("pt-BR"));
        Server.Enqueue(ScriptedResponse.Ok("{\"x\":3}"));
        Assert.That(await client.Pipeline.SendAsync<int>(new ApiRequest(HttpMethod.Get, "x"), "x", null, CancellationToken.None), Is.EqualTo(3));
        Assert.That(Server.Requests.Single().SignatureValid, Is.True, "the signing handler is on the typed client");
    }

    [Test]
    public void AddStarkClientRejectsBadArguments()
    {
        var services = new ServiceCollection();
        Assert.That(() => ((IServiceCollection)null!).AddStarkClient("X", _ => { }, (h, o) => new object()), Throws.ArgumentNullException);
        Assert.That(() => services.AddStarkClient("", _ => { }, (h, o) => new object()), Throws.ArgumentException);
        Assert.That(() => services.AddStarkClient("X", null!, (h, o) => new object()), Throws.ArgumentNullException);
        Assert.That(() => services.AddStarkClient<object>("X", _ => { }, null!), Throws.ArgumentNullException);
    }

    [Test]
    public void VersionOfReadsTheInformationalVersionWithoutBuildMetadata()
    {
        var version = ApiDescriptor.VersionOf(typeof(StarkPipeline).Assembly);
        Assert.That(version, Does.Match(@"^\d+\.\d+\.\d+"));
        Assert.That(version, Does.Not.Contain("+"));
        Assert.That(() => ApiDescriptor.VersionOf(null!), Throws.ArgumentNullException);
    }
}
