using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using StarkSdk.Core.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace StarkSdk.Core.Tests.Http;

/// <summary>
/// Faults injected by WireMock.Net through real sockets: resets, cuts mid-body, hangs and 5xx. Safe calls are retried, each
/// attempt signed afresh; unsafe calls are sent exactly once whatever happens.
/// </summary>
public class FaultTests : ServerTest
{
    private const string Body = "{\"x\":42,\"padding\":\"" + "abcdefghij" + "abcdefghij" + "abcdefghij" + "abcdefghij" + "abcdefghij" + "\"}";

    public enum Fault
    {
        Reset,
        CutMidBody,
        Hang,
        Status503,
    }

    private StarkClientOptions Options()
    {
        var options = TestData.Options(Server, User);
        options.TimeProvider = new TestClock();
        options.AttemptTimeout = TimeSpan.FromMilliseconds(500);
        options.Timeout = TimeSpan.FromMinutes(1);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        return options;
    }

    /// <summary>
    /// The first call gets the fault, later ones a clean answer. The sequence comes from the script, decided on arrival: a
    /// WireMock scenario moves on only after its answer is written, so a quick retry could still see the old state.
    /// </summary>
    private void FaultOnce(string method, Fault fault)
    {
        Server.Enqueue(Scripted(fault));
        Server.Enqueue(ScriptedResponse.Ok(Body));
    }

    /// <summary>The fault as a scripted answer of <see cref="MockApi"/> (WireMock fault types, delays).</summary>
    internal static ScriptedResponse Scripted(Fault fault, string body = Body) => fault switch
    {
        // WireMock.Net 1.25 answers 200 with an empty body: what a reset looks like on a close-delimited response.
        Fault.Reset => new ScriptedResponse { Fault = FaultType.EMPTY_RESPONSE, Json = body },
        // Half the body, then garbage: a body cut and garbled on its way (the transport-level cut is in TruncatedBodyTests).
        Fault.CutMidBody => new ScriptedResponse { Fault = FaultType.MALFORMED_RESPONSE_CHUNK, Json = body },
        Fault.Hang => new ScriptedResponse { Hang = true },
        _ => new ScriptedResponse { Status = 503 },
    };

    /// <summary>The fault as a WireMock response for a mapping that always answers with it.</summary>
    internal static IResponseBuilder Faulty(Fault fault) => fault switch
    {
        Fault.Reset => Response.Create().WithFault(FaultType.EMPTY_RESPONSE),
        Fault.CutMidBody => Response.Create().WithHeader("Content-Type", "application/json").WithBody(Body).WithFault(FaultType.MALFORMED_RESPONSE_CHUNK),
        Fault.Hang => Response.Create().WithBody(Body).WithDelay(TimeSpan.FromSeconds(30)),
        _ => Response.Create().WithStatusCode(503),
    };

    [TestCase(Fault.Reset)]
    [TestCase(Fault.CutMidBody)]
    [TestCase(Fault.Hang)]
    [TestCase(Fault.Status503)]
    public async Task AGetIsRetriedWithAFreshSignature(Fault fault)
    {
        FaultOnce("GET", fault);
        var value = await Pipeline(Options()).SendAsync<int>(new ApiRequest(HttpMethod.Get, "x"), "x", null, CancellationToken.None);

        Assert.That(value, Is.EqualTo(42));
        var requests = Server.Requests;
        Assert.That(Server.Arrivals, Is.EqualTo(2));
        Assert.That(requests.All(r => r.SignatureValid), Is.True, "every attempt is signed");
        if (fault == Fault.Hang)
        {
            return; // the hung attempt is logged only when the server gives up on it
        }

        Assert.That(requests[1].Header("Access-Time"), Is.Not.EqualTo(requests[0].Header("Access-Time")));
        Assert.That(requests[1].Header("Access-Signature"), Is.Not.EqualTo(requests[0].Header("Access-Signature")));
    }

    [Test]
    public async Task ABinaryDownloadIsRetriedOnAResetToo()
    {
        FaultOnce("GET", Fault.Status503);
        var bytes = await Pipeline(Options()).GetBytesAsync(new ApiRequest(HttpMethod.Get, "x"), null, CancellationToken.None);
        Assert.That(System.Text.Encoding.UTF8.GetString(bytes), Is.EqualTo(Body));
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void AFaultOutlastingTheRetriesIsATypedError()
    {
        Server.Server.Given(Request.Create().WithPath("/v2/x").UsingGet()).RespondWith(Faulty(Fault.CutMidBody));
        var options = Options();
        options.Retry.MaxRetries = 2;
        var error = Assert.ThrowsAsync<UnknownError>(() => Pipeline(options).SendAsync<int>(new ApiRequest(HttpMethod.Get, "x"), "x", null, CancellationToken.None))!;
        Assert.That(error.Message, Does.StartWith("GET /v2/x → 200: the response is not the expected JSON"));
        Assert.That(Server.Requests, Has.Count.EqualTo(3));
    }

    [Test]
    public void TheOverallDeadlineStopsRetryingHungAttempts()
    {
        Server.Fallback = _ => new ScriptedResponse { Hang = true };
        var options = Options();
        options.AttemptTimeout = TimeSpan.FromMilliseconds(200);
        options.Timeout = TimeSpan.FromMilliseconds(700);
        options.Retry.MaxRetries = 100;
        var error = Assert.ThrowsAsync<UnknownError>(() => Pipeline(options).SendAsync<int>(new ApiRequest(HttpMethod.Get, "x"), "x", null, CancellationToken.None))!;
        Assert.That(error.Message, Does.Contain("timed out"));
        Assert.That(Server.Arrivals, Is.InRange(2, 100), "hung attempts were retried until the deadline");
    }

    [Test]
    public void AnAttemptTimeoutWithoutRetriesIsATimeoutError()
    {
        Server.Fallback = _ => new ScriptedResponse { Hang = true };
        var options = Options();
        options.AttemptTimeout = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxRetries = 0;
        var error = Assert.ThrowsAsync<UnknownError>(() => Pipeline(options).SendAsync<int>(new ApiRequest(HttpMethod.Get, "x"), "x", null, CancellationToken.None))!;
        Assert.That(error.Message, Does.Contain("timed out after 0.2 s"));
    }

    [Test]
    public void UnsafeCallsAreSentExactlyOnceWhateverTheFault(
        [Values("POST", "PATCH", "PUT", "DELETE")] string method,
        [Values(Fault.Reset, Fault.CutMidBody, Fault.Hang, Fault.Status503)] Fault fault)
    {
        FaultOnce(method, fault);
        var request = new ApiRequest(new HttpMethod(method), "x") { Body = method == "DELETE" ? null : new { amount = 100 } };
        Assert.ThrowsAsync<UnknownError>(() => Pipeline(Options()).SendAsync<int>(request, "x", null, CancellationToken.None));
        if (fault == Fault.Hang)
        {
            Assert.That(Server.Arrivals, Is.EqualTo(1), "a second attempt could move money twice");
            return;
        }

        var requests = Server.Requests;
        Assert.That(requests, Has.Count.EqualTo(1), "a second attempt could move money twice");
        Assert.That(requests[0].SignatureValid, Is.True);
    }

    [Test]
    public async Task TooManyRequestsWaitsForRetryAfter()
    {
        Server.Enqueue(new ScriptedResponse { Status = 429, Headers = { ["Retry-After"] = "2" } });
        Server.Enqueue(ScriptedResponse.Ok(Body));
        var options = Options();
        var clock = (TestClock)options.TimeProvider!;
        Assert.That(await Pipeline(options).SendAsync<int>(new ApiRequest(HttpMethod.Get, "x"), "x", null, CancellationToken.None), Is.EqualTo(42));
        Assert.That(clock.Waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(2) }));
    }
}
