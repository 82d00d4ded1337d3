using System.Linq;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using StarkSdk.Core;

namespace StarkSdk.Bank.Tests;

public class DependencyInjectionTests
{
    [Test]
    public void AddStarkBankRegistersATypedClientWithTheConfiguredOptions()
    {
        var services = new ServiceCollection();
        services.AddStarkBank(options =>
        {
            options.User = TestSupport.Project;
            options.Language = "pt-BR";
        });

        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<StarkBankClient>();

        Assert.That(client.Pipeline.Options.User, Is.SameAs(TestSupport.Project));
        Assert.That(client.Pipeline.Options.Language, Is.EqualTo("pt-BR"));
        Assert.That(client.Pipeline.Api, Is.SameAs(StarkBankClient.Api));
        Assert.That(client.Invoices, Is.Not.Null);
        Assert.That(provider.GetRequiredService<IHttpClientFactory>(), Is.Not.Null);
    }

    [Test]
    public void AddStarkBankRejectsNulls()
    {
        Assert.That(() => ((IServiceCollection)null!).AddStarkBank(_ => { }), Throws.ArgumentNullException);
        Assert.That(() => new ServiceCollection().AddStarkBank(null!), Throws.ArgumentNullException);
    }
}
