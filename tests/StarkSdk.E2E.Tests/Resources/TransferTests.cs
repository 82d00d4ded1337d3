namespace StarkSdk.E2E.Tests.Resources;

/// <summary>Transfers: create (one and a batch), query, get, cancel, settle, receipt PDF and logs.</summary>
[TestFixture(Target.Emulator)]
[TestFixture(Target.PrismProxy)]
public sealed class TransferTests(Target target) : E2ETest(target)
{
    [Test]
    [Covers("createTransfers", "queryTransfers", "getTransfer", "cancelTransfer", "getTransferPdf", "queryTransferLogs", "getTransferLog")]
    public async Task Creates_cancels_settles_and_logs_transfers()
    {
        var one = await Client.Transfers.CreateAsync(Samples.Transfer(1_000));
        var batch = await Client.Transfers.CreateAsync(new[] { Samples.Transfer(2_000), Samples.Transfer(3_000) });

        var canceled = await Client.Transfers.CancelAsync(batch[0].Id);
        await Emulator.SettleAsync("transfer", one.Id);
        var succeeded = await Client.Transfers.QueryAsync(new TransferQueryOptions { Status = TransferStatus.Success }).ToListAsync();
        var all = await Client.Transfers.QueryAsync(new TransferQueryOptions { Tags = new[] { "daenerys" } }).ToListAsync();
        var fetched = await Client.Transfers.GetAsync(one.Id);
        var receipt = await Client.Transfers.GetPdfAsync(one.Id);
        var logs = await Client.Transfers.Logs.QueryAsync(new TransferLogQueryOptions { TransferIds = new[] { one.Id } }).ToListAsync();
        var log = await Client.Transfers.Logs.GetAsync(logs.First().Id);

        Assert.Multiple(() =>
        {
            Assert.That(one.Status, Is.EqualTo(TransferStatus.Created));
            Assert.That(batch.Select(t => t.Amount), Is.EqualTo(new[] { 2_000L, 3_000L }));
            Assert.That(canceled.Status, Is.EqualTo(TransferStatus.Canceled));
            Assert.That(succeeded.Select(t => t.Id), Is.EqualTo(new[] { one.Id }));
            Assert.That(all, Has.Count.EqualTo(3));
            Assert.That(fetched.Status, Is.EqualTo(TransferStatus.Success));
            Assert.That(fetched.TransactionIds, Is.Not.Empty);
            AssertPdf(receipt);
            Assert.That(logs.Select(l => l.Type), Is.EqualTo(new[] { TransferLogType.Success, TransferLogType.Processing, TransferLogType.Sending, TransferLogType.Created }).Or.EqualTo(new[] { TransferLogType.Success, TransferLogType.Sending, TransferLogType.Created }));
            Assert.That(log.Transfer.Status, Is.EqualTo(TransferStatus.Success));
        });
    }
}
