namespace StarkSdk.E2E.Tests.Resources;

/// <summary>The balance and the statement (transactions) move with credits and debits.</summary>
[TestFixture(Target.Emulator)]
[TestFixture(Target.PrismProxy)]
public sealed class AccountTests(Target target) : E2ETest(target)
{
    [Test]
    [Covers("getBalance", "queryTransactions", "getTransaction", "createTransfers")]
    public async Task The_balance_and_the_statement_follow_a_credit_and_a_debit()
    {
        var before = await BalanceAsync();
        var invoice = await Client.Invoices.CreateAsync(Samples.Invoice(50_000));
        await Emulator.PayInvoiceAsync(invoice.Id);
        var transfer = await Client.Transfers.CreateAsync(Samples.Transfer(20_000));
        await Emulator.SettleAsync("transfer", transfer.Id);

        var after = await BalanceAsync();
        var statement = await Client.Transactions.QueryAsync().ToListAsync();
        var credit = await Client.Transactions.GetAsync(statement.Single(t => t.Amount > 0).Id);
        var tagged = await Client.Transactions.QueryAsync(new TransactionQueryOptions { Ids = new[] { credit.Id } }).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(before.Amount, Is.EqualTo(0));
            Assert.That(after.Amount, Is.EqualTo(30_000));
            Assert.That(after.Currency, Is.EqualTo("BRL"));
            Assert.That(statement.Select(t => t.Amount), Is.EqualTo(new[] { -20_000L, 50_000L }), "newest first");
            Assert.That(credit.Amount, Is.EqualTo(50_000));
            Assert.That(credit.Balance, Is.EqualTo(50_000));
            Assert.That(tagged.Select(t => t.Id), Is.EqualTo(new[] { credit.Id }));
        });
    }

    // x-stark-single-item: the API's one-item "balances" list comes back as the Balance itself.
    private Task<Balance> BalanceAsync() => Client.Balance.GetAsync();
}
