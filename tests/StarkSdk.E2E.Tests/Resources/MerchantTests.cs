namespace StarkSdk.E2E.Tests.Resources;

/// <summary>Card acquiring: merchant sessions and their purchase, purchases with a saved card, cards, installments and their logs.</summary>
[TestFixture(Target.Emulator)]
[TestFixture(Target.PrismProxy)]
public sealed class MerchantTests(Target target) : E2ETest(target)
{
    [Test]
    [Covers("createMerchantSession", "queryMerchantSessions", "getMerchantSession", "createMerchantSessionPurchase",
        "queryMerchantSessionLogs", "getMerchantSessionLog")]
    public async Task A_session_takes_one_card_purchase()
    {
        var session = await Client.MerchantSessions.CreateAsync(Samples.MerchantSession());
        var purchase = await Client.MerchantSessions.PurchaseAsync(session.Uuid, Samples.SessionPurchase());

        var listed = await Client.MerchantSessions.QueryAsync(new MerchantSessionQueryOptions { Tags = new[] { "session" } }).ToListAsync();
        var used = await Client.MerchantSessions.GetAsync(session.Id);
        var logs = await Client.MerchantSessions.Logs.QueryAsync(new MerchantSessionLogQueryOptions { SessionIds = new[] { session.Id } }).ToListAsync();
        var log = await Client.MerchantSessions.Logs.GetAsync(logs.Last().Id);

        Assert.Multiple(() =>
        {
            Assert.That(session.Status, Is.EqualTo(MerchantSessionStatus.Created));
            Assert.That(session.Uuid, Is.Not.Empty);
            Assert.That(purchase.Status, Is.EqualTo(MerchantPurchaseStatus.Confirmed));
            Assert.That(purchase.Amount, Is.EqualTo(5_500));
            Assert.That(purchase.Source, Is.EqualTo("merchant-session/" + session.Id));
            Assert.That(listed.Select(s => s.Id), Is.EqualTo(new[] { session.Id }));
            Assert.That(used.Status, Is.EqualTo(MerchantSessionStatus.Success));
            Assert.That(log.Session.Id, Is.EqualTo(session.Id));
        });
    }

    [Test]
    [Covers("createMerchantPurchase", "queryMerchantPurchases", "getMerchantPurchase", "updateMerchantPurchase",
        "queryMerchantPurchaseLogs", "getMerchantPurchaseLog")]
    public async Task A_saved_card_buys_again_and_the_purchase_is_canceled()
    {
        var session = await Client.MerchantSessions.CreateAsync(Samples.MerchantSession());
        var first = await Client.MerchantSessions.PurchaseAsync(session.Uuid, Samples.SessionPurchase());

        var again = await Client.MerchantPurchases.CreateAsync(new MerchantPurchase { Amount = 1_000, CardId = first.CardId, FundingType = MerchantCardFundingType.Credit, Tags = new List<string> { "again" } });
        var listed = await Client.MerchantPurchases.QueryAsync(new MerchantPurchaseQueryOptions { Status = MerchantPurchaseStatus.Confirmed }).ToListAsync();
        var fetched = await Client.MerchantPurchases.GetAsync(again.Id);
        var canceled = await Client.MerchantPurchases.UpdateAsync(again.Id, new MerchantPurchaseUpdate { Status = MerchantPurchaseUpdateStatus.Canceled, Amount = 0 });
        var logs = await Client.MerchantPurchases.Logs.QueryAsync(new MerchantPurchaseLogQueryOptions { PurchaseIds = new[] { again.Id } }).ToListAsync();
        var log = await Client.MerchantPurchases.Logs.GetAsync(logs.First().Id);

        Assert.Multiple(() =>
        {
            Assert.That(again.Status, Is.EqualTo(MerchantPurchaseStatus.Confirmed));
            Assert.That(again.HolderName, Is.EqualTo("Rhaenyra Targaryen"), "the saved card keeps its holder");
            Assert.That(listed.Select(p => p.Id), Is.EquivalentTo(new[] { first.Id, again.Id }));
            Assert.That(fetched.CardId, Is.EqualTo(first.CardId));
            Assert.That(canceled.Status, Is.EqualTo(MerchantPurchaseStatus.Canceled));
            Assert.That(canceled.Amount, Is.EqualTo(0));
            Assert.That(log.Purchase.Id, Is.EqualTo(again.Id));
            Assert.That(log.Type, Is.EqualTo(MerchantPurchaseLogType.Canceled));
        });
    }

    [Test]
    [Covers("queryMerchantCards", "getMerchantCard", "queryMerchantCardLogs", "getMerchantCardLog",
        "queryMerchantInstallments", "getMerchantInstallment", "queryMerchantInstallmentLogs", "getMerchantInstallmentLog")]
    public async Task An_approved_purchase_saves_the_card_and_splits_into_installments()
    {
        var session = await Client.MerchantSessions.CreateAsync(Samples.MerchantSession());
        var purchase = await Client.MerchantSessions.PurchaseAsync(session.Uuid, Samples.SessionPurchase());

        var cards = await Client.MerchantCards.QueryAsync().ToListAsync();
        var card = await Client.MerchantCards.GetAsync(cards.Single().Id);
        var cardLogs = await Client.MerchantCards.Logs.QueryAsync(new MerchantCardLogQueryOptions { CardIds = new[] { card.Id } }).ToListAsync();
        var cardLog = await Client.MerchantCards.Logs.GetAsync(cardLogs.First().Id);
        var installments = await Client.MerchantInstallments.QueryAsync().ToListAsync();
        var installment = await Client.MerchantInstallments.GetAsync(installments.First().Id);
        var installmentLogs = await Client.MerchantInstallments.Logs.QueryAsync(new MerchantInstallmentLogQueryOptions { InstallmentIds = new[] { installment.Id } }).ToListAsync();
        var installmentLog = await Client.MerchantInstallments.Logs.GetAsync(installmentLogs.First().Id);

        Assert.Multiple(() =>
        {
            Assert.That(card.Id, Is.EqualTo(purchase.CardId));
            Assert.That(card.Ending, Is.EqualTo("4242"));
            Assert.That(card.Network, Is.EqualTo("visa"));
            Assert.That(cardLog.Card.Id, Is.EqualTo(card.Id));
            Assert.That(installments.Sum(i => i.Amount), Is.EqualTo(5_500));
            Assert.That(installments, Has.Count.EqualTo(2));
            Assert.That(installment.PurchaseId, Is.EqualTo(purchase.Id));
            Assert.That(installmentLog.Installment.Id, Is.EqualTo(installment.Id));
        });
    }
}
