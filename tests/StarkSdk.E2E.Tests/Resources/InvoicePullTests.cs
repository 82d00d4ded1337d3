namespace StarkSdk.E2E.Tests.Resources;

/// <summary>Invoice pull (Pix automático) subscriptions and requests: create, query, get, cancel and logs.</summary>
[TestFixture(Target.Emulator)]
[TestFixture(Target.PrismProxy)]
public sealed class InvoicePullTests(Target target) : E2ETest(target)
{
    [Test]
    [Covers("createInvoicePullSubscriptions", "queryInvoicePullSubscriptions", "getInvoicePullSubscription", "cancelInvoicePullSubscription",
        "queryInvoicePullSubscriptionLogs", "getInvoicePullSubscriptionLog")]
    public async Task Creates_lists_gets_and_cancels_subscriptions()
    {
        var one = await Client.InvoicePullSubscriptions.CreateAsync(Samples.PullSubscription());
        var batch = await Client.InvoicePullSubscriptions.CreateAsync(new[] { Samples.PullSubscription(), Samples.PullSubscription() });

        var listed = await Client.InvoicePullSubscriptions.QueryAsync(new InvoicePullSubscriptionQueryOptions { Tags = new[] { "travel" } }).ToListAsync();
        var fetched = await Client.InvoicePullSubscriptions.GetAsync(one.Id);
        var canceled = await Client.InvoicePullSubscriptions.CancelAsync(batch[0].Id);
        var logs = await Client.InvoicePullSubscriptions.Logs.QueryAsync(new InvoicePullSubscriptionLogQueryOptions { SubscriptionIds = new[] { batch[0].Id } }).ToListAsync();
        var log = await Client.InvoicePullSubscriptions.Logs.GetAsync(logs.First().Id);

        Assert.Multiple(() =>
        {
            Assert.That(one.Interval, Is.EqualTo(InvoicePullSubscriptionInterval.Month));
            Assert.That(batch, Has.Count.EqualTo(2));
            Assert.That(listed, Has.Count.EqualTo(3));
            Assert.That(fetched.ExternalId, Is.EqualTo(one.ExternalId));
            Assert.That(canceled.Id, Is.EqualTo(batch[0].Id));
            Assert.That(canceled.Status, Is.EqualTo(InvoicePullSubscriptionStatus.Canceled));
            Assert.That(logs.Select(l => l.Type), Is.EqualTo(new[]
            {
                InvoicePullSubscriptionLogType.Canceled, InvoicePullSubscriptionLogType.Canceling, InvoicePullSubscriptionLogType.Created,
            }));
            Assert.That(log.Subscription.Id, Is.EqualTo(batch[0].Id));
        });
    }

    [Test]
    [Covers("createInvoicePullRequests", "queryInvoicePullRequests", "getInvoicePullRequest", "cancelInvoicePullRequest",
        "queryInvoicePullRequestLogs", "getInvoicePullRequestLog")]
    public async Task Creates_lists_gets_and_cancels_pull_requests()
    {
        var subscription = await Client.InvoicePullSubscriptions.CreateAsync(Samples.PullSubscription());
        var invoice = await Client.Invoices.CreateAsync(Samples.Invoice(9_900));
        InvoicePullRequest Request(string? externalId = null) => new()
        {
            ExternalId = externalId,
            SubscriptionId = subscription.Id,
            InvoiceId = invoice.Id,
            Due = new DateTimeOffset(2030, 10, 14, 0, 0, 0, TimeSpan.Zero),
            AttemptType = InvoicePullRequestAttemptType.Default,
            Tags = new List<string> { "monthly" },
        };
        var one = await Client.InvoicePullRequests.CreateAsync(Request("pull-request-1"));
        var batch = await Client.InvoicePullRequests.CreateAsync(new[] { Request("pull-request-2") });

        var listed = await Client.InvoicePullRequests.QueryAsync(new InvoicePullRequestQueryOptions { SubscriptionIds = new[] { subscription.Id } }).ToListAsync();
        var fetched = await Client.InvoicePullRequests.GetAsync(one.Id);
        // The official SDKs send externalId on creation and filter by it (the spec had it read-only, so it was dropped).
        var byExternalId = await Client.InvoicePullRequests.QueryAsync(new InvoicePullRequestQueryOptions { ExternalIds = new[] { "pull-request-1" } }).ToListAsync();
        var canceled = await Client.InvoicePullRequests.CancelAsync(one.Id);
        var logs = await Client.InvoicePullRequests.Logs.QueryAsync(new InvoicePullRequestLogQueryOptions { RequestIds = new[] { one.Id } }).ToListAsync();
        var log = await Client.InvoicePullRequests.Logs.GetAsync(logs.Last().Id);

        Assert.Multiple(() =>
        {
            Assert.That(batch, Has.Count.EqualTo(1));
            Assert.That(listed.Select(r => r.Id), Is.EquivalentTo(new[] { one.Id, batch[0].Id }));
            Assert.That(fetched.InvoiceId, Is.EqualTo(invoice.Id));
            Assert.That(canceled.Id, Is.EqualTo(one.Id));
            Assert.That(canceled.Status, Is.EqualTo(InvoicePullRequestStatus.Canceled));
            Assert.That(byExternalId.Select(r => r.Id), Is.EqualTo(new[] { one.Id }));
            Assert.That(log.Request.Id, Is.EqualTo(one.Id));
        });
    }
}
