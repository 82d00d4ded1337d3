using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using StarkSdk.Core.Tests.Infrastructure;

namespace StarkSdk.Core.Tests.Signing;

public class SigningTests : ServerTest
{
    private sealed class Payload
    {
        public string? Name { get; set; }
        public long Amount { get; set; }
        public string? Note { get; set; }
    }

    [Test]
    public async Task GetIsSignedOverAnEmptyBodyWithAllHeaders()
    {
        Server.Enqueue(ScriptedResponse.Ok("{\"balance\":{\"amount\":5}}"));
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        await Pipeline().SendAsync<Dictionary<string, long>>(new ApiRequest(HttpMethod.Get, "balance"), "balance", null, CancellationToken.None);
        var after = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var request = Server.Single();
        Assert.That(request.SignatureValid, Is.True);
        Assert.That(request.Path, Is.EqualTo("/v2/balance"));
        Assert.That(request.AccessId, Is.EqualTo("project/5656565656565656"));
        Assert.That(long.Parse(request.Header("Access-Time")!), Is.InRange(before, after));
        Assert.That(request.Header("User-Agent"), Does.Match(@"^StarkTest-DotNet/9\.8\.7 \(\.NET 10\.0\.\d+.*\)$"));
        Assert.That(request.Header("Content-Type"), Is.Null);
        Assert.That(request.Header("Accept-Language"), Is.Null);
        Assert.That(request.Body, Is.Empty);
    }

    [Test]
    public async Task SignedBytesAreExactlyTheSentBytesIncludingNonAscii()
    {
        Server.Enqueue(ScriptedResponse.Ok("{\"payloads\":[]}"));
        var body = new JsonEnvelope("payloads", new[] { new Payload { Name = "João Ñandú 🚀 日本", Amount = 100, Note = "\u00e7\u00e3\"quoted\"\n" } });
        await Pipeline().SendAsync<List<Payload>>(new ApiRequest(HttpMethod.Post, "payload") { Body = body }, "payloads", null, CancellationToken.None);

        var request = Server.Single();
        Assert.That(request.SignatureValid, Is.True, "the server verified the signature over the bytes it received");
        Assert.That(request.BodyText, Is.EqualTo("{\"payloads\":[{\"name\":\"João Ñandú 🚀 日本\",\"amount\":100,\"note\":\"çã\\\"quoted\\\"\\n\"}]}"));
        Assert.That(request.Body, Is.EqualTo(Encoding.UTF8.GetBytes(request.BodyText)), "UTF-8 without BOM");
        Assert.That(request.Header("Content-Type"), Is.EqualTo("application/json"));
    }

    [Test]
    public async Task EveryAttemptIsSignedAfreshWithANewAccessTime()
    {
        var options = TestData.Options(Server, User);
        options.TimeProvider = new TestClock();
        Server.Enqueue(new ScriptedResponse { Status = 503 });
        Server.Enqueue(ScriptedResponse.Ok("{\"x\":1}"));
        await Pipeline(options).SendAsync<int>(new ApiRequest(HttpMethod.Get, "x"), "x", null, CancellationToken.None);

        var requests = Server.Requests.ToArray();
        Assert.That(requests, Has.Length.EqualTo(2));
        Assert.That(requests.All(r => r.SignatureValid), Is.True);
        Assert.That(requests[1].Header("Access-Time"), Is.Not.EqualTo(requests[0].Header("Access-Time")));
        Assert.That(requests[1].Header("Access-Signature"), Is.Not.EqualTo(requests[0].Header("Access-Signature")));
    }

    [TestCase("pt-BR")]
    [TestCase("es-ES")]
    [TestCase("en-US")]
    public async Task SendsAcceptLanguageWhenSet(string language)
    {
        var options = TestData.Options(Server, User);
        options.Language = language;
        await Pipeline(options).SendRawAsync(new ApiRequest(HttpMethod.Get, "x"), null, CancellationToken.None);
        Assert.That(Server.Single().Header("Accept-Language"), Is.EqualTo(language));
    }

    [Test]
    public async Task PerCallLanguageWinsAndUnknownLanguagesAreRejected()
    {
        await Pipeline().SendRawAsync(new ApiRequest(HttpMethod.Get, "x"), new RequestOptions { Language = "pt-BR" }, CancellationToken.None);
        Assert.That(Server.Single().Header("Accept-Language"), Is.EqualTo("pt-BR"));
        Assert.ThrowsAsync<ArgumentException>(() => Pipeline().SendRawAsync(new ApiRequest(HttpMethod.Get, "x"), new RequestOptions { Language = "fr-FR" }, CancellationToken.None));
    }

    [Test]
    public async Task PerCallUserWinsOverTheClientUser()
    {
        var organization = new Organization(StarkEnvironment.Sandbox, "4545", Key.Create().PrivatePem);
        var workspace = organization.ForWorkspace("777");
        Server.Register(workspace);
        await Pipeline().SendRawAsync(new ApiRequest(HttpMethod.Get, "x"), new RequestOptions { User = workspace }, CancellationToken.None);
        var request = Server.Single();
        Assert.That(request.AccessId, Is.EqualTo("organization/4545/workspace/777"));
        Assert.That(request.SignatureValid, Is.True);
    }

    [Test]
    public void NoUserAnywhereIsAClearError()
    {
        var options = TestData.Options(Server);
        options.User = null;
        var ex = Assert.ThrowsAsync<InvalidOperationException>(() => Pipeline(options).SendRawAsync(new ApiRequest(HttpMethod.Get, "x"), null, CancellationToken.None))!;
        Assert.That(ex.Message, Does.Contain("StarkClientOptions.User"));
        Assert.That(Server.Requests, Is.Empty);
    }

    [Test]
    public void AnUnregisteredKeyIsRejectedByTheServer()
    {
        var stranger = new Project(StarkEnvironment.Sandbox, "5656565656565656", Key.Create().PrivatePem);
        var error = Assert.ThrowsAsync<UnknownError>(() => Pipeline().SendRawAsync(new ApiRequest(HttpMethod.Get, "x"), new RequestOptions { User = stranger }, CancellationToken.None))!;
        Assert.That(error.StatusCode, Is.EqualTo(401));
        Assert.That(Server.Single().SignatureValid, Is.False, "the loopback server really checks signatures");
    }
}
