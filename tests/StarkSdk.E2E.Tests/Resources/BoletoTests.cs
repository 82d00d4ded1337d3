namespace StarkSdk.E2E.Tests.Resources;

/// <summary>Boletos (create, query, get, PDF, cancel, logs) and Boleto Holmes investigations.</summary>
[TestFixture(Target.Emulator)]
[TestFixture(Target.PrismProxy)]
public sealed class BoletoTests(Target target) : E2ETest(target)
{
    [Test]
    [Covers("createBoletos", "queryBoletos", "getBoleto", "getBoletoPdf", "cancelBoleto")]
    public async Task Creates_lists_gets_prints_and_cancels_boletos()
    {
        var one = await Client.Boletos.CreateAsync(Samples.Boleto(12_345));
        var batch = await Client.Boletos.CreateAsync(new[] { Samples.Boleto(1_000), Samples.Boleto(2_000) });

        var all = await Client.Boletos.QueryAsync(new BoletoQueryOptions { Tags = new[] { "war supply" } }).ToListAsync();
        var page = await Client.Boletos.PageAsync(new BoletoQueryOptions { Limit = 2 });
        var fetched = await Client.Boletos.GetAsync(one.Id);
        var pdf = await Client.Boletos.GetPdfAsync(one.Id, new BoletoGetPdfOptions { Layout = BoletoPdfLayout.Booklet });
        var canceled = await Client.Boletos.CancelAsync(batch[0].Id);
        var stillCreated = await Client.Boletos.QueryAsync(new BoletoQueryOptions { Status = BoletoStatus.Created }).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(one.Amount, Is.EqualTo(12_345));
            Assert.That(one.Line, Does.Match(@"^\d{5}\.\d{5} \d{5}\.\d{6} \d{5}\.\d{6} \d \d{14}$"));
            Assert.That(one.BarCode, Does.Match(@"^\d{44}$"));
            Assert.That(batch, Has.Count.EqualTo(2));
            Assert.That(all, Has.Count.EqualTo(3));
            Assert.That(page.Items, Has.Count.EqualTo(2));
            Assert.That(page.Cursor, Is.Not.Null);
            Assert.That(fetched.City, Is.EqualTo("Sao Paulo"));
            AssertPdf(pdf);
            Assert.That(canceled.Status, Is.EqualTo(BoletoStatus.Canceled));
            Assert.That(stillCreated.Select(b => b.Id), Is.EquivalentTo(new[] { one.Id, batch[1].Id }));
        });
    }

    [Test]
    [Covers("queryBoletoLogs", "getBoletoLog")]
    public async Task A_paid_boleto_has_logs()
    {
        var boleto = await Client.Boletos.CreateAsync(Samples.Boleto(8_800));
        await Emulator.PayBoletoAsync(boleto.Id);

        var logs = await Client.Boletos.Logs.QueryAsync(new BoletoLogQueryOptions { BoletoIds = new[] { boleto.Id } }).ToListAsync();
        var paid = await Client.Boletos.Logs.QueryAsync(new BoletoLogQueryOptions { BoletoIds = new[] { boleto.Id }, Types = new[] { BoletoLogType.Paid } }).ToListAsync();
        var log = await Client.Boletos.Logs.GetAsync(paid.Single().Id);

        Assert.Multiple(() =>
        {
            Assert.That(logs.Select(l => l.Type), Does.Contain(BoletoLogType.Created).And.Contain(BoletoLogType.Paid));
            Assert.That(log.Boleto.Status, Is.EqualTo(BoletoStatus.Paid));
            Assert.That(log.Boleto.Id, Is.EqualTo(boleto.Id));
        });
    }

    [Test]
    [Covers("createBoletoHolmes", "queryBoletoHolmes", "getBoletoHolmes", "queryBoletoHolmesLogs", "getBoletoHolmesLog")]
    public async Task Boleto_holmes_investigates_a_boleto()
    {
        var boleto = await Client.Boletos.CreateAsync(Samples.Boleto());
        var sherlock = await Client.BoletoHolmes.CreateAsync(new BoletoHolmes { BoletoId = boleto.Id, Tags = new List<string> { "sherlock" } });
        var batch = await Client.BoletoHolmes.CreateAsync(new[] { new BoletoHolmes { BoletoId = boleto.Id }, new BoletoHolmes { BoletoId = boleto.Id } });

        var listed = await Client.BoletoHolmes.QueryAsync(new BoletoHolmesQueryOptions { BoletoId = boleto.Id }).ToListAsync();
        var fetched = await Client.BoletoHolmes.GetAsync(sherlock.Id);
        var logs = await Client.BoletoHolmes.Logs.QueryAsync(new BoletoHolmesLogQueryOptions { HolmesIds = new[] { sherlock.Id } }).ToListAsync();
        var log = await Client.BoletoHolmes.Logs.GetAsync(logs.Single().Id);

        Assert.Multiple(() =>
        {
            Assert.That(sherlock.BoletoId, Is.EqualTo(boleto.Id));
            Assert.That(batch, Has.Count.EqualTo(2));
            Assert.That(listed, Has.Count.EqualTo(3));
            Assert.That(fetched.Tags, Is.EqualTo(new[] { "sherlock" }));
            Assert.That(log.Holmes.Id, Is.EqualTo(sherlock.Id));
        });
    }
}
