using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using StarkSdk.Infra;

namespace StarkSdk.AspNetCore.Tests;

/// <summary>
/// <c>MapStarkInfraAuthorization</c> through real HTTP: callbacks signed with the key the emulator serves as Stark
/// Infra's, verified by the endpoint with the client's cached public key, answered by the handler or, past the
/// deadline or on failure, with the spec's documented safe default.
/// </summary>
public sealed class StarkInfraAuthorizationTests
{
    private StarkInfraEmulator _infra = null!;

    [OneTimeSetUp]
    public async Task StartEmulator() => _infra = await StarkInfraEmulator.StartAsync();

    [OneTimeTearDown]
    public async Task StopEmulator() => await _infra.DisposeAsync();

    private Task<LoopbackApp> StartAsync(Action<WebApplication> map) => LoopbackApp.StartAsync(map, s => s.AddSingleton(_infra.Client));

    [Test]
    public async Task A_Pix_request_is_verified_and_answered_with_the_handlers_decision()
    {
        PixRequest? seen = null;
        await using var app = await StartAsync(a => a.MapStarkInfraAuthorization<PixRequest>("/pix/requests", (request, ct) =>
        {
            seen = request;
            return PixRequestAuthorizationResponse.Approve();
        }));

        var (status, body) = await app.PostAsync("/pix/requests", InfraBodies.PixRequest, StarkInfraEmulator.Sign(InfraBodies.PixRequest));

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body, Is.EqualTo("""{"authorization":{"status":"approved"}}"""));
            Assert.That(seen?.Amount, Is.EqualTo(1000));
            Assert.That(seen?.EndToEndId, Is.EqualTo("E00000000202201060100rzsJzG9PzMg"));
        });
    }

    [Test]
    public async Task A_tampered_callback_gets_400_and_never_reaches_the_handler()
    {
        var called = false;
        await using var app = await StartAsync(a => a.MapStarkInfraAuthorization<PixRequest>("/pix/requests", (request, ct) =>
        {
            called = true;
            return PixRequestAuthorizationResponse.Approve();
        }));
        var signature = StarkInfraEmulator.Sign(InfraBodies.PixRequest);

        var (status, body) = await app.PostAsync("/pix/requests", InfraBodies.PixRequest.Replace("\"amount\": 1000", "\"amount\": 9000", StringComparison.Ordinal), signature);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body, Is.Empty);
            Assert.That(called, Is.False);
        });
    }

    [Test]
    public async Task A_handler_slower_than_the_deadline_gets_the_documented_denial_and_its_token_fires()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await StartAsync(a =>
        {
            a.MapStarkInfraAuthorization<PixRequest>("/warm", (request, ct) => PixRequestAuthorizationResponse.Approve());
            a.MapStarkInfraAuthorization<PixRequest>("/pix/requests", async (request, ct) =>
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                    cancelled.TrySetResult();
                    throw;
                }

                return PixRequestAuthorizationResponse.Approve();
            });
        });
        var signature = StarkInfraEmulator.Sign(InfraBodies.PixRequest);
        await app.PostAsync("/warm", InfraBodies.PixRequest, signature); // fetches and caches Stark Infra's public key

        var watch = Stopwatch.StartNew();
        var (status, body) = await app.PostAsync("/pix/requests", InfraBodies.PixRequest, signature);
        watch.Stop();
        var warm = Stopwatch.StartNew();
        var second = await app.PostAsync("/pix/requests", InfraBodies.PixRequest, signature);
        warm.Stop();
        // Reported, not asserted (timing depends on the machine): the target is the deadline + 100 ms.
        TestContext.Out.WriteLine($"Answered after {watch.ElapsedMilliseconds} ms, then {warm.ElapsedMilliseconds} ms (deadline 1000 ms).");

        Assert.Multiple(async () =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body, Is.EqualTo(StarkInfraCallbacks.PixRequestAuthorization.SafeDefaultAnswerJson));
            Assert.That(body, Is.EqualTo("""{"authorization":{"status":"denied","reason":"orderRejected"}}"""));
            Assert.That(second, Is.EqualTo((HttpStatusCode.OK, body)));
            Assert.That(await Task.WhenAny(cancelled.Task, Task.Delay(TimeSpan.FromSeconds(10))), Is.SameAs(cancelled.Task), "the handler's token fired");
            // No wall-clock assertion: the handler never ends on its own, so an answer at all shows the endpoint did not wait for it.
            Assert.That(app.Logs.Entries.Select(e => e.Message), Has.Some.Contain("did not answer within 1000 ms"));
        });
    }

    [Test]
    public async Task A_shorter_deadline_can_be_set_and_a_throwing_handler_also_gets_the_denial()
    {
        await using var app = await StartAsync(a =>
        {
            a.MapStarkInfraAuthorization<PixRequest>("/slow", async (request, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                return PixRequestAuthorizationResponse.Approve();
            }).WithDeadline(TimeSpan.FromMilliseconds(300));
            a.MapStarkInfraAuthorization<PixRequest>("/throws", (request, ct) => throw new InvalidOperationException("rules engine down"));
        });
        var signature = StarkInfraEmulator.Sign(InfraBodies.PixRequest);

        var slow = await app.PostAsync("/slow", InfraBodies.PixRequest, signature);
        var throws = await app.PostAsync("/throws", InfraBodies.PixRequest, signature);

        var denied = StarkInfraCallbacks.PixRequestAuthorization.SafeDefaultAnswerJson;
        Assert.Multiple(() =>
        {
            Assert.That(slow, Is.EqualTo((HttpStatusCode.OK, denied)));
            Assert.That(throws, Is.EqualTo((HttpStatusCode.OK, denied)));
            Assert.That(app.Logs.Entries.Select(e => e.Message), Has.Some.Contain("did not answer within 300 ms"));
            Assert.That(app.Logs.Entries.Select(e => e.Message), Has.Some.Contain("the handler threw"));
        });
    }

    [Test]
    public async Task Card_purchases_and_tokens_are_answered_through_the_typed_overloads()
    {
        await using var app = await StartAsync(a =>
        {
            a.MapStarkInfraAuthorization<IssuingPurchaseAuthorizationRequest, IssuingPurchaseAuthorizationResponse>("/purchases", (request, ct) => IssuingPurchaseAuthorizationResponse.Approve(request.Amount ?? 0));
            a.MapStarkInfraAuthorization<IssuingTokenAuthorizationRequest, IssuingTokenAuthorizationResponse>("/tokens", async (request, ct) =>
            {
                await Task.Yield();
                return IssuingTokenAuthorizationResponse.Deny("other");
            });
        });

        var purchase = await app.PostAsync("/purchases", InfraBodies.IssuingPurchase, StarkInfraEmulator.Sign(InfraBodies.IssuingPurchase));
        var token = await app.PostAsync("/tokens", InfraBodies.Token, StarkInfraEmulator.Sign(InfraBodies.Token));

        Assert.Multiple(() =>
        {
            Assert.That(purchase, Is.EqualTo((HttpStatusCode.OK, """{"authorization":{"status":"approved","amount":10000}}""")));
            Assert.That(token, Is.EqualTo((HttpStatusCode.OK, """{"authorization":{"status":"denied","reason":"other"}}""")));
        });
    }

    [Test]
    public void A_request_type_of_no_or_of_several_authorizations_is_refused_when_mapping()
    {
        var app = WebApplication.CreateSlimBuilder().Build();

        Assert.Multiple(() =>
        {
            var ambiguous = Assert.Throws<ArgumentException>(() => app.MapStarkInfraAuthorization<IssuingTokenAuthorizationRequest>("/t", (r, ct) => IssuingTokenActivationResponse.Approve()));
            Assert.That(ambiguous!.Message, Does.Contain("IssuingTokenActivationAuthorization").And.Contain("name the answer type"));
            var none = Assert.Throws<ArgumentException>(() => app.MapStarkInfraAuthorization<IssuingCard>("/c", (r, ct) => new object()));
            Assert.That(none!.Message, Does.Contain("No Stark Infra authorization takes a IssuingCard").And.Contain("PixRequest -> PixRequestAuthorizationResponse"));
        });
    }

    [Test]
    public async Task Stark_Infra_webhook_events_reach_their_typed_handler()
    {
        var keys = new List<string>();
        await using var app = await StartAsync(a => a.MapStarkInfraWebhook("/stark-infra/events").On<PixKeyEvent>((e, ct) => keys.Add(e.Log.Key.Id)));

        var first = await app.PostAsync("/stark-infra/events", InfraBodies.PixKeyEvent, StarkInfraEmulator.Sign(InfraBodies.PixKeyEvent));
        var again = await app.PostAsync("/stark-infra/events", InfraBodies.PixKeyEvent, StarkInfraEmulator.Sign(InfraBodies.PixKeyEvent));

        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(again.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(keys, Is.EqualTo(new[] { "+5511989898989" }));
        });
    }
}
