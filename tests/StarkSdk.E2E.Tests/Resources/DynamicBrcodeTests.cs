namespace StarkSdk.E2E.Tests.Resources;

/// <summary>Dynamic BR codes: create (one and a batch), query, get by uuid, and a payment that becomes a deposit.</summary>
[TestFixture(Target.Emulator)]
[TestFixture(Target.PrismProxy)]
public sealed class DynamicBrcodeTests(Target target) : E2ETest(target)
{
    [Test]
    [Covers("createDynamicBrcodes", "queryDynamicBrcodes", "getDynamicBrcode", "queryDeposits")]
    public async Task Creates_lists_gets_and_is_paid_into_a_deposit()
    {
        var one = await Client.DynamicBrcodes.CreateAsync(new DynamicBrcode { Amount = 4_000, DisplayDescription = "Payment for service #1234", Tags = new List<string> { "Order/123" } });
        var batch = await Client.DynamicBrcodes.CreateAsync(new[] { new DynamicBrcode { Amount = 100 }, new DynamicBrcode { Amount = 200, Expiration = 600 } });

        var listed = await Client.DynamicBrcodes.QueryAsync(new DynamicBrcodeQueryOptions { Uuids = new[] { one.Uuid } }).ToListAsync();
        var fetched = await Client.DynamicBrcodes.GetAsync(one.Uuid);
        await Emulator.PayDynamicBrcodeAsync(one.Uuid);
        var deposits = await Client.Deposits.QueryAsync(new DepositQueryOptions { Tags = new[] { "dynamic-brcode/" + one.Uuid } }).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(one.Id, Does.StartWith("000201").And.Contain(one.Uuid));
            Assert.That(one.Tags, Is.EqualTo(new[] { "order/123" }));
            Assert.That(batch.Select(b => b.Amount), Is.EqualTo(new[] { 100L, 200L }));
            Assert.That(batch[1].Expiration, Is.EqualTo(600));
            Assert.That(listed.Select(b => b.Uuid), Is.EqualTo(new[] { one.Uuid }));
            Assert.That(fetched.Amount, Is.EqualTo(4_000));
            Assert.That(deposits.Select(d => d.Amount), Is.EqualTo(new[] { 4_000L }));
        });
    }
}
