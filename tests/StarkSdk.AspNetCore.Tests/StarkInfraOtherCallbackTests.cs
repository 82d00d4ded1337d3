using System.Net;
using System.Net.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using StarkSdk.Infra;

namespace StarkSdk.AspNetCore.Tests;

/// <summary>The Stark Infra callbacks that are not authorizations: the token activation notice and the BR code read.</summary>
public sealed class StarkInfraOtherCallbackTests
{
    private const string Activation = """{"cardId": "5189831499972623", "tokenId": "5749080709922816", "tags": ["token"], "activationMethod": {"type": "text", "value": "** *****-5678"}}""";
    private const string Uuid = "ac7caa14e601461dbd6b12bf7e4cc48e";
    private StarkInfraEmulator _infra = null!;

    [OneTimeSetUp]
    public async Task StartEmulator() => _infra = await StarkInfraEmulator.StartAsync();

    [OneTimeTearDown]
    public async Task StopEmulator() => await _infra.DisposeAsync();

    [Test]
    public async Task A_token_activation_notice_is_verified_and_handled_and_a_failing_handler_gets_500()
    {
        var tokens = new List<string?>();
        await using var app = await LoopbackApp.StartAsync(a =>
        {
            a.MapStarkInfraNotification<IssuingTokenActivation>("/activations", (notice, ct) =>
            {
                tokens.Add(notice.TokenId);
                return Task.CompletedTask;
            }, _infra.Client);
            a.MapStarkInfraNotification<IssuingTokenActivation>("/failing", (notice, ct) => throw new InvalidOperationException("sms gateway down"), _infra.Client);
        });
        var signature = StarkInfraEmulator.Sign(Activation);

        var ok = await app.PostAsync("/activations", Activation, signature);
        var tampered = await app.PostAsync("/activations", Activation.Replace("5678", "0000", StringComparison.Ordinal), signature);
        var failing = await app.PostAsync("/failing", Activation, signature);

        Assert.Multiple(() =>
        {
            Assert.That(ok.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(tampered.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(failing.Status, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(tokens, Is.EqualTo(new[] { "5749080709922816" }));
            Assert.Throws<ArgumentException>(() => WebApplication.CreateSlimBuilder().Build().MapStarkInfraNotification<PixRequest>("/x", (n, ct) => Task.CompletedTask, _infra.Client));
        });
    }

    [Test]
    public async Task A_BR_code_read_gets_the_handlers_data_and_an_incomplete_answer_gets_503()
    {
        await using var app = await LoopbackApp.StartAsync(
            a =>
            {
                a.MapStarkInfraDynamicBrcodeRead("/brcodes", (uuid, ct) => Task.FromResult<object>(new DynamicBrcodeInstantResponse
                {
                    Version = 1, Created = new DateTimeOffset(2022, 6, 8, 18, 20, 3, TimeSpan.Zero), KeyId = "+5511989898989",
                    Status = DynamicBrcodeReadStatus.Created, ReconciliationId = uuid, Amount = 1234,
                }));
                a.MapStarkInfraDynamicBrcodeRead("/incomplete", (uuid, ct) => Task.FromResult<object>(new DynamicBrcodeInstantResponse
                {
                    // Every required member, but a cash amount without the cashier fields it needs: ToJson refuses it.
                    Version = 1, Created = new DateTimeOffset(2022, 6, 8, 18, 20, 3, TimeSpan.Zero), KeyId = "+5511989898989",
                    Status = DynamicBrcodeReadStatus.Created, ReconciliationId = "cd65c78aeb6543eaaa0170f68bd741ee", Amount = 1234, CashAmount = 1000,
                }));
            },
            s => s.AddSingleton(_infra.Client));

        var read = await GetAsync(app, "/brcodes?uuid=" + Uuid, StarkInfraEmulator.Sign(Uuid));
        var forged = await GetAsync(app, "/brcodes?uuid=other", StarkInfraEmulator.Sign(Uuid));
        var incomplete = await GetAsync(app, "/incomplete?uuid=" + Uuid, StarkInfraEmulator.Sign(Uuid));

        Assert.Multiple(() =>
        {
            Assert.That(read.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(read.Body, Does.Contain("\"reconciliationId\":\"" + Uuid + "\"").And.Contain("\"amount\":1234"));
            Assert.That(forged.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(incomplete, Is.EqualTo((HttpStatusCode.ServiceUnavailable, "")));
        });
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(LoopbackApp app, string path, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, app.Url + path);
        request.Headers.TryAddWithoutValidation("Digital-Signature", signature);
        using var response = await LoopbackApp.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
