using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using StarkSdk.Core;

namespace StarkSdk.Infra.Tests;

public class DependencyInjectionTests
{
    [Test]
    public void AddStarkInfraRegistersATypedClientWithTheConfiguredOptions()
    {
        var services = new ServiceCollection();
        services.AddStarkInfra(options =>
        {
            options.User = TestSupport.Project;
            options.Language = "pt-BR";
        });

        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<StarkInfraClient>();

        Assert.That(client.Pipeline.Options.User, Is.SameAs(TestSupport.Project));
        Assert.That(client.Pipeline.Options.Language, Is.EqualTo("pt-BR"));
        Assert.That(client.Pipeline.Api, Is.SameAs(StarkInfraClient.Api));
        Assert.That(client.PixRequests, Is.Not.Null);
        Assert.That(provider.GetRequiredService<IHttpClientFactory>(), Is.Not.Null);
    }

    [Test]
    public void AddStarkInfraUsesItsOwnNamedOptions()
    {
        // A Stark Bank registration next to it would use options named "StarkBank": the two never share a user.
        var other = new Project(StarkEnvironment.Production, "1", Key.Create().PrivatePem);
        var services = new ServiceCollection();
        services.AddStarkInfra(options => options.User = TestSupport.Project);
        services.AddOptions<StarkClientOptions>("SomethingElse").Configure(options => options.User = other);

        using var provider = services.BuildServiceProvider();
        Assert.That(provider.GetRequiredService<StarkInfraClient>().Pipeline.Options.User, Is.SameAs(TestSupport.Project));
        Assert.That(StarkInfraServiceCollectionExtensions.Name, Is.EqualTo("StarkInfra"));
    }

    [Test]
    public void AddStarkInfraRejectsNulls()
    {
        Assert.That(() => ((IServiceCollection)null!).AddStarkInfra(_ => { }), Throws.ArgumentNullException);
        Assert.That(() => new ServiceCollection().AddStarkInfra(null!), Throws.ArgumentNullException);
    }
}
