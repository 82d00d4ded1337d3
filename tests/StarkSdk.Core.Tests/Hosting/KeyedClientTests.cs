using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using StarkSdk.Core.Tests.Infrastructure;

namespace StarkSdk.Core.Tests.Hosting;

/// <summary>Several projects or workspaces in one application: a default client and keyed ones, each with its own user.</summary>
public class KeyedClientTests : ServerTest
{
    public sealed class FakeSdkClient(StarkPipeline pipeline)
    {
        public StarkPipeline Pipeline { get; } = pipeline;
    }

    private static FakeSdkClient Create(HttpClient http, StarkClientOptions options) => new(new StarkPipeline(http, TestData.Api, options));

    [Test]
    public async Task ADefaultAndAKeyedClientSignAsTheirOwnUsers()
    {
        var acme = TestData.Project("7777");
        Server.Register(acme);
        var services = new ServiceCollection();
        services.AddStarkClient("FakeSdk", o => { o.User = User; o.BaseUrl = Server.BaseUrl; }, Create);
        services.AddKeyedStarkClient("acme", o => { o.User = acme; o.BaseUrl = Server.BaseUrl; }, Create);
        await using var provider = services.BuildServiceProvider();

        var main = provider.GetRequiredService<FakeSdkClient>();
        Assert.That(provider.GetRequiredKeyedService<FakeSdkClient>("FakeSdk"), Is.SameAs(main), "the default client is also keyed by its name");
        Assert.That(provider.GetRequiredService<FakeSdkClient>(), Is.SameAs(main), "a singleton: the webhook key cache is built once");
        var other = provider.GetRequiredKeyedService<FakeSdkClient>("acme");
        Assert.That(other, Is.Not.SameAs(main));

        await main.Pipeline.SendRawAsync(new ApiRequest(HttpMethod.Get, "x"), null, CancellationToken.None);
        await other.Pipeline.SendRawAsync(new ApiRequest(HttpMethod.Get, "x"), null, CancellationToken.None);
        Assert.That(Server.Requests.Select(r => r.AccessId), Is.EqualTo(new[] { "project/5656565656565656", "project/7777" }));
        Assert.That(Server.Requests.All(r => r.SignatureValid), Is.True);
    }

    [Test]
    public void KeyedRegistrationsRejectBadArguments()
    {
        var services = new ServiceCollection();
        Assert.That(() => services.AddKeyedStarkClient("", _ => { }, Create), Throws.ArgumentException);
        Assert.That(() => services.AddKeyedStarkClient("k", (Action<StarkClientOptions>)null!, Create), Throws.ArgumentNullException);
        Assert.That(() => services.AddKeyedStarkClient("k", (Microsoft.Extensions.Configuration.IConfiguration)null!, Create), Throws.ArgumentNullException);
    }
}
