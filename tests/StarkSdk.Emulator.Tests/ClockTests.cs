using System;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using StarkSdk.Emulator.Engine;

namespace StarkSdk.Emulator.Tests;

/// <summary>A fake clock moves the emulator's time without waiting.</summary>
public sealed class ClockTests : EmulatorTest
{
    private ManualClock _clock = null!;

    // NUnit reuses the fixture instance across its tests: a new clock per test keeps them independent.
    internal override EmulatorOptions CreateOptions()
    {
        _clock = new ManualClock(new DateTimeOffset(2030, 1, 15, 12, 0, 0, TimeSpan.Zero));
        return new EmulatorOptions { TimeProvider = _clock };
    }

    [SetUp]
    public void UseTheFakeClock() => Client.Now = _clock.GetUtcNow;

    [Test]
    public async Task Entity_dates_come_from_the_emulator_clock()
    {
        var invoice = await CreateInvoiceAsync();

        Assert.That((string?)invoice["created"], Is.EqualTo("2030-01-15T12:00:00.000000+00:00"));
        Assert.That((string?)invoice["due"], Is.EqualTo("2030-01-17T12:00:00.000000+00:00"));
    }

    [Test]
    public async Task Access_time_is_checked_against_the_emulator_clock()
    {
        var stale = await Client.SendAsync(System.Net.Http.HttpMethod.Get, "/v2/balance", null, DateTimeOffset.UtcNow.ToUnixTimeSeconds());

        Assert.That(stale.ErrorCodes, Is.EqualTo(new[] { "invalidAccessTime" }));
    }

    [Test]
    public async Task An_expired_merchant_session_takes_no_purchase()
    {
        var session = await Client.PostAsync("/v2/merchant-session", new JObject
        {
            ["allowedFundingTypes"] = new JArray("credit"),
            ["allowedInstallments"] = new JArray(new JObject { ["totalAmount"] = 100, ["count"] = 1 }),
            ["expiration"] = 60,
            ["challengeMode"] = "disabled",
        });
        _clock.Advance(TimeSpan.FromMinutes(2));

        var purchase = await Client.PostAsync($"/v2/merchant-session/{session.Body["session"]!["uuid"]}/purchase", new JObject
        {
            ["amount"] = 100, ["cardExpiration"] = "2035-01", ["cardNumber"] = "4242424242424242", ["cardSecurityCode"] = "123",
            ["fundingType"] = "credit", ["holderName"] = "Jon Snow",
        });

        Assert.That(purchase.ErrorCodes, Is.EqualTo(new[] { "invalidMerchantSessionStatus" }));
    }

    [Test]
    public async Task An_expired_dynamic_brcode_cannot_be_paid()
    {
        var created = await Client.PostAsync("/v2/dynamic-brcode", new JObject { ["brcodes"] = new JArray(new JObject { ["amount"] = 100, ["expiration"] = 600 }) });
        var uuid = (string)created.Body["brcodes"]![0]!["uuid"]!;
        _clock.Advance(TimeSpan.FromHours(1));

        var error = Assert.ThrowsAsync<ApiException>(() => Emulator.PayDynamicBrcodeAsync(uuid));

        Assert.That(error!.Errors[0].Code, Is.EqualTo("invalidDynamicBrcodeStatus"));
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now;

        public ManualClock(DateTimeOffset start) => _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
