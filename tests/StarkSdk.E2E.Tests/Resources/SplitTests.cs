namespace StarkSdk.E2E.Tests.Resources;

/// <summary>Split receivers, the split profile, and the splits a paid invoice creates.</summary>
[TestFixture(Target.Emulator)]
[TestFixture(Target.PrismProxy)]
public sealed class SplitTests(Target target) : E2ETest(target)
{
    [Test]
    [Covers("createSplitReceivers", "querySplitReceivers", "getSplitReceiver", "querySplitReceiverLogs", "getSplitReceiverLog")]
    public async Task Creates_lists_and_gets_split_receivers_and_their_logs()
    {
        var one = await Client.SplitReceivers.CreateAsync(Samples.SplitReceiver());
        var batch = await Client.SplitReceivers.CreateAsync(new[] { Samples.SplitReceiver(), Samples.SplitReceiver() });

        var listed = await Client.SplitReceivers.QueryAsync(new SplitReceiverQueryOptions { Tags = new[] { "dragons" } }).ToListAsync();
        var fetched = await Client.SplitReceivers.GetAsync(one.Id);
        var logs = await Client.SplitReceivers.Logs.QueryAsync(new SplitReceiverLogQueryOptions { ReceiverIds = new[] { one.Id } }).ToListAsync();
        var log = await Client.SplitReceivers.Logs.GetAsync(logs.Single().Id);

        Assert.Multiple(() =>
        {
            Assert.That(one.AccountType, Is.EqualTo(SplitReceiverAccountType.Salary));
            Assert.That(batch, Has.Count.EqualTo(2));
            Assert.That(listed, Has.Count.EqualTo(3));
            Assert.That(fetched.Name, Is.EqualTo("Daenerys Targaryen Stormborn"));
            Assert.That(log.Receiver.Id, Is.EqualTo(one.Id));
        });
    }

    [Test]
    [Covers("putSplitProfiles", "querySplitProfiles", "getSplitProfile", "querySplitProfileLogs", "getSplitProfileLog")]
    public async Task Puts_the_split_profile_then_replaces_its_rules()
    {
        var first = await Client.SplitProfiles.PutAsync(new SplitProfile { Interval = SplitProfileInterval.Day, Delay = 0 });
        var second = await Client.SplitProfiles.PutAsync(new[] { new SplitProfile { Interval = SplitProfileInterval.Month, Delay = 604_800 } });

        var listed = await Client.SplitProfiles.QueryAsync().ToListAsync();
        var fetched = await Client.SplitProfiles.GetAsync(first.Id);
        var logs = await Client.SplitProfiles.Logs.QueryAsync(new SplitProfileLogQueryOptions { ProfileIds = new[] { first.Id } }).ToListAsync();
        var log = await Client.SplitProfiles.Logs.GetAsync(logs.First().Id);

        Assert.Multiple(() =>
        {
            Assert.That(second.Single().Id, Is.EqualTo(first.Id), "a workspace has one profile: PUT replaces it");
            Assert.That(listed.Select(p => p.Id), Is.EqualTo(new[] { first.Id }));
            Assert.That(fetched.Interval, Is.EqualTo(SplitProfileInterval.Month));
            Assert.That(fetched.Delay, Is.EqualTo(604_800));
            Assert.That(log.Profile.Id, Is.EqualTo(first.Id));
        });
    }

    [Test]
    [Covers("querySplits", "getSplit", "querySplitLogs", "getSplitLog")]
    public async Task A_paid_invoice_with_splits_creates_them()
    {
        var receivers = await Client.SplitReceivers.CreateAsync(new[] { Samples.SplitReceiver(), Samples.SplitReceiver() });
        var invoice = Samples.Invoice(10_000);
        invoice.Splits = new List<InvoiceSplit>
        {
            new() { ReceiverId = receivers[0].Id, Amount = 3_000 },
            new() { ReceiverId = receivers[1].Id, Amount = 5_000 },
        };
        var created = await Client.Invoices.CreateAsync(invoice);
        await Emulator.PayInvoiceAsync(created.Id);

        var splits = await Client.Splits.QueryAsync(new SplitQueryOptions { ReceiverIds = new[] { receivers[1].Id } }).ToListAsync();
        var all = await Client.Splits.QueryAsync(new SplitQueryOptions { Tags = new[] { "invoice/" + created.Id } }).ToListAsync();
        var split = await Client.Splits.GetAsync(splits.Single().Id);
        var logs = await Client.Splits.Logs.QueryAsync(new SplitLogQueryOptions { SplitIds = new[] { split.Id } }).ToListAsync();
        var log = await Client.Splits.Logs.GetAsync(logs.Single().Id);

        Assert.Multiple(() =>
        {
            Assert.That(split.Amount, Is.EqualTo(5_000));
            Assert.That(split.Source, Is.EqualTo("invoice/" + created.Id));
            Assert.That(split.ExternalId, Is.EqualTo($"invoice/{created.Id}/receiver/{receivers[1].Id}"));
            Assert.That(split.Status, Is.EqualTo(SplitStatus.Created));
            Assert.That(all.Select(s => s.Amount), Is.EquivalentTo(new[] { 3_000L, 5_000L }));
            Assert.That(log.Type, Is.EqualTo(SplitLogType.Created));
            Assert.That(log.Split.Id, Is.EqualTo(split.Id));
        });
    }
}
