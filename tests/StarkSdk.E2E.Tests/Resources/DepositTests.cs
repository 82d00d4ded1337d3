namespace StarkSdk.E2E.Tests.Resources;

/// <summary>Deposits (Pix cash-ins): query, get, reversal by update, logs and the log's receipt.</summary>
[TestFixture(Target.Emulator)]
[TestFixture(Target.PrismProxy)]
public sealed class DepositTests(Target target) : E2ETest(target)
{
    [Test]
    [Covers("queryDeposits", "getDeposit", "updateDeposit", "queryDepositLogs", "getDepositLog", "getDepositLogPdf")]
    public async Task A_deposit_is_listed_fetched_reversed_and_logged()
    {
        var id = (await Emulator.CreateDepositAsync(10_000, new[] { "cash-in" })).Id;

        var listed = await Client.Deposits.QueryAsync(new DepositQueryOptions { Tags = new[] { "cash-in" } }).ToListAsync();
        var fetched = await Client.Deposits.GetAsync(id);
        var partial = await Client.Deposits.UpdateAsync(id, new DepositUpdate { Amount = 4_000 });
        var logs = await Client.Deposits.Logs.QueryAsync(new DepositLogQueryOptions { DepositIds = new[] { id } }).ToListAsync();
        var createdLog = await Client.Deposits.Logs.GetAsync(logs.Last().Id);
        var receipt = await Client.Deposits.Logs.GetPdfAsync(createdLog.Id);

        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(d => d.Id), Is.EqualTo(new[] { id }));
            Assert.That(fetched.Amount, Is.EqualTo(10_000));
            Assert.That(partial.Amount, Is.EqualTo(4_000));
            Assert.That(logs.Select(l => (string)l.Type), Is.EqualTo(new[] { "reversed", "reversing", "created" }));
            Assert.That(createdLog.Deposit.Id, Is.EqualTo(id));
            AssertPdf(receipt);
        });
    }
}
