using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using StarkSdk.Core;
using StarkSdk.Emulator;
using StarkSdk.Emulator.Engine;
using StarkSdk.Emulator.Spec;
using StarkSdk.TestKit;
using Infra = StarkSdk.NSwag.Generated.Infra;

namespace StarkSdk.NSwag.Tests;

/// <summary>
/// The client NSwag generated from openapi/starkinfra.yaml, sending through <see cref="SigningHandler"/>, against the
/// emulator's engine serving the Stark Infra spec (signatures required).
/// </summary>
public sealed class NSwagInfraFlowTests
{
    private EmulatorFixture _fixture = null!;
    private HttpClient _http = null!;
    private Infra.Client _client = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _fixture = await EmulatorFixture.StartAsync(new EmulatorOptions { Spec = ApiSpec.Load(RepositoryFiles.StarkInfraSpec), Behaviours = new List<ResourceBehaviour>(), Seed = 7 });
        _http = new HttpClient(new SigningHandler(EmulatorFixture.User) { InnerHandler = new HttpClientHandler() });
        _client = new Infra.Client(_http) { BaseUrl = _fixture.Emulator.BaseUrl };
    }

    [TearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _fixture.DisposeAsync();
    }

    [Test]
    public async Task Creates_gets_and_pages_issuing_holders_with_the_cursor()
    {
        var holders = Enumerable.Range(1, 3).Select(i => new Infra.IssuingHolder { Name = "Iron Bank S.A.", TaxId = "012.345.678-90", ExternalId = "holder/" + i }).ToList();
        var created = await _client.CreateIssuingHoldersAsync(null, null, new() { Holders = holders }, CancellationToken.None);
        var one = await _client.GetIssuingHolderAsync(null, created.Holders.First().Id, null, CancellationToken.None);

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await _client.QueryIssuingHoldersAsync(null, cursor, 2, null, null, null, null, null, null, CancellationToken.None);
            seen.AddRange(page.Holders.Select(h => h.Id));
            cursor = page.Cursor;
            pages++;
        }
        while (cursor != null && pages < 10);

        Assert.Multiple(() =>
        {
            Assert.That(created.Holders.Select(h => h.ExternalId), Is.EquivalentTo(new[] { "holder/1", "holder/2", "holder/3" }));
            Assert.That(one.Holder.Id, Is.EqualTo(created.Holders.First().Id));
            Assert.That(one.Holder.Name, Is.EqualTo("Iron Bank S.A."));
            Assert.That(pages, Is.EqualTo(2), "3 holders in pages of 2, the last one without a cursor");
            Assert.That(seen, Is.EquivalentTo(created.Holders.Select(h => h.Id)));
        });
    }
}
