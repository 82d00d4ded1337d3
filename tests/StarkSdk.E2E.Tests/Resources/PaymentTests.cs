namespace StarkSdk.E2E.Tests.Resources;

/// <summary>Cash-outs other than transfers: BR code, boleto, utility, tax and DARF payments, payment previews and payment requests.</summary>
[TestFixture(Target.Emulator)]
[TestFixture(Target.PrismProxy)]
public sealed class PaymentTests(Target target) : E2ETest(target)
{
    [Test]
    [Covers("createBrcodePayments", "queryBrcodePayments", "getBrcodePayment", "updateBrcodePayment", "getBrcodePaymentPdf",
        "queryBrcodePaymentLogs", "getBrcodePaymentLog")]
    public async Task Brcode_payments_pay_an_invoice_or_are_canceled()
    {
        var invoice = await Client.Invoices.CreateAsync(Samples.Invoice(2_500));
        var other = await Client.Invoices.CreateAsync(Samples.Invoice(700));
        BrcodePayment Pay(Invoice i) => new() { Brcode = i.Brcode, TaxId = Samples.CnpjTaxId, Description = "paying my own invoice", Tags = new List<string> { "pix" } };

        var payment = await Client.BrcodePayments.CreateAsync(Pay(invoice));
        var batch = await Client.BrcodePayments.CreateAsync(new[] { Pay(other) });
        var canceled = await Client.BrcodePayments.UpdateAsync(batch[0].Id, new BrcodePaymentUpdate { Status = BrcodePaymentStatus.Canceled });
        await Emulator.SettleAsync("brcode-payment", payment.Id);
        var listed = await Client.BrcodePayments.QueryAsync(new BrcodePaymentQueryOptions { Tags = new[] { "pix" } }).ToListAsync();
        var fetched = await Client.BrcodePayments.GetAsync(payment.Id);
        var receipt = await Client.BrcodePayments.GetPdfAsync(payment.Id);
        var logs = await Client.BrcodePayments.Logs.QueryAsync(new BrcodePaymentLogQueryOptions { PaymentIds = new[] { payment.Id } }).ToListAsync();
        var log = await Client.BrcodePayments.Logs.GetAsync(logs.First().Id);
        var paidInvoice = await Client.Invoices.GetAsync(invoice.Id);

        Assert.Multiple(() =>
        {
            Assert.That(payment.Amount, Is.EqualTo(2_500), "read from the invoice's BR code");
            Assert.That(canceled.Status, Is.EqualTo(BrcodePaymentStatus.Canceled));
            Assert.That(listed, Has.Count.EqualTo(2));
            Assert.That(fetched.Status, Is.EqualTo(BrcodePaymentStatus.Success));
            AssertPdf(receipt);
            Assert.That(logs.Select(l => (string)l.Type), Is.EqualTo(new[] { "success", "sending", "created" }));
            Assert.That(log.Payment.Id, Is.EqualTo(payment.Id));
            Assert.That(paidInvoice.Status, Is.EqualTo(InvoiceStatus.Paid));
        });
    }

    [Test]
    [Covers("createBoletoPayments", "queryBoletoPayments", "getBoletoPayment", "cancelBoletoPayment", "getBoletoPaymentPdf",
        "queryBoletoPaymentLogs", "getBoletoPaymentLog")]
    public async Task Boleto_payments_pay_a_boleto_or_are_canceled()
    {
        var boleto = await Client.Boletos.CreateAsync(Samples.Boleto(8_800));
        var other = await Client.Boletos.CreateAsync(Samples.Boleto(1_200));
        BoletoPayment Pay(Boleto b) => new() { Line = b.Line, TaxId = Samples.CnpjTaxId, Description = "paying the boleto", Tags = new List<string> { "rent" } };

        var payment = await Client.BoletoPayments.CreateAsync(Pay(boleto));
        var batch = await Client.BoletoPayments.CreateAsync(new[] { Pay(other) });
        var canceled = await Client.BoletoPayments.CancelAsync(batch[0].Id);
        await Emulator.SettleAsync("boleto-payment", payment.Id);
        var listed = await Client.BoletoPayments.QueryAsync(new BoletoPaymentQueryOptions { Tags = new[] { "rent" } }).ToListAsync();
        var fetched = await Client.BoletoPayments.GetAsync(payment.Id);
        var receipt = await Client.BoletoPayments.GetPdfAsync(payment.Id);
        var logs = await Client.BoletoPayments.Logs.QueryAsync(new BoletoPaymentLogQueryOptions { PaymentIds = new[] { payment.Id } }).ToListAsync();
        var log = await Client.BoletoPayments.Logs.GetAsync(logs.First().Id);
        var paidBoleto = await Client.Boletos.GetAsync(boleto.Id);

        Assert.Multiple(() =>
        {
            Assert.That(payment.Amount, Is.EqualTo(8_800), "read from the boleto's line");
            Assert.That(canceled.Status, Is.EqualTo(BoletoPaymentStatus.Canceled));
            Assert.That(listed, Has.Count.EqualTo(2));
            Assert.That(fetched.Status, Is.EqualTo(BoletoPaymentStatus.Success));
            AssertPdf(receipt);
            Assert.That(log.Payment.Id, Is.EqualTo(payment.Id));
            Assert.That(paidBoleto.Status, Is.EqualTo(BoletoStatus.Paid));
        });
    }

    [Test]
    [Covers("createUtilityPayments", "queryUtilityPayments", "getUtilityPayment", "cancelUtilityPayment", "getUtilityPaymentPdf",
        "queryUtilityPaymentLogs", "getUtilityPaymentLog")]
    public async Task Utility_payments_are_created_settled_and_canceled()
    {
        var payment = await Client.UtilityPayments.CreateAsync(new UtilityPayment { Line = Samples.UtilityLine, Description = "Electricity for the Long Night", Tags = new List<string> { "energy" } });
        var batch = await Client.UtilityPayments.CreateAsync(new[] { new UtilityPayment { Line = Samples.UtilityLine, Description = "Water for the wall" } });
        var canceled = await Client.UtilityPayments.CancelAsync(batch[0].Id);
        await Emulator.SettleAsync("utility-payment", payment.Id);
        var listed = await Client.UtilityPayments.QueryAsync(new UtilityPaymentQueryOptions { Status = UtilityPaymentStatus.Success }).ToListAsync();
        var fetched = await Client.UtilityPayments.GetAsync(payment.Id);
        var receipt = await Client.UtilityPayments.GetPdfAsync(payment.Id);
        var logs = await Client.UtilityPayments.Logs.QueryAsync(new UtilityPaymentLogQueryOptions { PaymentIds = new[] { payment.Id } }).ToListAsync();
        var log = await Client.UtilityPayments.Logs.GetAsync(logs.First().Id);

        Assert.Multiple(() =>
        {
            Assert.That(payment.Amount, Is.GreaterThan(0), "read from the line");
            Assert.That(canceled.Status, Is.EqualTo(UtilityPaymentStatus.Canceled));
            Assert.That(listed.Select(p => p.Id), Is.EqualTo(new[] { payment.Id }));
            Assert.That(fetched.Tags, Is.EqualTo(new[] { "energy" }));
            AssertPdf(receipt);
            Assert.That(log.Payment.Status, Is.EqualTo(UtilityPaymentStatus.Success));
        });
    }

    [Test]
    [Covers("createTaxPayments", "queryTaxPayments", "getTaxPayment", "cancelTaxPayment", "getTaxPaymentPdf",
        "queryTaxPaymentLogs", "getTaxPaymentLog")]
    public async Task Tax_payments_are_created_settled_and_canceled()
    {
        var payment = await Client.TaxPayments.CreateAsync(new TaxPayment { BarCode = Samples.TaxBarCode, Description = "fix the road", Tags = new List<string> { "iss" } });
        var batch = await Client.TaxPayments.CreateAsync(new[] { new TaxPayment { BarCode = Samples.TaxBarCode, Description = "fix the road again" } });
        var canceled = await Client.TaxPayments.CancelAsync(batch[0].Id);
        await Emulator.SettleAsync("tax-payment", payment.Id);
        var listed = await Client.TaxPayments.QueryAsync(new TaxPaymentQueryOptions { Status = TaxPaymentStatus.Success }).ToListAsync();
        var fetched = await Client.TaxPayments.GetAsync(payment.Id);
        var receipt = await Client.TaxPayments.GetPdfAsync(payment.Id);
        var logs = await Client.TaxPayments.Logs.QueryAsync(new TaxPaymentLogQueryOptions { PaymentIds = new[] { payment.Id } }).ToListAsync();
        var log = await Client.TaxPayments.Logs.GetAsync(logs.First().Id);

        Assert.Multiple(() =>
        {
            Assert.That(payment.BarCode, Is.EqualTo(Samples.TaxBarCode));
            Assert.That(canceled.Status, Is.EqualTo(TaxPaymentStatus.Canceled));
            Assert.That(listed.Select(p => p.Id), Is.EqualTo(new[] { payment.Id }));
            Assert.That(fetched.Status, Is.EqualTo(TaxPaymentStatus.Success));
            AssertPdf(receipt);
            Assert.That(log.Payment.Id, Is.EqualTo(payment.Id));
        });
    }

    [Test]
    [Covers("createDarfPayments", "queryDarfPayments", "getDarfPayment", "cancelDarfPayment", "getDarfPaymentPdf",
        "queryDarfPaymentLogs", "getDarfPaymentLog")]
    public async Task Darf_payments_are_created_settled_and_canceled()
    {
        var payment = await Client.DarfPayments.CreateAsync(Samples.DarfPayment());
        var batch = await Client.DarfPayments.CreateAsync(new[] { Samples.DarfPayment() });
        var canceled = await Client.DarfPayments.CancelAsync(batch[0].Id);
        await Emulator.SettleAsync("darf-payment", payment.Id);
        var listed = await Client.DarfPayments.QueryAsync(new DarfPaymentQueryOptions { Tags = new[] { "darf" } }).ToListAsync();
        var fetched = await Client.DarfPayments.GetAsync(payment.Id);
        var receipt = await Client.DarfPayments.GetPdfAsync(payment.Id);
        var logs = await Client.DarfPayments.Logs.QueryAsync(new DarfPaymentLogQueryOptions { PaymentIds = new[] { payment.Id } }).ToListAsync();
        var log = await Client.DarfPayments.Logs.GetAsync(logs.First().Id);

        Assert.Multiple(() =>
        {
            Assert.That(payment.NominalAmount, Is.EqualTo(1_234));
            Assert.That(canceled.Status, Is.EqualTo(DarfPaymentStatus.Canceled));
            Assert.That(listed, Has.Count.EqualTo(2));
            Assert.That(fetched.Status, Is.EqualTo(DarfPaymentStatus.Success));
            AssertPdf(receipt);
            Assert.That(log.Payment.Id, Is.EqualTo(payment.Id));
        });
    }

    [Test]
    [Covers("createPaymentPreviews")]
    public async Task Previews_read_an_invoice_brcode_and_a_boleto_line()
    {
        var invoice = await Client.Invoices.CreateAsync(Samples.Invoice(1_234));
        var boleto = await Client.Boletos.CreateAsync(Samples.Boleto(5_678));

        var single = await Client.PaymentPreviews.CreateAsync(new PaymentPreviewCreate { Id = invoice.Brcode });
        var batch = await Client.PaymentPreviews.CreateAsync(new[] { new PaymentPreviewCreate { Id = boleto.Line }, new PaymentPreviewCreate { Id = invoice.Brcode } });

        Assert.Multiple(() =>
        {
            Assert.That(single, Is.InstanceOf<PaymentPreviewBrcodePayment>());
            Assert.That(((PaymentPreviewBrcodePayment)single).Payment.Amount, Is.EqualTo(1_234));
            Assert.That(batch[0].Type, Is.EqualTo(PaymentPreviewType.BoletoPayment));
            Assert.That(((PaymentPreviewBoletoPayment)batch[0]).Payment.Amount, Is.EqualTo(5_678));
            Assert.That(batch[1].Id, Is.EqualTo(invoice.Brcode));
        });
    }

    [Test]
    [Covers("createPaymentRequests", "queryPaymentRequests")]
    public async Task Payment_requests_wait_in_a_cost_center()
    {
        const string centerId = "4762954029334528";
        var transfer = new PaymentRequestTransfer { CenterId = centerId, Payment = Samples.Transfer(100_000, externalId: null), Tags = new List<string> { "request/1234" } };
        transfer.Payment.ExternalId = null;
        var one = await Client.PaymentRequests.CreateAsync(transfer);
        var batch = await Client.PaymentRequests.CreateAsync(new PaymentRequest[]
        {
            new PaymentRequestBrcodePayment { CenterId = centerId, Payment = new BrcodePayment { Brcode = (await Client.Invoices.CreateAsync(Samples.Invoice(300))).Brcode, TaxId = Samples.CpfTaxId, Description = "pix payment request" } },
        });

        var listed = await Client.PaymentRequests.QueryAsync(new PaymentRequestQueryOptions { CenterId = centerId }).ToListAsync();
        var page = await Client.PaymentRequests.PageAsync(new PaymentRequestQueryOptions { CenterId = centerId, Limit = 1 });

        Assert.Multiple(() =>
        {
            Assert.That(one, Is.InstanceOf<PaymentRequestTransfer>());
            Assert.That(((PaymentRequestTransfer)one).Payment.Amount, Is.EqualTo(100_000));
            Assert.That(batch.Single(), Is.InstanceOf<PaymentRequestBrcodePayment>());
            Assert.That(listed.Select(r => r.Id), Is.EquivalentTo(new[] { one.Id, batch[0].Id }));
            Assert.That(page.Items, Has.Count.EqualTo(1));
            Assert.That(page.Cursor, Is.Not.Null);
        });
    }
}
