using System;
using System.Collections.Generic;
using System.Linq;

namespace StarkSdk.E2E.Tests.Infrastructure;

/// <summary>Valid inputs for every creating operation (the docs' samples, with test data).</summary>
internal static class Samples
{
    public const string CpfTaxId = "012.345.678-90";
    public const string CnpjTaxId = "20.018.183/0001-80";

    public static Invoice Invoice(long amount = 10_000, params string[] tags) => new()
    {
        Amount = amount,
        Name = "Arya Stark",
        TaxId = CpfTaxId,
        Fine = 2.5m,
        Interest = 1.3m,
        Tags = tags.ToList(),
        Descriptions = new List<InvoiceDescription> { new() { Key = "Product", Value = "Needle" } },
    };

    public static Boleto Boleto(long amount = 40_000) => new()
    {
        Amount = amount,
        Name = "Iron Bank S.A.",
        TaxId = CnpjTaxId,
        StreetLine1 = "Av. Faria Lima, 1844",
        StreetLine2 = "CJ 13",
        District = "Itaim Bibi",
        City = "Sao Paulo",
        StateCode = "SP",
        ZipCode = "01500-000",
        Tags = new List<string> { "war supply" },
    };

    public static Transfer Transfer(long amount = 10_000, string? externalId = null) => new()
    {
        Amount = amount,
        Name = "Daenerys Targaryen Stormborn",
        TaxId = "594.739.480-42",
        BankCode = "20018183",
        BranchCode = "2201",
        AccountNumber = "10000-0",
        AccountType = TransferAccountType.Checking,
        ExternalId = externalId ?? "e2e-" + Guid.NewGuid().ToString("N"),
        Tags = new List<string> { "daenerys" },
    };

    public static SplitReceiver SplitReceiver() => new()
    {
        Name = "Daenerys Targaryen Stormborn",
        TaxId = "594.739.480-42",
        BankCode = "665",
        BranchCode = "2201",
        AccountNumber = "76543-8",
        AccountType = SplitReceiverAccountType.Salary,
        Tags = new List<string> { "dragons" },
    };

    public static MerchantSession MerchantSession(MerchantSessionChallengeMode? challenge = null) => new()
    {
        AllowedFundingTypes = new List<MerchantCardFundingType> { MerchantCardFundingType.Credit, MerchantCardFundingType.Debit },
        AllowedInstallments = new List<MerchantSessionAllowedInstallment>
        {
            new() { TotalAmount = 5_000, Count = 1 },
            new() { TotalAmount = 5_500, Count = 2 },
        },
        Expiration = 3600,
        ChallengeMode = challenge ?? MerchantSessionChallengeMode.Disabled,
        Tags = new List<string> { "session" },
    };

    public static MerchantSessionPurchase SessionPurchase(string cardNumber = "4242424242424242", long amount = 5_500, int installments = 2) => new()
    {
        Amount = amount,
        InstallmentCount = installments,
        CardExpiration = "2035-01",
        CardNumber = cardNumber,
        CardSecurityCode = "123",
        HolderName = "Rhaenyra Targaryen",
        HolderEmail = "rhaenyra.targaryen@example.com",
        HolderPhone = "11985923451",
        FundingType = MerchantCardFundingType.Credit,
        BillingCountryCode = "BRA",
        BillingCity = "Sao Paulo",
        BillingStateCode = "SP",
        BillingStreetLine1 = "Rua Casterly Rock, 2000",
        BillingStreetLine2 = "1 andar",
        BillingZipCode = "01450-000",
        Metadata = new Dictionary<string, object?> { ["userAgent"] = "Mozilla", ["userIp"] = "127.0.0.1", ["language"] = "pt-BR" },
    };

    public static InvoicePullSubscription PullSubscription() => new()
    {
        Type = InvoicePullSubscriptionType.Push,
        Start = new DateTimeOffset(2030, 9, 14, 0, 0, 0, TimeSpan.Zero),
        End = new DateTimeOffset(2031, 9, 14, 0, 0, 0, TimeSpan.Zero),
        Interval = InvoicePullSubscriptionInterval.Month,
        PullMode = InvoicePullSubscriptionPullMode.Manual,
        PullRetryLimit = 3,
        Amount = 0,
        AmountMinLimit = 5_000,
        DisplayDescription = "Dragon Travel Fare",
        ExternalId = "e2e-" + Guid.NewGuid().ToString("N"),
        ReferenceCode = "contract-12345",
        Name = "John Snow",
        TaxId = CpfTaxId,
        Tags = new List<string> { "travel" },
    };

    public static DarfPayment DarfPayment() => new()
    {
        Description = "take my money",
        Tags = new List<string> { "darf" },
        Competence = new DateTimeOffset(2030, 3, 1, 0, 0, 0, TimeSpan.Zero),
        Due = new DateTimeOffset(2030, 5, 12, 0, 0, 0, TimeSpan.Zero),
        FineAmount = 12,
        InterestAmount = 34,
        NominalAmount = 1_234,
        ReferenceNumber = "2340978970",
        RevenueCode = "1240",
        TaxId = "12.345.678/0001-95",
    };

    /// <summary>A utility (concessionaire) bill line from the docs.</summary>
    public const string UtilityLine = "83640000001 1 07540138007 0 61053026111 0 08067159411 9";

    /// <summary>A tax (DAS/ISS-style) bar code from the docs.</summary>
    public const string TaxBarCode = "81660000005003657010074119002551100010601813";
}
