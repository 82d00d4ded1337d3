using System;
using System.Net.Http;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using StarkSdk.Core;

namespace StarkSdk.Emulator.Tests;

public sealed class AuthTests : EmulatorTest
{
    [Test]
    public async Task A_correctly_signed_request_is_served()
    {
        var response = await Client.GetAsync("/v2/balance");

        AssertOk(response);
        Assert.That((string?)response.Body["balances"]![0]!["currency"], Is.EqualTo("BRL"));
    }

    [Test]
    public async Task A_signature_by_another_key_is_rejected_with_invalidSignature()
    {
        Client.Key = PrivateKey.FromPem(Key.Create().PrivatePem);

        var response = await Client.GetAsync("/v2/balance");

        Assert.That((int)response.Status, Is.EqualTo(400));
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "invalidSignature" }));
    }

    [Test]
    public async Task A_signature_of_another_body_is_rejected()
    {
        var time = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signedOther = ProjectKey.Sign($"{ProjectId}:{time}:{{\"invoices\":[]}}");

        var response = await Client.SendAsync(HttpMethod.Post, "/v2/invoice", new JObject { ["invoices"] = new JArray(NewInvoice()) }, time, signedOther);

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "invalidSignature" }));
        Assert.That(Emulator.All("invoice"), Is.Empty, "a rejected request changes nothing");
    }

    [Test]
    public async Task A_garbage_signature_is_rejected()
    {
        var response = await Client.SendAsync(HttpMethod.Get, "/v2/balance", null, signatureOverride: "bm90IGEgc2lnbmF0dXJl");

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "invalidSignature" }));
    }

    [Test]
    public async Task An_unknown_access_id_is_rejected_with_invalidAccessId()
    {
        Client.AccessId = "project/1111111111111111";

        var response = await Client.GetAsync("/v2/balance");

        Assert.That((int)response.Status, Is.EqualTo(400));
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "invalidAccessId" }));
    }

    [Test]
    public async Task A_malformed_access_id_is_rejected()
    {
        Client.AccessId = "user 42";

        var response = await Client.GetAsync("/v2/balance");

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "invalidAccessId" }));
    }

    [Test]
    public async Task A_request_without_signature_headers_is_rejected()
    {
        var response = await Client.SendAsync(HttpMethod.Get, "/v2/balance", null, sign: false);

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "invalidAccessId" }));
    }

    [TestCase(-3600)]
    [TestCase(3600)]
    public async Task An_access_time_far_from_now_is_rejected_with_invalidAccessTime(int offsetSeconds)
    {
        var response = await Client.SendAsync(HttpMethod.Get, "/v2/balance", null, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + offsetSeconds);

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "invalidAccessTime" }));
    }

    [Test]
    public async Task An_access_time_within_the_allowed_skew_is_accepted()
    {
        var response = await Client.SendAsync(HttpMethod.Get, "/v2/balance", null, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60);

        AssertOk(response);
    }

    [Test]
    public async Task A_workspace_access_id_is_verified_with_its_organization_key()
    {
        var organization = Key.Create();
        Emulator.RegisterPublicKey("organization/4545454545454545", organization.PublicPem);
        Client.AccessId = "organization/4545454545454545/workspace/" + Emulator.WorkspaceId;
        Client.Key = PrivateKey.FromPem(organization.PrivatePem);

        AssertOk(await Client.GetAsync("/v2/balance"));
    }

    [Test]
    public async Task Keys_can_be_registered_through_the_admin_route()
    {
        var keys = Key.Create();
        using var admin = new HttpClient { BaseAddress = new Uri(Emulator.BaseUrl) };
        var registered = await EmulatorClient.ReadAsync(await admin.PostAsync("/emulator/keys",
            new StringContent(new JObject { ["accessId"] = "project/777", ["publicKey"] = keys.PublicPem }.ToString(), System.Text.Encoding.UTF8, "application/json")));
        AssertOk(registered);
        Client.AccessId = "project/777";
        Client.Key = PrivateKey.FromPem(keys.PrivatePem);

        AssertOk(await Client.GetAsync("/v2/balance"));
    }

    [Test]
    public async Task The_admin_route_rejects_a_malformed_key()
    {
        using var admin = new HttpClient { BaseAddress = new Uri(Emulator.BaseUrl) };
        var response = await EmulatorClient.ReadAsync(await admin.PostAsync("/emulator/keys",
            new StringContent("{\"accessId\":\"project/1\",\"publicKey\":\"not a pem\"}", System.Text.Encoding.UTF8, "application/json")));

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "invalidKey" }));
    }

    [Test]
    public async Task A_public_route_needs_no_signature_but_checks_one_when_sent()
    {
        var boleto = await CreateBoletoAsync();
        var path = $"/v2/boleto/{boleto["id"]}/pdf";

        var anonymous = await Client.SendAsync(HttpMethod.Get, path, null, sign: false);
        Client.Key = PrivateKey.FromPem(Key.Create().PrivatePem);
        var badlySigned = await Client.GetAsync(path);

        Assert.That(anonymous.ContentType, Is.EqualTo("application/pdf"));
        Assert.That(badlySigned.ErrorCodes, Is.EqualTo(new[] { "invalidSignature" }));
    }
}

public sealed class NoAuthTests : EmulatorTest
{
    internal override EmulatorOptions CreateOptions() => new() { RequireSignatures = false };

    [Test]
    public async Task Signatures_can_be_turned_off()
    {
        var response = await Client.SendAsync(HttpMethod.Get, "/v2/balance", null, sign: false);

        AssertOk(response);
    }
}
