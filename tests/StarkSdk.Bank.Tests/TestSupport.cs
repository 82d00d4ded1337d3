using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using StarkSdk.Core;

namespace StarkSdk.Bank.Tests;

internal static class TestSupport
{
    public static string RepositoryRoot =>
        typeof(TestSupport).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public static string SpecPath => Path.Combine(RepositoryRoot, "openapi", "starkbank.yaml");

    /// <summary>A sandbox project signing with a test key (tests/StarkSdk.Bank.Tests/TestKeys, never a real one).</summary>
    public static Project Project { get; } = new(
        StarkEnvironment.Sandbox,
        "5656565656565656",
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestKeys", "test-private.pem")));

    /// <summary>
    /// A client as <c>services.AddStarkBank</c> builds it (retry and signing handlers included) over an in-memory
    /// primary handler: no network, every request recorded and answered by <paramref name="respond"/>.
    /// </summary>
    public static (StarkBankClient Client, FakeHandler Handler) Client(Func<HttpRequestMessage, string, HttpResponseMessage> respond)
    {
        var handler = new FakeHandler(respond);
        var services = new ServiceCollection();
        services
            .AddStarkBank(options =>
            {
                options.User = Project;
                options.Retry.MaxRetries = 0;
            })
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        return (services.BuildServiceProvider().GetRequiredService<StarkBankClient>(), handler);
    }

    public static HttpResponseMessage Json(string json) => new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}

/// <summary>Records requests (with their bodies) and answers them.</summary>
internal sealed class FakeHandler(Func<HttpRequestMessage, string, HttpResponseMessage> respond) : HttpMessageHandler
{
    public List<(HttpRequestMessage Request, string Body)> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request, body));
        return respond(request, body);
    }
}
