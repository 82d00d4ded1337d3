using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace StarkSdk.Core.Tests.Signing;

/// <summary>
/// A body-less request signs only <c>accessId:accessTime:</c>, and signatures are deterministic (RFC 6979), so within one
/// second the SDK reuses the user's last such signature. These tests prove the reuse is invisible on the wire: the reused
/// header is byte for byte a fresh signature, it changes with the second, and requests with a body are always signed anew.
/// </summary>
public class EmptyBodySignatureReuseTests
{
    private const string ProjectId = "5656565656565656";

    [Test]
    public async Task Two_GETs_in_one_second_carry_the_signature_a_fresh_signer_computes()
    {
        var keys = Key.Create();
        var clock = new SettableClock(1_700_000_000);
        var (http, inner) = Client(new Project(StarkEnvironment.Sandbox, ProjectId, keys.PrivatePem), clock);

        await http.GetAsync(new Uri("http://127.0.0.1:1/v2/invoice/1"));
        var first = inner.Last!;
        await http.GetAsync(new Uri("http://127.0.0.1:1/v2/boleto?limit=3"));
        var second = inner.Last!;

        // Another user object with the same key has no memo: it signs from scratch.
        var (freshHttp, freshInner) = Client(new Project(StarkEnvironment.Sandbox, ProjectId, keys.PrivatePem), clock);
        await freshHttp.DeleteAsync(new Uri("http://127.0.0.1:1/v2/transfer/2"));

        Assert.Multiple(() =>
        {
            Assert.That(first.Time, Is.EqualTo("1700000000"));
            Assert.That(second.Time, Is.EqualTo(first.Time));
            Assert.That(second.Signature, Is.EqualTo(first.Signature), "reused within the second");
            Assert.That(freshInner.Last!.Signature, Is.EqualTo(first.Signature), "byte for byte what signing again gives");
            Assert.DoesNotThrow(() => SignatureVerifier.Verify("project/" + ProjectId + ":1700000000:", second.Signature, EcdsaPublicKey.FromPem(keys.PublicPem)));
        });
    }

    [Test]
    public async Task The_next_second_gets_a_new_signature_over_the_new_time()
    {
        var keys = Key.Create();
        var clock = new SettableClock(1_700_000_000);
        var (http, inner) = Client(new Project(StarkEnvironment.Sandbox, ProjectId, keys.PrivatePem), clock);

        await http.GetAsync(new Uri("http://127.0.0.1:1/v2/invoice/1"));
        var before = inner.Last!;
        clock.Seconds++;
        await http.GetAsync(new Uri("http://127.0.0.1:1/v2/invoice/1"));
        var after = inner.Last!;

        var key = EcdsaPublicKey.FromPem(keys.PublicPem);
        Assert.Multiple(() =>
        {
            Assert.That(after.Time, Is.EqualTo("1700000001"));
            Assert.That(after.Signature, Is.Not.EqualTo(before.Signature));
            Assert.DoesNotThrow(() => SignatureVerifier.Verify("project/" + ProjectId + ":1700000001:", after.Signature, key));
            Assert.Throws<InvalidSignatureError>(() => SignatureVerifier.Verify("project/" + ProjectId + ":1700000000:", after.Signature, key));
        });
    }

    [Test]
    public async Task Requests_with_a_body_are_always_signed_over_their_own_bytes()
    {
        var keys = Key.Create();
        var clock = new SettableClock(1_700_000_000);
        var (http, inner) = Client(new Project(StarkEnvironment.Sandbox, ProjectId, keys.PrivatePem), clock);

        await http.GetAsync(new Uri("http://127.0.0.1:1/v2/invoice/1"));
        var get = inner.Last!;
        using (var one = new StringContent("{\"a\":1}", Encoding.UTF8, "application/json"))
        {
            await http.PostAsync(new Uri("http://127.0.0.1:1/v2/invoice"), one);
        }

        var postOne = inner.Last!;
        using (var two = new StringContent("{\"a\":2}", Encoding.UTF8, "application/json"))
        {
            await http.PostAsync(new Uri("http://127.0.0.1:1/v2/invoice"), two);
        }

        var postTwo = inner.Last!;
        var key = EcdsaPublicKey.FromPem(keys.PublicPem);
        Assert.Multiple(() =>
        {
            Assert.That(new[] { get.Signature, postOne.Signature, postTwo.Signature }.Distinct().Count(), Is.EqualTo(3));
            Assert.DoesNotThrow(() => SignatureVerifier.Verify("project/" + ProjectId + ":1700000000:{\"a\":1}", postOne.Signature, key));
            Assert.DoesNotThrow(() => SignatureVerifier.Verify("project/" + ProjectId + ":1700000000:{\"a\":2}", postTwo.Signature, key));
        });
    }

    [Test]
    public async Task Users_sharing_a_key_never_share_a_signature()
    {
        var keys = Key.Create();
        var clock = new SettableClock(1_700_000_000);
        var (projectHttp, projectInner) = Client(new Project(StarkEnvironment.Sandbox, ProjectId, keys.PrivatePem), clock);
        var (orgHttp, orgInner) = Client(new Organization(StarkEnvironment.Sandbox, ProjectId, keys.PrivatePem), clock);

        await projectHttp.GetAsync(new Uri("http://127.0.0.1:1/v2/invoice/1"));
        await orgHttp.GetAsync(new Uri("http://127.0.0.1:1/v2/invoice/1"));

        var key = EcdsaPublicKey.FromPem(keys.PublicPem);
        Assert.Multiple(() =>
        {
            Assert.That(orgInner.Last!.Signature, Is.Not.EqualTo(projectInner.Last!.Signature));
            Assert.DoesNotThrow(() => SignatureVerifier.Verify("organization/" + ProjectId + ":1700000000:", orgInner.Last!.Signature, key));
        });
    }

    [Test]
    public async Task Concurrent_GETs_across_seconds_each_carry_a_signature_valid_for_their_own_time()
    {
        var keys = Key.Create();
        var clock = new SettableClock(1_700_000_000);
        var user = new Project(StarkEnvironment.Sandbox, ProjectId, keys.PrivatePem);
        var inner = new CapturingHandler();
        using var http = new HttpClient(new SigningHandler(user, inner, timeProvider: clock));

        // The clock moves while 8 callers sign: whatever memo each one finds, its header pair must agree.
        var tasks = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                if (i % 10 == 0)
                {
                    Interlocked.Increment(ref clock.Seconds);
                }

                await http.GetAsync(new Uri("http://127.0.0.1:1/v2/invoice/1"));
            }
        }));
        await Task.WhenAll(tasks);

        var key = EcdsaPublicKey.FromPem(keys.PublicPem);
        var seen = inner.All.ToArray();
        Assert.That(seen, Has.Length.EqualTo(400));
        foreach (var pair in seen.Distinct())
        {
            Assert.DoesNotThrow(() => SignatureVerifier.Verify("project/" + ProjectId + ":" + pair.Time + ":", pair.Signature, key), pair.Time);
        }
    }

    private static (HttpClient Http, CapturingHandler Inner) Client(User user, TimeProvider clock)
    {
        var inner = new CapturingHandler();
        return (new HttpClient(new SigningHandler(user, inner, timeProvider: clock)), inner);
    }

    private sealed record Signed(string Time, string Signature);

    private sealed class SettableClock(long seconds) : TimeProvider
    {
        public long Seconds = seconds;

        public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeSeconds(Interlocked.Read(ref Seconds));
    }

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public System.Collections.Concurrent.ConcurrentQueue<Signed> All { get; } = new();

        public Signed? Last { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Last = new Signed(request.Headers.GetValues("Access-Time").Single(), request.Headers.GetValues("Access-Signature").Single());
            All.Enqueue(Last);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
