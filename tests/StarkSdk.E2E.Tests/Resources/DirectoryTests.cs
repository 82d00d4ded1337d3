namespace StarkSdk.E2E.Tests.Resources;

/// <summary>Look-ups: Pix DICT keys, institutions and Stark Bank's public keys.</summary>
[TestFixture(Target.Emulator)]
[TestFixture(Target.PrismProxy)]
public sealed class DirectoryTests(Target target) : E2ETest(target)
{
    [Test]
    [Covers("getDictKey", "queryDictKeys")]
    public async Task Resolves_a_pix_key_and_lists_the_workspace_keys()
    {
        var key = await Client.DictKeys.GetAsync("tony@starkbank.com");
        var keys = await Client.DictKeys.QueryAsync(new DictKeyQueryOptions { Limit = 10 }).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(key.Id, Is.EqualTo("tony@starkbank.com"));
            Assert.That(key.Type, Is.EqualTo(DictKeyType.Email));
            Assert.That(key.Ispb, Does.Match(@"^\d{8}$"));
            Assert.That(keys, Has.Count.LessThanOrEqualTo(10));
        });
    }

    [Test]
    [Covers("queryInstitutions")]
    public async Task Searches_institutions()
    {
        var stark = await Client.Institutions.QueryAsync(new InstitutionQueryOptions { Search = "stark" }).ToListAsync();
        var bySpi = await Client.Institutions.PageAsync(new InstitutionQueryOptions { SpiCodes = new[] { "20018183" } });

        Assert.That(stark.Select(i => i.SpiCode), Is.EqualTo(new[] { "20018183" }));
        Assert.That(bySpi.Items.Single().Name, Does.Contain("Stark"));
    }

    [Test]
    [Covers("queryPublicKeys")]
    public async Task Serves_the_key_that_verifies_webhooks()
    {
        var keys = await Client.PublicKeys.QueryAsync(new PublicKeyQueryOptions { Limit = 1 }).ToListAsync();

        Assert.That(keys.Single().Content.Trim(), Is.EqualTo(Emulator.PublicKeyPem.Trim()));
    }
}
