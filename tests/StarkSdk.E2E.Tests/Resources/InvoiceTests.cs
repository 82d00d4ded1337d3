namespace StarkSdk.E2E.Tests.Resources;

/// <summary>Invoices: create (one and a batch), query with auto-paging and with a cursor, get, update, PDF, QR code, payment and logs.</summary>
[TestFixture(Target.Emulator)]
[TestFixture(Target.PrismProxy)]
public sealed class InvoiceTests(Target target) : E2ETest(target)
{
    [Test]
    [Covers("createInvoices", "getInvoice")]
    public async Task Creates_one_invoice_and_a_batch_and_gets_one_back()
    {
        var one = await Client.Invoices.CreateAsync(Samples.Invoice(12_345, "Order #1"));
        var batch = await Client.Invoices.CreateAsync(new[] { Samples.Invoice(1_000), Samples.Invoice(2_000), Samples.Invoice(3_000) });
        var fetched = await Client.Invoices.GetAsync(one.Id);

        Assert.Multiple(() =>
        {
            Assert.That(one.Id, Does.Match(@"^\d{16}$"));
            Assert.That(one.Amount, Is.EqualTo(12_345));
            Assert.That(one.Status, Is.EqualTo(InvoiceStatus.Created));
            Assert.That(one.Tags, Is.EqualTo(new[] { "order #1" }), "tags are stored in lowercase");
            Assert.That(one.Fine, Is.EqualTo(2.5m));
            Assert.That(one.Brcode, Does.StartWith("000201"));
            Assert.That(batch.Select(i => i.Amount), Is.EqualTo(new[] { 1_000L, 2_000L, 3_000L }));
            Assert.That(batch.Select(i => i.Id).Append(one.Id).Distinct().Count(), Is.EqualTo(4));
            Assert.That(fetched.Id, Is.EqualTo(one.Id));
            Assert.That(fetched.Name, Is.EqualTo("Arya Stark"));
            Assert.That(fetched.Descriptions!.Single().Value, Is.EqualTo("Needle"));
            Assert.That(fetched.Created, Is.EqualTo(one.Created));
        });
    }

    [Test]
    [Covers("createInvoices", "queryInvoices")]
    public async Task Query_auto_pages_through_three_pages_without_losing_or_repeating_an_item()
    {
        var created = new List<Invoice>();
        foreach (var size in new[] { 100, 100, 50 })
            created.AddRange(await Client.Invoices.CreateAsync(Enumerable.Range(0, size).Select(i => Samples.Invoice(100 + i, "paging"))));

        var listed = await Client.Invoices.QueryAsync(new InvoiceQueryOptions { Tags = new[] { "paging" } }).ToListAsync();

        Assert.That(listed.Select(i => i.Id), Is.EquivalentTo(created.Select(i => i.Id)));
        Assert.That(Calls.Count("GET", "queryInvoices"), Is.EqualTo(3), "250 items are 3 pages of at most 100");
        Assert.That(listed.Select(i => i.Created), Is.Ordered.Descending, "newest first");
    }

    [Test]
    [Covers("createInvoices", "queryInvoices")]
    public async Task Page_follows_the_cursor_until_it_is_null_and_the_limit_caps_query()
    {
        var created = await Client.Invoices.CreateAsync(Enumerable.Range(1, 5).Select(i => Samples.Invoice(i * 100)));
        var first = await Client.Invoices.PageAsync(new InvoiceQueryOptions { Limit = 2 });
        var second = await Client.Invoices.PageAsync(new InvoiceQueryOptions { Limit = 2 }, first.Cursor);
        var third = await Client.Invoices.PageAsync(new InvoiceQueryOptions { Limit = 2 }, second.Cursor);
        var capped = await Client.Invoices.QueryAsync(new InvoiceQueryOptions { Limit = 3 }).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(first.Items, Has.Count.EqualTo(2));
            Assert.That(first.Cursor, Is.Not.Null.And.Not.Empty);
            Assert.That(second.Items, Has.Count.EqualTo(2));
            Assert.That(third.Items, Has.Count.EqualTo(1));
            Assert.That(third.Cursor, Is.Null, "the last page has no cursor");
            Assert.That(first.Items.Concat(second.Items).Concat(third.Items).Select(i => i.Id), Is.EquivalentTo(created.Select(i => i.Id)));
            Assert.That(capped.Select(i => i.Id), Is.EqualTo(first.Items.Concat(second.Items).Take(3).Select(i => i.Id)));
        });
    }

    [Test]
    [Covers("queryInvoices")]
    public async Task Query_filters_by_status_ids_and_dates()
    {
        var invoices = await Client.Invoices.CreateAsync(new[] { Samples.Invoice(1_000), Samples.Invoice(2_000), Samples.Invoice(3_000) });
        await Emulator.PayInvoiceAsync(invoices[0].Id);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var paid = await Client.Invoices.QueryAsync(new InvoiceQueryOptions { Status = InvoiceStatus.Paid }).ToListAsync();
        var byIds = await Client.Invoices.QueryAsync(new InvoiceQueryOptions { Ids = new[] { invoices[1].Id, invoices[2].Id } }).ToListAsync();
        var recent = await Client.Invoices.QueryAsync(new InvoiceQueryOptions { After = today.AddDays(-1), Before = today.AddDays(1) }).ToListAsync();
        var future = await Client.Invoices.QueryAsync(new InvoiceQueryOptions { After = today.AddDays(2) }).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(paid.Select(i => i.Id), Is.EqualTo(new[] { invoices[0].Id }));
            Assert.That(byIds.Select(i => i.Id), Is.EquivalentTo(new[] { invoices[1].Id, invoices[2].Id }));
            Assert.That(recent, Has.Count.EqualTo(3));
            Assert.That(future, Is.Empty);
        });
    }

    [Test]
    [Covers("updateInvoice", "getInvoicePdf", "getInvoiceQrcode")]
    public async Task Updates_and_cancels_and_serves_its_pdf_and_qr_code()
    {
        var invoice = await Client.Invoices.CreateAsync(Samples.Invoice(10_000));

        var changed = await Client.Invoices.UpdateAsync(invoice.Id, new InvoiceUpdate { Amount = 8_000, Expiration = 3_600 });
        var pdf = await Client.Invoices.GetPdfAsync(invoice.Id);
        var png = await Client.Invoices.GetQrcodeAsync(invoice.Id, new InvoiceGetQrcodeOptions { Size = 12 });
        await using var pngStream = await Client.Invoices.GetQrcodeStreamAsync(invoice.Id);
        var streamed = new System.IO.MemoryStream();
        await pngStream.CopyToAsync(streamed);
        var canceled = await Client.Invoices.UpdateAsync(invoice.Id, new InvoiceUpdate { Status = InvoiceStatus.Canceled });

        Assert.Multiple(() =>
        {
            Assert.That(changed.Amount, Is.EqualTo(8_000));
            Assert.That(changed.Expiration, Is.EqualTo(3_600));
            Assert.That(changed.Updated, Is.GreaterThanOrEqualTo(invoice.Updated));
            AssertPdf(pdf);
            AssertPng(png);
            AssertPng(streamed.ToArray());
            Assert.That(canceled.Status, Is.EqualTo(InvoiceStatus.Canceled));
        });
    }

    [Test]
    [Covers("getInvoicePayment", "queryInvoiceLogs", "getInvoiceLog", "getInvoiceLogPdf", "updateInvoice")]
    public async Task A_paid_invoice_has_its_payment_its_logs_and_can_be_reversed()
    {
        var invoice = await Client.Invoices.CreateAsync(Samples.Invoice(25_000));
        await Emulator.PayInvoiceAsync(invoice.Id);

        var payment = await Client.Invoices.GetPaymentAsync(invoice.Id);
        var logs = await Client.Invoices.Logs.QueryAsync(new InvoiceLogQueryOptions { InvoiceIds = new[] { invoice.Id } }).ToListAsync();
        var paidLog = await Client.Invoices.Logs.GetAsync(logs.Single(l => l.Type == InvoiceLogType.Paid).Id);
        var receipt = await Client.Invoices.Logs.GetPdfAsync(paidLog.Id);
        var reversed = await Client.Invoices.UpdateAsync(invoice.Id, new InvoiceUpdate { Amount = 20_000 });
        var creditedOnly = await Client.Invoices.Logs.QueryAsync(new InvoiceLogQueryOptions { Types = new[] { InvoiceLogType.Credited } }).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(payment.Amount, Is.EqualTo(25_000));
            Assert.That(payment.EndToEndId, Is.Not.Empty);
            Assert.That(logs.Select(l => l.Type), Is.EqualTo(new[] { InvoiceLogType.Credited, InvoiceLogType.Paid, InvoiceLogType.Created }));
            Assert.That(paidLog.Invoice.Status, Is.EqualTo(InvoiceStatus.Paid));
            AssertPdf(receipt);
            Assert.That(reversed.Amount, Is.EqualTo(20_000));
            Assert.That(creditedOnly.Select(l => l.Invoice.Id), Is.EqualTo(new[] { invoice.Id }));
        });
    }
}
