using Newtonsoft.Json.Linq;

namespace StarkSdk.E2E.Tests.Resources;

/// <summary>
/// Corporate cards: holders and cards with their logs, purchases that debit the corporate balance (sent by the card
/// networks, here the emulator's purchase trigger), the corporate statement, invoices that fund it and withdrawals
/// back to the workspace; and the lists corporate rules name.
/// </summary>
[TestFixture(Target.Emulator)]
[TestFixture(Target.PrismProxy)]
public sealed class CorporateTests(Target target) : E2ETest(target)
{
    [Test]
    [Covers("createCorporateHolders", "queryCorporateHolders", "getCorporateHolder", "updateCorporateHolder", "cancelCorporateHolder",
        "queryCorporateHolderLogs", "getCorporateHolderLog")]
    public async Task Holders_are_created_blocked_unblocked_and_canceled_with_logs()
    {
        var one = await Client.CorporateHolders.CreateAsync(Holder("Arya Stark"));
        var batch = await Client.CorporateHolders.CreateAsync(new[] { Holder("Jon Snow"), Holder("Sansa Stark") });

        var blocked = await Client.CorporateHolders.UpdateAsync(one.Id, new CorporateHolderUpdate { Status = CorporateHolderStatus.Blocked });
        var unblocked = await Client.CorporateHolders.UpdateAsync(one.Id, new CorporateHolderUpdate { Status = CorporateHolderStatus.Active, Name = "Arya of House Stark" });
        var canceled = await Client.CorporateHolders.CancelAsync(batch[1].Id);
        var active = await Client.CorporateHolders.QueryAsync(new CorporateHolderQueryOptions { Status = new[] { CorporateHolderStatus.Active } }).ToListAsync();
        var fetched = await Client.CorporateHolders.GetAsync(one.Id);
        var logs = await Client.CorporateHolders.Logs.QueryAsync(new CorporateHolderLogQueryOptions { HolderIds = new[] { one.Id } }).ToListAsync();
        var log = await Client.CorporateHolders.Logs.GetAsync(logs[0].Id);

        Assert.Multiple(() =>
        {
            Assert.That(one.Status, Is.EqualTo(CorporateHolderStatus.Active));
            Assert.That(batch, Has.Count.EqualTo(2));
            Assert.That(blocked.Status, Is.EqualTo(CorporateHolderStatus.Blocked));
            Assert.That(unblocked.Status, Is.EqualTo(CorporateHolderStatus.Active));
            Assert.That(canceled.Status, Is.EqualTo(CorporateHolderStatus.Canceled));
            Assert.That(active.Select(h => h.Id), Is.EquivalentTo(new[] { one.Id, batch[0].Id }));
            Assert.That(fetched.Name, Is.EqualTo("Arya of House Stark"));
            Assert.That(logs.Select(l => l.Type), Is.EqualTo(new[] { CorporateHolderLogType.Unblocked, CorporateHolderLogType.Blocked, CorporateHolderLogType.Created }), "newest first");
            Assert.That(log.Holder!.Id, Is.EqualTo(one.Id));
        });
    }

    [Test]
    [Covers("createCorporateCard", "queryCorporateCards", "getCorporateCard", "updateCorporateCard", "cancelCorporateCard",
        "queryCorporateCardLogs", "getCorporateCardLog")]
    public async Task Cards_of_a_holder_are_created_blocked_and_canceled_with_logs()
    {
        var holder = await Client.CorporateHolders.CreateAsync(Holder("Tyrion Lannister"));

        var card = await Client.CorporateCards.CreateAsync(new CorporateCard { HolderId = holder.Id, Tags = new List<string> { "Travel" } });
        var other = await Client.CorporateCards.CreateAsync(new CorporateCard { HolderId = holder.Id });
        var blocked = await Client.CorporateCards.UpdateAsync(card.Id, new CorporateCardUpdate { Status = CorporateCardStatus.Blocked, DisplayName = "THE IMP" });
        var canceled = await Client.CorporateCards.CancelAsync(other.Id);
        var ofHolder = await Client.CorporateCards.QueryAsync(new CorporateCardQueryOptions { HolderIds = new[] { holder.Id } }).ToListAsync();
        var fetched = await Client.CorporateCards.GetAsync(card.Id);
        var logs = await Client.CorporateCards.Logs.QueryAsync(new CorporateCardLogQueryOptions { CardIds = new[] { card.Id } }).ToListAsync();
        var log = await Client.CorporateCards.Logs.GetAsync(logs[0].Id);

        Assert.Multiple(() =>
        {
            Assert.That(card.HolderName, Is.EqualTo("Tyrion Lannister"));
            Assert.That(card.Status, Is.EqualTo(CorporateCardStatus.Active));
            Assert.That(card.Number, Does.StartWith("****"), "the card number is masked");
            Assert.That(card.Tags, Is.EqualTo(new[] { "travel" }));
            Assert.That(blocked.Status, Is.EqualTo(CorporateCardStatus.Blocked));
            Assert.That(canceled.Status, Is.EqualTo(CorporateCardStatus.Canceled));
            Assert.That(ofHolder.Select(c => c.Id), Is.EquivalentTo(new[] { card.Id, other.Id }));
            Assert.That(fetched.DisplayName, Is.EqualTo("THE IMP"));
            Assert.That(logs.Select(l => l.Type), Is.EqualTo(new[] { CorporateCardLogType.Blocked, CorporateCardLogType.Created }));
            Assert.That(log.Card!.Id, Is.EqualTo(card.Id));
        });
    }

    [Test]
    [Covers("getCorporateBalance", "createCorporateInvoice", "queryCorporateInvoices", "queryCorporateTransactions", "getCorporateTransaction",
        "createCorporateWithdrawal", "queryCorporateWithdrawals", "getCorporateWithdrawal")]
    public async Task An_invoice_funds_the_corporate_balance_and_a_withdrawal_moves_money_back_to_the_workspace()
    {
        var empty = await Client.CorporateBalance.GetAsync();
        var invoice = await Client.CorporateInvoices.CreateAsync(new CorporateInvoice { Amount = 50_000, Tags = new List<string> { "funding" } });
        await Emulator.AdminAsync("corporate-invoice", invoice.Id, "pay");

        var withdrawal = await Client.CorporateWithdrawals.CreateAsync(new CorporateWithdrawal { Amount = 20_000, ExternalId = "withdrawal-1" });
        var tooMuch = Assert.ThrowsAsync<InputErrors>(() =>
            Client.CorporateWithdrawals.CreateAsync(new CorporateWithdrawal { Amount = 1_000_000, ExternalId = "withdrawal-2" }));
        var funded = await Client.CorporateBalance.GetAsync();
        var invoices = await Client.CorporateInvoices.QueryAsync(new CorporateInvoiceQueryOptions { Status = new[] { CorporateInvoiceStatus.Paid } }).ToListAsync();
        var statement = await Client.CorporateTransactions.QueryAsync().ToListAsync();
        var debit = await Client.CorporateTransactions.GetAsync(withdrawal.CorporateTransactionId!);
        var withdrawals = await Client.CorporateWithdrawals.QueryAsync(new CorporateWithdrawalQueryOptions { ExternalIds = new[] { "withdrawal-1" } }).ToListAsync();
        var fetched = await Client.CorporateWithdrawals.GetAsync(withdrawal.Id);
        var workspace = await Client.Balance.GetAsync();

        Assert.Multiple(() =>
        {
            Assert.That(empty.Amount, Is.EqualTo(0));
            Assert.That(empty.Limit, Is.GreaterThan(0));
            Assert.That(invoice.Status, Is.EqualTo(CorporateInvoiceStatus.Created));
            Assert.That(invoice.Brcode, Does.StartWith("000201"));
            Assert.That(tooMuch!.Errors.Select(e => e.Code), Does.Contain("insufficientBalance"));
            Assert.That(funded.Amount, Is.EqualTo(30_000));
            Assert.That(invoices.Select(i => i.Id), Is.EqualTo(new[] { invoice.Id }));
            Assert.That(statement.Select(t => t.Amount), Is.EqualTo(new[] { -20_000L, 50_000L }), "newest first");
            Assert.That(debit.Balance, Is.EqualTo(30_000));
            Assert.That(debit.Source, Is.EqualTo("corporate-withdrawal/" + withdrawal.Id));
            Assert.That(withdrawals.Select(w => w.Id), Is.EqualTo(new[] { withdrawal.Id }));
            Assert.That(fetched.TransactionId, Is.Not.Empty);
            Assert.That(workspace.Amount, Is.EqualTo(20_000), "the withdrawal credits the workspace balance");
        });
    }

    [Test]
    [Covers("queryCorporatePurchases", "getCorporatePurchase", "queryCorporatePurchaseLogs", "getCorporatePurchaseLog")]
    public async Task Approved_purchases_debit_the_corporate_balance_and_denied_ones_say_why()
    {
        var holder = await Client.CorporateHolders.CreateAsync(Holder("Brienne of Tarth"));
        var card = await Client.CorporateCards.CreateAsync(new CorporateCard
        {
            HolderId = holder.Id,
            Rules = new List<CorporateRule> { new() { Name = "Up to R$ 500 a day", Amount = 50_000 } },
        });

        await Emulator.AdminAsync("corporate-card", card.Id, "purchase", """{"amount":12345,"merchantName":"The Inn at the Crossroads"}""");
        await Emulator.AdminAsync("corporate-card", card.Id, "purchase", """{"amount":60000}""");
        var balance = await Client.CorporateBalance.GetAsync();
        var purchases = await Client.CorporatePurchases.QueryAsync(new CorporatePurchaseQueryOptions { CardIds = new[] { card.Id } }).ToListAsync();
        var approved = await Client.CorporatePurchases.GetAsync(purchases.Single(p => p.Status == CorporatePurchaseStatus.Approved).Id);
        var denied = purchases.Single(p => p.Status == CorporatePurchaseStatus.Denied);
        var logs = await Client.CorporatePurchases.Logs.QueryAsync(new CorporatePurchaseLogQueryOptions { PurchaseIds = new[] { denied.Id } }).ToListAsync();
        var log = await Client.CorporatePurchases.Logs.GetAsync(logs.Single().Id);
        var statement = await Client.CorporateTransactions.QueryAsync().ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(approved.Amount, Is.EqualTo(12_345));
            Assert.That(approved.MerchantName, Is.EqualTo("The Inn at the Crossroads"));
            Assert.That(approved.HolderId, Is.EqualTo(holder.Id));
            Assert.That(balance.Amount, Is.EqualTo(-12_345), "a purchase may use the credit limit");
            Assert.That(statement.Single().Id, Is.EqualTo(approved.CorporateTransactionIds!.Single()));
            Assert.That(log.Type, Is.EqualTo(CorporatePurchaseLogType.Denied));
            Assert.That(log.Purchase!.Id, Is.EqualTo(denied.Id));
            Assert.That(log.Errors, Is.Not.Empty, "the denial says why (the card rule)");
        });
    }

    [Test]
    [Covers("queryCardMethods", "queryMerchantCategories", "queryMerchantCountries")]
    public async Task Rules_name_card_methods_merchant_categories_and_countries()
    {
        var methods = await Client.CardMethods.QueryAsync(new CardMethodQueryOptions { Search = "token" }).ToListAsync();
        var categories = await Client.MerchantCategories.QueryAsync(new MerchantCategoryQueryOptions { Search = "pets" }).ToListAsync();
        var countries = await Client.MerchantCountries.QueryAsync(new MerchantCountryQueryOptions { Search = "brazil" }).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(methods.Select(m => m.Code), Is.EqualTo(new[] { "token" }));
            Assert.That(categories, Is.Not.Empty);
            Assert.That(categories.Select(c => c.Type), Is.All.EqualTo("pets"));
            Assert.That(countries.Single().Code, Is.EqualTo("BRA"));
        });
    }

    private static CorporateHolder Holder(string name) => new() { Name = name, Tags = new List<string> { "corporate" } };
}
