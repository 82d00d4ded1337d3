namespace StarkSdk.E2E.Tests.Resources;

/// <summary>Verified accounts are checked once, then verified transfers to them leave the balance.</summary>
[TestFixture(Target.Emulator)]
[TestFixture(Target.PrismProxy)]
public sealed class VerifiedAccountTests(Target target) : E2ETest(target)
{
    [Test]
    [Covers("createVerifiedAccounts", "queryVerifiedAccounts", "getVerifiedAccount", "cancelVerifiedAccount",
        "queryVerifiedAccountLogs", "getVerifiedAccountLog", "createVerifiedTransfers")]
    public async Task An_account_is_verified_then_receives_a_transfer_and_a_canceled_one_cannot()
    {
        var invoice = await Client.Invoices.CreateAsync(Samples.Invoice(50_000));
        await Emulator.PayInvoiceAsync(invoice.Id);
        var account = await Client.VerifiedAccounts.CreateAsync(new VerifiedAccount
        {
            TaxId = Samples.CpfTaxId, BankCode = "20018183", BranchCode = "0001", Number = "10000-0", Type = VerifiedAccountType.Checking,
        });
        var byKey = await Client.VerifiedAccounts.CreateAsync(new[] { new VerifiedAccount { TaxId = Samples.CpfTaxId, KeyId = "jon.snow@starkbank.com" } });

        var transfers = await Client.VerifiedTransfers.CreateAsync(new[] { new VerifiedTransfer { AccountId = account.Id, Amount = 12_000, ExternalId = "verified-1" } });
        var canceled = await Client.VerifiedAccounts.CancelAsync(byKey[0].Id);
        var refused = Assert.ThrowsAsync<InputErrors>(() =>
            Client.VerifiedTransfers.CreateAsync(new VerifiedTransfer { AccountId = byKey[0].Id, Amount = 1_000 }));
        var active = await Client.VerifiedAccounts.QueryAsync(new VerifiedAccountQueryOptions { Status = new[] { VerifiedAccountStatus.Active } }).ToListAsync();
        var fetched = await Client.VerifiedAccounts.GetAsync(account.Id);
        var logs = await Client.VerifiedAccounts.Logs.QueryAsync(new VerifiedAccountLogQueryOptions { AccountIds = new[] { account.Id } }).ToListAsync();
        var log = await Client.VerifiedAccounts.Logs.GetAsync(logs[0].Id);
        var balance = await Client.Balance.GetAsync();

        Assert.Multiple(() =>
        {
            Assert.That(account.Status, Is.EqualTo(VerifiedAccountStatus.Active));
            Assert.That(transfers.Single().Status, Is.EqualTo(VerifiedTransferStatus.Success));
            Assert.That(transfers.Single().TransactionIds, Has.Count.EqualTo(1));
            Assert.That(canceled.Status, Is.EqualTo(VerifiedAccountStatus.Canceled));
            Assert.That(refused!.Errors.Select(e => e.Code), Does.Contain("invalidAccountId"));
            Assert.That(active.Select(a => a.Id), Is.EqualTo(new[] { account.Id }));
            Assert.That(fetched.BankName, Is.Not.Empty);
            Assert.That(logs.Select(l => l.Type), Is.EqualTo(new[] { VerifiedAccountLogType.Active, VerifiedAccountLogType.Processing, VerifiedAccountLogType.Created }));
            Assert.That(log.Account!.Id, Is.EqualTo(account.Id));
            Assert.That(balance.Amount, Is.EqualTo(38_000));
        });
    }
}
