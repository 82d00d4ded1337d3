using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using StarkSdk.Core;

namespace StarkSdk.Infra.Tests;

/// <summary>One scenario over a resource: its operations called through the SDK against the emulator, with checks.</summary>
internal sealed record Exercise(string Name, Func<InfraEmulator, Task> RunAsync)
{
    public override string ToString() => Name;
}

/// <summary>
/// Scenarios that together call every operation of openapi/starkinfra.yaml (CoverageTests checks that) and verify
/// every signed callback. Each runs against its own fresh emulator in <see cref="OperationTests"/>.
/// </summary>
internal static class Exercises
{
    public const string BankCode = "20018183";

    public static IReadOnlyList<Exercise> All { get; } = new[]
    {
        new Exercise("IssuingHolders", IssuingHoldersAsync),
        new Exercise("IssuingCards", IssuingCardsAsync),
        new Exercise("IssuingCatalogs", IssuingCatalogsAsync),
        new Exercise("IssuingStocksAndRestocks", IssuingStocksAsync),
        new Exercise("IssuingEmbossingRequests", IssuingEmbossingRequestsAsync),
        new Exercise("IssuingTokens", IssuingTokensAsync),
        new Exercise("IssuingPurchases", IssuingPurchasesAsync),
        new Exercise("IssuingInvoicesAndWithdrawals", IssuingMoneyAsync),
        new Exercise("CreditNotes", CreditNotesAsync),
        new Exercise("CreditPreviewsAndHolmes", CreditHolmesAsync),
        new Exercise("IndividualIdentitiesAndDocuments", IdentityAsync),
        new Exercise("PixRequests", PixRequestsAsync),
        new Exercise("PixReversals", PixReversalsAsync),
        new Exercise("PixBalanceAndStatements", PixStatementsAsync),
        new Exercise("PixKeys", PixKeysAsync),
        new Exercise("PixClaims", PixClaimsAsync),
        new Exercise("PixDirectorsAndDomains", PixDirectorsAsync),
        new Exercise("PixInfractions", PixInfractionsAsync),
        new Exercise("PixFraudsAndUsers", PixFraudsAsync),
        new Exercise("PixChargebacks", PixChargebacksAsync),
        new Exercise("BrcodesAndPreviews", BrcodesAsync),
        new Exercise("WebhooksEventsAndPublicKeys", WebhooksAsync),
        new Exercise("Callbacks", CallbacksAsync),
    };

    private static async Task IssuingHoldersAsync(InfraEmulator e)
    {
        var client = e.Client.IssuingHolders;
        var created = await client.CreateAsync(
            new[] { new IssuingHolder { Name = "Iron Bank S.A.", TaxId = "012.345.678-90", ExternalId = "holder/1", Tags = new[] { "Traveler" } } },
            new IssuingHolderCreateOptions { Expand = new[] { CreateIssuingHoldersExpand.Rules } });
        var holder = created.Single();
        Assert.That(holder.Id, Is.Not.Empty);
        Assert.That(holder.Tags, Is.EqualTo(new[] { "Traveler" }));
        Assert.That((await client.GetAsync(holder.Id, new IssuingHolderGetOptions { Expand = new[] { GetIssuingHolderExpand.Rules } })).Name, Is.EqualTo("Iron Bank S.A."));
        Assert.That((await client.QueryAsync(new IssuingHolderQueryOptions { Ids = new[] { holder.Id } }).ToListAsync()).Single().Id, Is.EqualTo(holder.Id));
        Assert.That((await client.CancelAsync(holder.Id)).Status, Is.EqualTo(IssuingHolderStatus.Canceled));
        var log = (await client.Logs.QueryAsync(new IssuingHolderLogQueryOptions { HolderIds = new[] { holder.Id } }).ToListAsync()).First();
        Assert.That((await client.Logs.GetAsync(log.Id)).Holder.Id, Is.EqualTo(holder.Id));
    }

    private static async Task IssuingCardsAsync(InfraEmulator e)
    {
        var client = e.Client.IssuingCards;
        var card = await client.CreateAsync(
            new IssuingCard { HolderName = "Tony Stark", HolderTaxId = "012.345.678-90", HolderExternalId = "holder/1", DisplayName = "ANTHONY STARK" },
            new IssuingCardCreateOptions { Expand = new[] { CreateIssuingCardsExpand.SecurityCode } });
        Assert.That((await client.GetAsync(card.Id, new IssuingCardGetOptions { Expand = new[] { GetIssuingCardExpand.Number } })).HolderName, Is.EqualTo("Tony Stark"));
        Assert.That(await client.QueryAsync(new IssuingCardQueryOptions { Ids = new[] { card.Id }, Limit = 1 }).ToListAsync(), Has.Count.EqualTo(1));
        Assert.That((await client.UpdateAsync(card.Id, new IssuingCardUpdate { Status = IssuingCardStatus.Blocked })).Status, Is.EqualTo(IssuingCardStatus.Blocked));
        Assert.That((await client.CancelAsync(card.Id)).Status, Is.EqualTo(IssuingCardStatus.Canceled));
        var logs = await client.Logs.QueryAsync(new IssuingCardLogQueryOptions { CardIds = new[] { card.Id } }).ToListAsync();
        Assert.That(logs, Is.Not.Empty);
        Assert.That((await client.Logs.GetAsync(logs[0].Id)).Card.Id, Is.EqualTo(card.Id));
    }

    private static async Task IssuingCatalogsAsync(InfraEmulator e)
    {
        var client = e.Client;
        Assert.That(await client.IssuingProducts.QueryAsync().ToListAsync(), Is.Not.Empty);
        var design = (await client.IssuingDesigns.QueryAsync().ToListAsync()).Single();
        Assert.That((await client.IssuingDesigns.GetAsync(design.Id)).Name, Is.EqualTo("Stark card"));
        var kit = (await client.IssuingEmbossingKits.QueryAsync(new IssuingEmbossingKitQueryOptions { Limit = 10 }).ToListAsync()).Single();
        Assert.That((await client.IssuingEmbossingKits.GetAsync(kit.Id)).Id, Is.EqualTo(kit.Id));
        Assert.That(await client.MerchantCategories.QueryAsync().ToListAsync(), Is.Not.Empty);
        Assert.That(await client.MerchantCountries.QueryAsync().ToListAsync(), Is.Not.Empty);
        Assert.That(await client.CardMethods.QueryAsync().ToListAsync(), Is.Not.Empty);
        var balance = await client.IssuingBalance.GetAsync();
        Assert.That(balance.Amount, Is.EqualTo(990_000), "GET /v2/issuing-balance: the only item of balances");
        var transaction = (await client.IssuingTransactions.QueryAsync().ToListAsync()).Single();
        Assert.That((await client.IssuingTransactions.GetAsync(transaction.Id)).Amount, Is.EqualTo(-10_000));
    }

    private static async Task IssuingStocksAsync(InfraEmulator e)
    {
        var client = e.Client;
        var stock = (await client.IssuingStocks.QueryAsync().ToListAsync()).Single();
        Assert.That((await client.IssuingStocks.GetAsync(stock.Id, new IssuingStockGetOptions { Expand = new[] { GetIssuingStockExpand.Balance } })).Balance, Is.EqualTo(1000));
        var stockLog = (await client.IssuingStocks.Logs.QueryAsync(new IssuingStockLogQueryOptions { StockIds = new[] { stock.Id } }).ToListAsync()).First();
        Assert.That((await client.IssuingStocks.Logs.GetAsync(stockLog.Id)).Id, Is.EqualTo(stockLog.Id));

        var restock = await client.IssuingRestocks.CreateAsync(new IssuingRestock { Count = 100, StockId = stock.Id });
        Assert.That((await client.IssuingRestocks.GetAsync(restock.Id)).Count, Is.EqualTo(100));
        Assert.That(await client.IssuingRestocks.QueryAsync(new IssuingRestockQueryOptions { StockIds = new[] { stock.Id } }).ToListAsync(), Has.Count.EqualTo(1));
        var log = (await client.IssuingRestocks.Logs.QueryAsync(new IssuingRestockLogQueryOptions { RestockIds = new[] { restock.Id } }).ToListAsync()).First();
        Assert.That((await client.IssuingRestocks.Logs.GetAsync(log.Id)).Restock.Id, Is.EqualTo(restock.Id));
    }

    private static async Task IssuingEmbossingRequestsAsync(InfraEmulator e)
    {
        var client = e.Client.IssuingEmbossingRequests;
        var request = await client.CreateAsync(new IssuingEmbossingRequest
        {
            CardId = "5714424132272128", KitId = "5648359658356736", DisplayName1 = "ANTHONY STARK",
            ShippingCity = "Sao Paulo", ShippingCountryCode = "BRA", ShippingDistrict = "Bela Vista", ShippingStateCode = "SP",
            ShippingStreetLine1 = "Av. Paulista, 200", ShippingStreetLine2 = "10 andar", ShippingService = "loggi",
            ShippingTrackingNumber = "123", ShippingZipCode = "01310-000",
        });
        Assert.That((await client.GetAsync(request.Id)).KitId, Is.EqualTo("5648359658356736"));
        Assert.That(await client.QueryAsync(new IssuingEmbossingRequestQueryOptions { CardIds = new[] { "5714424132272128" } }).ToListAsync(), Has.Count.EqualTo(1));
        var log = (await client.Logs.QueryAsync(new IssuingEmbossingRequestLogQueryOptions { RequestIds = new[] { request.Id } }).ToListAsync()).First();
        Assert.That((await client.Logs.GetAsync(log.Id)).Request.Id, Is.EqualTo(request.Id));
    }

    private static async Task IssuingTokensAsync(InfraEmulator e)
    {
        var client = e.Client;
        var tokenRequest = await client.IssuingTokenRequests.CreateAsync(new IssuingTokenRequest { CardId = "5189831499972623", WalletId = "google", MethodCode = IssuingTokenMethodCode.App });
        Assert.That(tokenRequest.CardId, Is.EqualTo("5189831499972623"));
        var token = (await client.IssuingTokens.QueryAsync(new IssuingTokenQueryOptions { CardIds = new[] { "5189831499972623" } }).ToListAsync()).Single();
        Assert.That((await client.IssuingTokens.GetAsync(token.Id)).WalletId, Is.EqualTo("google"));
        Assert.That((await client.IssuingTokens.UpdateAsync(token.Id, new IssuingTokenUpdate { Status = IssuingTokenStatus.Blocked })).Status, Is.EqualTo(IssuingTokenStatus.Blocked));
        Assert.That((await client.IssuingTokens.CancelAsync(token.Id)).Status, Is.EqualTo(IssuingTokenStatus.Canceled));
        var design = (await client.IssuingTokenDesigns.QueryAsync().ToListAsync()).Single();
        Assert.That((await client.IssuingTokenDesigns.GetAsync(design.Id)).Name, Is.EqualTo("Stark token art"));
        var pdf = await client.IssuingTokenDesigns.GetPdfAsync(design.Id);
        Assert.That(System.Text.Encoding.ASCII.GetString(pdf, 0, 5), Is.EqualTo("%PDF-"));
        await using var stream = await client.IssuingTokenDesigns.GetPdfStreamAsync(design.Id);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.That(copy.ToArray(), Is.EqualTo(pdf));
    }

    private static async Task IssuingPurchasesAsync(InfraEmulator e)
    {
        var client = e.Client.IssuingPurchases;
        var purchase = (await client.QueryAsync(new IssuingPurchaseQueryOptions { Limit = 5 }).ToListAsync()).Single();
        Assert.That((await client.GetAsync(purchase.Id)).Amount, Is.EqualTo(10_000));
        var updated = await client.UpdateAsync(purchase.Id, new IssuingPurchaseUpdate { Description = "Dinner", Tags = new[] { "customer-x", "reimbursement" } });
        Assert.That(updated.Description, Is.EqualTo("Dinner"));
        var log = (await client.Logs.QueryAsync(new IssuingPurchaseLogQueryOptions { PurchaseIds = new[] { purchase.Id } }).ToListAsync()).First();
        Assert.That((await client.Logs.GetAsync(log.Id)).Purchase.Id, Is.EqualTo(purchase.Id));
    }

    private static async Task IssuingMoneyAsync(InfraEmulator e)
    {
        var client = e.Client;
        var invoice = await client.IssuingInvoices.CreateAsync(new IssuingInvoice { Amount = 1000, TaxId = "012.345.678-90", Name = "Tony Stark" });
        Assert.That((await client.IssuingInvoices.GetAsync(invoice.Id)).Amount, Is.EqualTo(1000));
        Assert.That(await client.IssuingInvoices.QueryAsync(new IssuingInvoiceQueryOptions { Limit = 1 }).ToListAsync(), Has.Count.EqualTo(1));
        var invoiceLog = (await client.IssuingInvoices.Logs.QueryAsync().ToListAsync()).First();
        Assert.That((await client.IssuingInvoices.Logs.GetAsync(invoiceLog.Id)).Invoice.Id, Is.EqualTo(invoice.Id));

        var withdrawal = await client.IssuingWithdrawals.CreateAsync(new IssuingWithdrawal { Amount = 500, ExternalId = "withdrawal/1", Description = "Back to the bank" });
        Assert.That((await client.IssuingWithdrawals.GetAsync(withdrawal.Id)).ExternalId, Is.EqualTo("withdrawal/1"));
        Assert.That(await client.IssuingWithdrawals.QueryAsync(new IssuingWithdrawalQueryOptions { ExternalIds = new[] { "withdrawal/1" } }).ToListAsync(), Has.Count.EqualTo(1));
    }

    private static async Task CreditNotesAsync(InfraEmulator e)
    {
        var client = e.Client.CreditNotes;
        var note = await client.CreateAsync(new CreditNote
        {
            TemplateId = "0123456789101112", Name = "Jamie Lannister", TaxId = "012.345.678-90", NominalAmount = 100_000,
            Scheduled = new DateTimeOffset(2030, 5, 7, 0, 0, 0, TimeSpan.Zero),
            Invoices = new[] { new CreditNoteInvoice { Amount = 100_000, Due = new DateTimeOffset(2030, 6, 7, 0, 0, 0, TimeSpan.Zero) } },
            Payment = new CreditNoteTransfer { Name = "Jamie Lannister", TaxId = "012.345.678-90", BankCode = BankCode, BranchCode = "0001", AccountNumber = "10000-0" },
            PaymentType = CreditNotePaymentType.Transfer,
            Signers = new[] { new CreditSigner { Name = "Jamie Lannister", Contact = "jamie.lannister@gmail.com", Method = CreditSignerMethod.Link } },
            ExternalId = "credit-note/1", StreetLine1 = "Av. Paulista, 200", StreetLine2 = "10 andar", District = "Bela Vista",
            City = "Sao Paulo", StateCode = "SP", ZipCode = "01310-000",
        });
        Assert.That((await client.GetAsync(note.Id)).NominalAmount, Is.EqualTo(100_000));
        Assert.That(await client.QueryAsync(new CreditNoteQueryOptions { Ids = new[] { note.Id } }).ToListAsync(), Has.Count.EqualTo(1));
        await client.CancelAsync(note.Id);
        var log = (await client.Logs.QueryAsync(new CreditNoteLogQueryOptions { NoteIds = new[] { note.Id } }).ToListAsync()).First();
        Assert.That((await client.Logs.GetAsync(log.Id)).Note.Id, Is.EqualTo(note.Id));
    }

    private static async Task CreditHolmesAsync(InfraEmulator e)
    {
        var client = e.Client;
        var preview = await client.CreditPreviews.CreateAsync(new CreditPreview
        {
            Type = CreditPreviewType.CreditNote,
            Credit = new CreditNotePreview { Type = CreditNotePreviewType.Price, NominalAmount = 100_000, Scheduled = new DateTimeOffset(2030, 5, 7, 0, 0, 0, TimeSpan.Zero), TaxId = "012.345.678-90", Count = 12 },
        });
        Assert.That(preview.Type, Is.EqualTo(CreditPreviewType.CreditNote));

        var holmes = await client.CreditHolmes.CreateAsync(new CreditHolmes { TaxId = "012.345.678-90", Competence = "2022-09" });
        Assert.That((await client.CreditHolmes.GetAsync(holmes.Id)).TaxId, Is.EqualTo("012.345.678-90"));
        Assert.That(await client.CreditHolmes.QueryAsync(new CreditHolmesQueryOptions { Ids = new[] { holmes.Id } }).ToListAsync(), Has.Count.EqualTo(1));
        var log = (await client.CreditHolmes.Logs.QueryAsync(new CreditHolmesLogQueryOptions { HolmesIds = new[] { holmes.Id } }).ToListAsync()).First();
        Assert.That((await client.CreditHolmes.Logs.GetAsync(log.Id)).Id, Is.EqualTo(log.Id));
    }

    private static async Task IdentityAsync(InfraEmulator e)
    {
        var client = e.Client;
        var identity = await client.IndividualIdentities.CreateAsync(new IndividualIdentity { Name = "Walter White", TaxId = "012.345.678-90" });
        Assert.That((await client.IndividualIdentities.GetAsync(identity.Id)).Name, Is.EqualTo("Walter White"));
        Assert.That(await client.IndividualIdentities.QueryAsync(new IndividualIdentityQueryOptions { Ids = new[] { identity.Id } }).ToListAsync(), Has.Count.EqualTo(1));

        var document = await client.IndividualDocuments.CreateAsync(new IndividualDocument
        {
            Type = IndividualDocumentType.IdentityFront, Content = "data:image/png;base64,iVBORw0KGgo=", IdentityId = identity.Id,
        });
        Assert.That((await client.IndividualDocuments.GetAsync(document.Id)).IdentityId, Is.EqualTo(identity.Id));
        Assert.That(await client.IndividualDocuments.QueryAsync(new IndividualDocumentQueryOptions { Ids = new[] { document.Id } }).ToListAsync(), Has.Count.EqualTo(1));
        var documentLog = (await client.IndividualDocuments.Logs.QueryAsync(new IndividualDocumentLogQueryOptions { DocumentIds = new[] { document.Id } }).ToListAsync()).First();
        Assert.That((await client.IndividualDocuments.Logs.GetAsync(documentLog.Id)).Id, Is.EqualTo(documentLog.Id));

        Assert.That((await client.IndividualIdentities.UpdateAsync(identity.Id, new IndividualIdentityUpdate { Status = IndividualIdentityStatus.Processing })).Status, Is.EqualTo(IndividualIdentityStatus.Processing));
        Assert.That((await client.IndividualIdentities.CancelAsync(identity.Id)).Status, Is.EqualTo(IndividualIdentityStatus.Canceled));
        var log = (await client.IndividualIdentities.Logs.QueryAsync(new IndividualIdentityLogQueryOptions { IdentityIds = new[] { identity.Id } }).ToListAsync()).First();
        Assert.That((await client.IndividualIdentities.Logs.GetAsync(log.Id)).Id, Is.EqualTo(log.Id));
    }

    public static PixRequest NewPixRequest(long amount = 1000) => new()
    {
        Amount = amount, ExternalId = "pix-request/" + Guid.NewGuid().ToString("N"),
        SenderName = "Tony Stark", SenderTaxId = "012.345.678-90", SenderBranchCode = "0000", SenderAccountNumber = "00000-0",
        SenderAccountType = PixRequestAccountType.Checking,
        ReceiverName = "Jamie Lannister", ReceiverTaxId = "45.987.245/0001-92", ReceiverBankCode = "00000001",
        ReceiverBranchCode = "0001", ReceiverAccountNumber = "00000-1", ReceiverAccountType = PixRequestAccountType.Checking,
        EndToEndId = EndToEndId.Create(BankCode), Description = "For saving my life",
    };

    private static async Task PixRequestsAsync(InfraEmulator e)
    {
        var client = e.Client.PixRequests;
        var created = await client.CreateAsync(new[] { NewPixRequest(1000), NewPixRequest(200) });
        Assert.That(created, Has.Count.EqualTo(2));
        Assert.That(created.Select(r => r.EndToEndId), Is.All.Matches<string>(EndToEndId.IsValid));
        var single = await client.CreateAsync(NewPixRequest(300));
        Assert.That((await client.GetAsync(single.Id)).Amount, Is.EqualTo(300));
        var page = await client.PageAsync(new PixRequestQueryOptions { Limit = 2 });
        Assert.That(page.Items, Has.Count.EqualTo(2));
        Assert.That(page.Cursor, Is.Not.Null);
        Assert.That((await client.PageAsync(new PixRequestQueryOptions { Limit = 2 }, page.Cursor)).Items, Has.Count.EqualTo(1));
        Assert.That(await client.QueryAsync(new PixRequestQueryOptions { EndToEndIds = new[] { single.EndToEndId } }).ToListAsync(), Has.Count.EqualTo(1));
        var log = (await client.Logs.QueryAsync(new PixRequestLogQueryOptions { RequestIds = new[] { single.Id } }).ToListAsync()).First();
        Assert.That((await client.Logs.GetAsync(log.Id)).Request.Id, Is.EqualTo(single.Id));
    }

    private static async Task PixReversalsAsync(InfraEmulator e)
    {
        var client = e.Client.PixReversals;
        var reversal = (await client.CreateAsync(new[]
        {
            new PixReversal { Amount = 100, EndToEndId = "E00000000202201060100rzsJzG9PzMg", ExternalId = "reversal/1", Reason = PixReversalReason.BankError },
        })).Single();
        Assert.That((await client.GetAsync(reversal.Id)).Reason, Is.EqualTo(PixReversalReason.BankError));
        Assert.That(await client.QueryAsync(new PixReversalQueryOptions { Limit = 10 }).ToListAsync(), Has.Count.EqualTo(1));
        await e.Emulator.SetStatusAsync("pix-reversal", reversal.Id, "processing");
        var log = (await client.Logs.QueryAsync(new PixReversalLogQueryOptions { ReversalIds = new[] { reversal.Id } }).ToListAsync()).First();
        Assert.That((await client.Logs.GetAsync(log.Id)).Type, Is.EqualTo(PixReversalLogType.Processing));
    }

    private static async Task PixStatementsAsync(InfraEmulator e)
    {
        var client = e.Client;
        var balance = await client.PixBalance.GetAsync();
        Assert.That(balance.Amount, Is.EqualTo(10_000_000), "GET /v2/pix-balance: the only item of balances");

        var day = new DateTimeOffset(2022, 1, 20, 0, 0, 0, TimeSpan.Zero);
        var statement = await client.PixStatements.CreateAsync(new PixStatement { After = day, Before = day, Type = PixStatementType.Transaction });
        Assert.That((await client.PixStatements.GetAsync(statement.Id)).Type, Is.EqualTo(PixStatementType.Transaction));
        Assert.That(await client.PixStatements.QueryAsync(new PixStatementQueryOptions { Limit = 1 }).ToListAsync(), Has.Count.EqualTo(1));
        var csv = await client.PixStatements.GetCsvAsync(statement.Id);
        Assert.That(csv, Is.Not.Empty);
        await using var stream = await client.PixStatements.GetCsvStreamAsync(statement.Id);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.That(copy.ToArray(), Is.EqualTo(csv));
    }

    private static async Task PixKeysAsync(InfraEmulator e)
    {
        var client = e.Client.PixKeys;
        var key = await client.CreateAsync(new PixKey
        {
            Id = "+5511989898989", AccountCreated = new DateTimeOffset(2022, 2, 1, 0, 0, 0, TimeSpan.Zero), AccountNumber = "76543",
            AccountType = PixKeyAccountType.Savings, BranchCode = "1234", Name = "Jamie Lannister", TaxId = "012.345.678-90",
        });
        Assert.That(key.Id, Is.EqualTo("+5511989898989"));
        var found = await client.GetAsync(key.Id!, new PixKeyGetOptions { PayerId = "012.345.678-90", EndToEndId = EndToEndId.Create(BankCode) });
        Assert.That(found.Name, Is.EqualTo("Jamie Lannister"), "the key (with its '+') is escaped in the path");
        Assert.That(await client.QueryAsync(new PixKeyQueryOptions { Ids = new[] { key.Id! } }).ToListAsync(), Has.Count.EqualTo(1));
        Assert.That((await client.UpdateAsync(key.Id!, new PixKeyUpdate { Reason = PixKeyUpdateReason.BranchTransfer, Name = "Jamie Lannister II" })).Name, Is.EqualTo("Jamie Lannister II"));
        await client.CancelAsync(key.Id!);
        var log = (await client.Logs.QueryAsync(new PixKeyLogQueryOptions { KeyIds = new[] { key.Id! } }).ToListAsync()).First();
        Assert.That((await client.Logs.GetAsync(log.Id)).Key.Id, Is.EqualTo(key.Id));
    }

    private static async Task PixClaimsAsync(InfraEmulator e)
    {
        var client = e.Client.PixClaims;
        var claim = await client.CreateAsync(new PixClaim
        {
            AccountCreated = new DateTimeOffset(2022, 2, 1, 0, 0, 0, TimeSpan.Zero), AccountNumber = "76543", AccountType = PixClaimAccountType.Savings,
            BranchCode = "1234", Name = "Random Name", TaxId = "012.345.678-90", KeyId = "+551165857989",
        });
        Assert.That((await client.GetAsync(claim.Id)).KeyId, Is.EqualTo("+551165857989"));
        Assert.That(await client.QueryAsync(new PixClaimQueryOptions { Ids = new[] { claim.Id } }).ToListAsync(), Has.Count.EqualTo(1));
        await client.UpdateAsync(claim.Id, new PixClaimUpdate { Status = PixClaimUpdateStatus.Confirmed });
        var log = (await client.Logs.QueryAsync(new PixClaimLogQueryOptions { ClaimIds = new[] { claim.Id } }).ToListAsync()).First();
        Assert.That((await client.Logs.GetAsync(log.Id)).Claim.Id, Is.EqualTo(claim.Id));
    }

    private static async Task PixDirectorsAsync(InfraEmulator e)
    {
        var director = await e.Client.PixDirectors.CreateAsync(new PixDirector
        {
            Name = "Edward Stark", TaxId = "03.300.300/0001-00", Phone = "+55-11999999999", Email = "ned.stark@company.com",
            Password = "12345678", TeamEmail = "pix.team@company.com", TeamPhones = new[] { "+55-11988889999", "+55-11988889998" },
        });
        Assert.That(director.Name, Is.EqualTo("Edward Stark"));
        Assert.That(await e.Client.PixDomains.QueryAsync().ToListAsync(), Is.Not.Empty);
    }

    private static async Task PixInfractionsAsync(InfraEmulator e)
    {
        var client = e.Client.PixInfractions;
        var infraction = (await client.CreateAsync(new[] { new PixInfraction { ReferenceId = "E20018183202201201450u34sDGd19lz", Type = PixInfractionType.Fraud, Method = PixInfractionMethod.Scam } })).Single();
        Assert.That((await client.GetAsync(infraction.Id)).ReferenceId, Is.EqualTo("E20018183202201201450u34sDGd19lz"));
        Assert.That(await client.QueryAsync(new PixInfractionQueryOptions { Ids = new[] { infraction.Id } }).ToListAsync(), Has.Count.EqualTo(1));
        await client.UpdateAsync(infraction.Id, new PixInfractionUpdate { Result = PixInfractionResult.Agreed });
        await client.CancelAsync(infraction.Id);
        var log = (await client.Logs.QueryAsync(new PixInfractionLogQueryOptions { InfractionIds = new[] { infraction.Id } }).ToListAsync()).First();
        Assert.That((await client.Logs.GetAsync(log.Id)).Infraction.Id, Is.EqualTo(infraction.Id));
    }

    private static async Task PixFraudsAsync(InfraEmulator e)
    {
        var client = e.Client.PixFrauds;
        var fraud = (await client.CreateAsync(new[] { new PixFraud { ExternalId = "fraud/1", Type = PixFraudType.Mule, TaxId = "01234567890" } })).Single();
        Assert.That((await client.GetAsync(fraud.Id)).ExternalId, Is.EqualTo("fraud/1"));
        Assert.That(await client.QueryAsync(new PixFraudQueryOptions { Ids = new[] { fraud.Id } }).ToListAsync(), Has.Count.EqualTo(1));
        await client.CancelAsync(fraud.Id);
        Assert.That((await e.Client.PixUsers.GetAsync("012.345.678-90")).Id, Is.EqualTo("012.345.678-90"));
    }

    private static async Task PixChargebacksAsync(InfraEmulator e)
    {
        var client = e.Client.PixChargebacks;
        var chargeback = (await client.CreateAsync(new[] { new PixChargeback { Amount = 100, ReferenceId = "E20018183202201201450u34sDGd19lz", Reason = PixChargebackReason.Fraud } })).Single();
        Assert.That((await client.GetAsync(chargeback.Id)).Amount, Is.EqualTo(100));
        Assert.That(await client.QueryAsync(new PixChargebackQueryOptions { Ids = new[] { chargeback.Id } }).ToListAsync(), Has.Count.EqualTo(1));
        var returnId = ReturnId.Create(BankCode);
        await client.UpdateAsync(chargeback.Id, new PixChargebackUpdate { Result = PixChargebackResult.Accepted, ReversalReferenceId = returnId });
        await client.CancelAsync(chargeback.Id);
        var log = (await client.Logs.QueryAsync(new PixChargebackLogQueryOptions { ChargebackIds = new[] { chargeback.Id } }).ToListAsync()).First();
        Assert.That((await client.Logs.GetAsync(log.Id)).Chargeback.Id, Is.EqualTo(chargeback.Id));
    }

    private static async Task BrcodesAsync(InfraEmulator e)
    {
        var client = e.Client;
        var staticCode = (await client.StaticBrcodes.CreateAsync(new[] { new StaticBrcode { Name = "Jamie Lannister", KeyId = "+5511988887777", Amount = 100, City = "Rio de Janeiro" } })).Single();
        Assert.That((await client.StaticBrcodes.GetAsync(staticCode.Uuid)).KeyId, Is.EqualTo("+5511988887777"));
        Assert.That(await client.StaticBrcodes.QueryAsync(new StaticBrcodeQueryOptions { Limit = 1 }).ToListAsync(), Has.Count.EqualTo(1));

        var dynamicCode = await client.DynamicBrcodes.CreateAsync(new DynamicBrcode { Name = "Jamie Lannister", City = "Rio de Janeiro", ExternalId = "brcode/1", Type = DynamicBrcodeType.Instant });
        Assert.That((await client.DynamicBrcodes.GetAsync(dynamicCode.Uuid)).ExternalId, Is.EqualTo("brcode/1"));
        Assert.That(await client.DynamicBrcodes.QueryAsync(new DynamicBrcodeQueryOptions { Uuids = new[] { dynamicCode.Uuid } }).ToListAsync(), Has.Count.EqualTo(1));

        var preview = await client.BrcodePreviews.CreateAsync(new BrcodePreview { Id = "00020126580014br.gov.bcb.pix0136a629532e-7693-4846-852d-1bbff817b5a8520400005303986540510.005802BR5908T'Challa6009Sao Paulo62090505123456304B14A", PayerId = "012.345.678-90" });
        Assert.That(preview.PayerId, Is.EqualTo("012.345.678-90"));
    }

    private static async Task WebhooksAsync(InfraEmulator e)
    {
        var client = e.Client;
        var webhook = await client.Webhooks.CreateAsync(new Webhook { Url = "https://webhook.site/60e9c18e-4b5c-4369-bda1-ab5fcd8e1b29", Subscriptions = new[] { EventSubscription.PixKey, EventSubscription.IssuingCard } });
        Assert.That((await client.Webhooks.GetAsync(webhook.Id)).Subscriptions, Does.Contain(EventSubscription.PixKey));
        Assert.That(await client.Webhooks.QueryAsync(new WebhookQueryOptions { Limit = 10 }).ToListAsync(), Has.Count.EqualTo(1));

        // A Pix key's creation log is an event of the pix-key subscription.
        await client.PixKeys.CreateAsync(new PixKey
        {
            AccountCreated = new DateTimeOffset(2022, 2, 1, 0, 0, 0, TimeSpan.Zero), AccountNumber = "76543", AccountType = PixKeyAccountType.Checking,
            BranchCode = "1234", Name = "Jamie Lannister", TaxId = "012.345.678-90",
        });
        var events = await client.Events.QueryAsync(new EventQueryOptions { Limit = 10 }).ToListAsync();
        var pixKeyEvent = events.OfType<PixKeyEvent>().First();
        Assert.That(pixKeyEvent.Log.Key.Name, Is.EqualTo("Jamie Lannister"));
        Assert.That((await client.Events.GetAsync(pixKeyEvent.Id)).Id, Is.EqualTo(pixKeyEvent.Id));
        Assert.That((await client.Events.UpdateAsync(pixKeyEvent.Id, new EventUpdate { IsDelivered = true })).IsDelivered, Is.True);
        await client.Events.DeleteAsync(pixKeyEvent.Id);
        // The emulator refuses to deliver to a host that is not loopback: that failed delivery is an attempt too.
        var attempts = await client.Events.Attempts.QueryAsync(new EventAttemptQueryOptions { Limit = 10 }).ToListAsync();
        var attempt = attempts.First(a => a.Code == "invalidHttpStatus");
        Assert.That((await client.Events.Attempts.GetAsync(attempt.Id)).Message, Is.EqualTo("HTTP POST request returned status 404"));
        Assert.That((await client.Webhooks.DeleteAsync(webhook.Id)).Id, Is.EqualTo(webhook.Id));

        var key = (await client.PublicKeys.QueryAsync(new PublicKeyQueryOptions { Limit = 1 }).ToListAsync()).Single();
        Assert.That(StarkSdk.Core.EcdsaPublicKey.FromPem(key.Content!).ToPem(), Is.EqualTo(StarkSdk.Core.EcdsaPublicKey.FromPem(TestSupport.StarkInfraKeys.PublicPem).ToPem()));
    }

    /// <summary>Each signed callback verified with Stark Infra's key fetched from the emulator's <c>/v2/public-key</c>.</summary>
    private static async Task CallbacksAsync(InfraEmulator e)
    {
        foreach (var callback in Callbacks.All)
        {
            await callback.VerifyAsync(e);
        }
    }
}
