using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Runtime.Versioning;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NUnit.Framework;
using StarkSdk.Bank;
using StarkSdk.Core;

namespace StarkSdk.Net8Consumer.Tests;

public class Net8ConsumerTests
{
    [Test]
    public void TheApplicationGetsTheNet8BuildsAndMicrosoftExtensions8()
    {
        Assert.That(typeof(StarkBankClient).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName, Is.EqualTo(".NETCoreApp,Version=v8.0"));
        Assert.That(typeof(StarkPipeline).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName, Is.EqualTo(".NETCoreApp,Version=v8.0"));
        Assert.That(typeof(IHttpClientFactory).Assembly.GetName().Version!.Major, Is.EqualTo(8), "Microsoft.Extensions.Http stays at the application's 8.0");
        Assert.That(typeof(IHost).Assembly.GetName().Version!.Major, Is.EqualTo(8));
        Assert.That(typeof(InvoiceQueryOptions).GetProperty(nameof(InvoiceQueryOptions.After))!.PropertyType, Is.EqualTo(typeof(DateOnly?)));
    }

    [Test]
    public async Task AHostQueriesInvoicesWithDateOnlyFilters()
    {
        var key = Key.Create();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["StarkBank:Environment"] = "Sandbox",
            ["StarkBank:ProjectId"] = "5656565656565656",
            ["StarkBank:PrivateKey"] = key.PrivatePem.Replace("\r\n", "\\n").Replace("\n", "\\n"),
        });
        var transport = new RecordingTransport();
        builder.Services.AddStarkBank(builder.Configuration).ConfigurePrimaryHttpMessageHandler(() => transport);
        using var host = builder.Build();

        var client = host.Services.GetRequiredService<StarkBankClient>();
        var page = await client.Invoices.PageAsync(new InvoiceQueryOptions { After = new DateOnly(2024, 1, 31), Before = new DateOnly(2024, 2, 29), Limit = 5 });

        Assert.That(page.Items, Is.Empty);
        var sent = transport.Requests.Single();
        Assert.That(sent.RequestUri!.Host, Is.EqualTo("sandbox.api.starkbank.com"));
        Assert.That(sent.RequestUri.Query, Does.Contain("after=2024-01-31").And.Contain("before=2024-02-29"));
        Assert.That(sent.Headers.GetValues("Access-Id").Single(), Is.EqualTo("project/5656565656565656"));
    }

    /// <summary>The transport of this test: records what the SDK would send and answers an empty page.</summary>
    private sealed class RecordingTransport : HttpMessageHandler
    {
        public ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Enqueue(request);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                RequestMessage = request,
                Content = new StringContent("{\"invoices\":[],\"cursor\":null}", Encoding.UTF8, "application/json"),
            });
        }
    }
}
