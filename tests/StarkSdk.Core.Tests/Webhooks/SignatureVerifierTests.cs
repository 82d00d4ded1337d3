using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using StarkSdk.Core.Tests.Infrastructure;

namespace StarkSdk.Core.Tests.Webhooks;

public class SignatureVerifierTests : ServerTest
{
    private const string Content = "{\"event\":{\"id\":\"5\",\"subscription\":\"invoice\",\"log\":{\"invoice\":{\"name\":\"Jo\u00e3o\",\"amount\":100}}}}";

    private PrivateKey _apiKey = null!;

    [SetUp]
    public void ServePublicKey()
    {
        _apiKey = PrivateKey.FromPem(Key.Create().PrivatePem);
        Server.Fallback = request => request.Path == "/v2/public-key"
            ? ScriptedResponse.Ok(new JObject
            {
                ["cursor"] = null,
                ["publicKeys"] = new JArray(new JObject { ["content"] = _apiKey.PublicKey.ToPem(), ["created"] = "2020-03-27T03:31:00+00:00" }),
            }.ToString())
            : new ScriptedResponse { Status = 404 };
    }

    private int KeyFetches => Server.Requests.Count(r => r.Path == "/v2/public-key");

    [Test]
    public async Task AcceptsAGenuineSignatureAndCachesTheKey()
    {
        var pipeline = Pipeline();
        var verifier = pipeline.Verifier;
        await verifier.VerifyAsync(Content, _apiKey.Sign(Content));
        await pipeline.Verifier.VerifyAsync(Content, _apiKey.Sign(Content));
        Assert.That(KeyFetches, Is.EqualTo(1), "cached by the root client's one verifier");
        var fetch = Server.Requests.First();
        Assert.That(fetch.Query("limit"), Is.EqualTo("1"));
        Assert.That(fetch.SignatureValid, Is.True, "the key fetch is a signed request");
    }

    [Test]
    public async Task RejectsTamperedContent()
    {
        var verifier = Pipeline().Verifier;
        var signature = _apiKey.Sign(Content);
        Assert.ThrowsAsync<InvalidSignatureError>(() => verifier.VerifyAsync(Content.Replace("100", "900"), signature));
        await verifier.VerifyAsync(Content, signature);
    }

    [Test]
    public void RejectsASignatureFromAnotherKeyAfterOneRefetch()
    {
        var forger = PrivateKey.FromPem(Key.Create().PrivatePem);
        var verifier = Pipeline().Verifier;
        var error = Assert.ThrowsAsync<InvalidSignatureError>(() => verifier.VerifyAsync(Content, forger.Sign(Content)))!;
        Assert.That(error.Message, Does.Contain("does not match"));
        Assert.That(KeyFetches, Is.EqualTo(2), "fetched, then fetched again once");
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("not-base64!!")]
    [TestCase("AAAA")]
    [TestCase("MEUCIQDyCVh9ka0Xp6WiJ9H3G0+NmrZ8o7b0a8i7Gtq3W9sVrwIgN0P5wZk=")]
    public void RejectsMalformedSignaturesWithoutAnyNetworkCall(string? signature)
    {
        var verifier = Pipeline().Verifier;
        Assert.ThrowsAsync<InvalidSignatureError>(() => verifier.VerifyAsync(Content, signature!));
        Assert.That(Server.Requests, Is.Empty);
    }

    [Test]
    public async Task SurvivesKeyRotationWithASingleRefetch()
    {
        var verifier = Pipeline().Verifier;
        await verifier.VerifyAsync(Content, _apiKey.Sign(Content));
        _apiKey = PrivateKey.FromPem(Key.Create().PrivatePem);
        await verifier.VerifyAsync(Content, _apiKey.Sign(Content));
        Assert.That(KeyFetches, Is.EqualTo(2));
        await verifier.VerifyAsync(Content, _apiKey.Sign(Content));
        Assert.That(KeyFetches, Is.EqualTo(2), "the rotated key is cached");
    }

    [Test]
    public async Task AFloodOfForgeriesCannotMakeItHammerTheApi()
    {
        var pipeline = Pipeline();
        var verifier = pipeline.Verifier;
        var forger = PrivateKey.FromPem(Key.Create().PrivatePem);
        await verifier.VerifyAsync(Content, _apiKey.Sign(Content));
        var forged = Enumerable.Range(0, 20).Select(i => verifier.VerifyAsync(Content + i, forger.Sign(Content + i)));
        foreach (var attempt in forged)
        {
            Assert.ThrowsAsync<InvalidSignatureError>(() => attempt);
        }

        Assert.That(KeyFetches, Is.EqualTo(2), "one refetch, then the cooldown holds");

        verifier.Keys.TimeProvider = new LaterClock(TimeSpan.FromMinutes(5));
        _apiKey = PrivateKey.FromPem(Key.Create().PrivatePem);
        await verifier.VerifyAsync(Content, _apiKey.Sign(Content));
        Assert.That(KeyFetches, Is.EqualTo(3), "after the cooldown a rotation is picked up again");
    }

    [Test]
    public async Task ParseAsyncVerifiesThenReads()
    {
        var verifier = Pipeline().Verifier;
        var parsed = await verifier.ParseAsync<JObject>(Content, _apiKey.Sign(Content), "event");
        Assert.That((string?)parsed["id"], Is.EqualTo("5"));
        Assert.ThrowsAsync<InvalidSignatureError>(() => verifier.ParseAsync<JObject>(Content, _apiKey.Sign(Content + " "), "event"));
    }

    [TestCase("not json at all")]
    [TestCase("{\"event\":")]
    [TestCase("[1,2]")]
    [TestCase("{\"other\":{}}")]
    public void ParseAsyncTurnsAGenuineButNonJsonBodyIntoInvalidSignatureError(string body)
    {
        var verifier = Pipeline().Verifier;
        Assert.ThrowsAsync<InvalidSignatureError>(() => verifier.ParseAsync<JObject>(body, _apiKey.Sign(body), "event"));
    }

    [Test]
    public async Task VerifiesRawBytes()
    {
        var bytes = Encoding.UTF8.GetBytes(Content);
        await Pipeline().Verifier.VerifyAsync(bytes, _apiKey.Sign(bytes));
    }

    [Test]
    public void StaticVerifyUsesAGivenKeyWithoutNetwork()
    {
        SignatureVerifier.Verify(Content, _apiKey.Sign(Content), _apiKey.PublicKey);
        Assert.Throws<InvalidSignatureError>(() => SignatureVerifier.Verify(Content + "x", _apiKey.Sign(Content), _apiKey.PublicKey));
        Assert.Throws<InvalidSignatureError>(() => SignatureVerifier.Verify(Content, "", _apiKey.PublicKey));
        Assert.Throws<InvalidSignatureError>(() => SignatureVerifier.Verify(Content, "%%%", _apiKey.PublicKey));
        Assert.That(Server.Requests, Is.Empty);
    }

    [Test]
    public void AnUnusablePublicKeyFromTheApiIsUnknownError()
    {
        Server.Fallback = _ => ScriptedResponse.Ok("{\"publicKeys\":[{\"content\":\"garbage\"}]}");
        Assert.ThrowsAsync<UnknownError>(() => Pipeline().Verifier.VerifyAsync(Content, _apiKey.Sign(Content)));
        Server.Fallback = _ => ScriptedResponse.Ok("{\"publicKeys\":[]}");
        Assert.ThrowsAsync<UnknownError>(() => Pipeline().Verifier.VerifyAsync(Content, _apiKey.Sign(Content)));
    }

    private sealed class LaterClock(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + ahead;
    }
}
