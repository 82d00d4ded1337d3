using System;
using System.Threading.Tasks;
using NUnit.Framework;
using StarkSdk.Core;

namespace StarkSdk.Emulator.Tests;

/// <summary><see cref="EmulatorAdminClient"/> drives an emulator over HTTP, as a test does with a standalone <c>stark-emulator</c>.</summary>
public sealed class AdminClientTests : EmulatorTest
{
    [Test]
    public async Task A_key_registered_over_http_signs_requests_and_an_invoice_is_paid_over_http()
    {
        using var admin = new EmulatorAdminClient(new Uri(Emulator.BaseUrl));
        var keys = Key.Create();
        await admin.RegisterPublicKeyAsync("project/1212121212121212", keys.PublicPem);
        using var client = new EmulatorClient(Emulator.BaseUrl, "project/1212121212121212", PrivateKey.FromPem(keys.PrivatePem));

        var created = await client.PostAsync("/v2/invoice", new Newtonsoft.Json.Linq.JObject { ["invoices"] = new Newtonsoft.Json.Linq.JArray(NewInvoice(2500)) });
        AssertOk(created);
        var id = (string)created.Body["invoices"]![0]!["id"]!;

        Assert.That(await admin.PayInvoiceAsync(id), Is.EqualTo("paid"));
        Assert.That(Emulator.Find("invoice", id)?.Status, Is.EqualTo("paid"));

        var again = Assert.ThrowsAsync<EmulatorAdminException>(() => admin.PayInvoiceAsync(id));
        Assert.That((again!.StatusCode, again.Code), Is.EqualTo((400, "invalidInvoiceStatus")));

        await admin.ResetAsync();
        Assert.That(Emulator.All("invoice"), Is.Empty);
    }

    [Test]
    public void A_malformed_key_is_refused_with_its_code()
    {
        using var admin = new EmulatorAdminClient(new Uri(Emulator.BaseUrl));
        var error = Assert.ThrowsAsync<EmulatorAdminException>(() => admin.RegisterPublicKeyAsync("project/1", "not a pem"));
        Assert.That(error!.Code, Is.EqualTo("invalidKey"));
    }
}
