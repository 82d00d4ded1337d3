using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using StarkSdk.Emulator.Spec;
using StarkSdk.Core;

namespace StarkSdk.Infra.Tests;

/// <summary>
/// The signed callbacks (<c>client.PixRequests.ParseAsync</c>, ...) with real signatures: content signed by the key
/// acting as Stark Infra's, whose public half the SDK fetches from the emulator's <c>/v2/public-key</c>. Anything not
/// signed by that key, or not the expected JSON, is an <see cref="InvalidSignatureError"/>.
/// </summary>
public class CallbackTests
{
    private InfraEmulator _emulator = null!;

    public static IEnumerable<TestCaseData> Cases() => Callbacks.All.Select(c => new TestCaseData(c.OperationId).SetArgDisplayNames(c.OperationId));

    public static IEnumerable<TestCaseData> BodyCases() => Callbacks.All.Where(c => c.OperationId != "receiveDynamicBrcodeRead").Select(c => new TestCaseData(c.OperationId).SetArgDisplayNames(c.OperationId));

    [SetUp]
    public async Task Start() => _emulator = await InfraEmulator.StartAsync();

    [TearDown]
    public async Task Stop() => await _emulator.DisposeAsync();

    private static CallbackCase Case(string operationId) => Callbacks.All.Single(c => c.OperationId == operationId);

    private Task<object> Parse(CallbackCase callback, string content, string? signature) => callback.Parse(_emulator.Client, content, signature);

    [TestCaseSource(nameof(Cases))]
    public async Task AGenuineCallbackIsVerifiedAndParsed(string operationId) => await Case(operationId).VerifyAsync(_emulator);

    [TestCaseSource(nameof(Cases))]
    public void ATamperedCallbackIsRejected(string operationId)
    {
        var callback = Case(operationId);
        var signature = TestSupport.SignAsStarkInfra(callback.Content);
        var tampered = callback.Content.Length > 40
            ? callback.Content.Replace("5", "6", StringComparison.Ordinal)
            : callback.Content + "0";
        Assert.That(tampered, Is.Not.EqualTo(callback.Content));
        var error = Assert.ThrowsAsync<InvalidSignatureError>(() => Parse(callback, tampered, signature))!;
        Assert.That(error.Message, Does.Contain("does not match"));
    }

    [TestCaseSource(nameof(Cases))]
    public void ASignatureByAnotherKeyIsRejected(string operationId)
    {
        var callback = Case(operationId);
        var forger = PrivateKey.FromPem(Key.Create().PrivatePem);
        Assert.ThrowsAsync<InvalidSignatureError>(() => Parse(callback, callback.Content, forger.Sign(callback.Content)));
    }

    [TestCaseSource(nameof(Cases))]
    public void AMissingEmptyOrMalformedSignatureIsRejectedWithoutFetchingTheKey(string operationId)
    {
        var callback = Case(operationId);
        foreach (var signature in new[] { null, "", "   ", "not base64!", Convert.ToBase64String(new byte[] { 1, 2, 3 }) })
        {
            Assert.ThrowsAsync<InvalidSignatureError>(() => Parse(callback, callback.Content, signature), signature ?? "null");
        }

        Assert.That(_emulator.Calls.Requests, Is.Empty, "no key is fetched for a signature no key could verify");
    }

    [TestCaseSource(nameof(BodyCases))]
    public void ASignedBodyThatIsNotTheExpectedJsonIsRejected(string operationId)
    {
        var callback = Case(operationId);
        foreach (var content in new[] { "not json", "", "[1, 2]", "{\"amount\": \"a lot\"" })
        {
            var error = Assert.ThrowsAsync<InvalidSignatureError>(() => Parse(callback, content, TestSupport.SignAsStarkInfra(content)), content)!;
            Assert.That(error.Message, Does.Contain("signed content"), content);
        }
    }

    [Test]
    public void AnEventWithoutItsEnvelopeIsRejected()
    {
        var content = JObject.Parse(Callbacks.EventJson)["event"]!.ToString();
        var error = Assert.ThrowsAsync<InvalidSignatureError>(() => _emulator.Client.Events.ParseAsync(content, TestSupport.SignAsStarkInfra(content)))!;
        Assert.That(error.Message, Is.EqualTo("The signed content has no 'event'."));
    }

    [Test]
    public void ANullContentIsAnArgumentError()
    {
        Assert.That(() => _emulator.Client.PixRequests.ParseAsync(null!, "signature"), Throws.ArgumentNullException);
        Assert.That(() => _emulator.Client.DynamicBrcodes.VerifyAsync(null!, "signature"), Throws.ArgumentNullException);
    }

    [Test]
    public async Task ThePublicKeyIsFetchedOnceWithLimitOneAndCached()
    {
        foreach (var callback in Callbacks.All)
        {
            await callback.VerifyAsync(_emulator);
            await callback.VerifyAsync(_emulator);
        }

        var fetches = _emulator.Calls.Requests.Where(r => r.Path == "/v2/public-key").ToList();
        Assert.That(fetches, Has.Count.EqualTo(1));
        Assert.That(fetches[0].Status, Is.EqualTo(200));
    }

    [Test]
    public async Task ABadSignatureCausesAtMostOneRefetchOfTheKey()
    {
        var callback = Case("receivePixRequestAuthorization");
        await callback.VerifyAsync(_emulator);
        var forger = PrivateKey.FromPem(Key.Create().PrivatePem);
        for (var i = 0; i < 5; i++)
        {
            Assert.ThrowsAsync<InvalidSignatureError>(() => Parse(callback, callback.Content, forger.Sign(callback.Content)));
        }

        Assert.That(_emulator.Calls.Requests.Count(r => r.Path == "/v2/public-key"), Is.EqualTo(2), "the first fetch, and one refresh in case the key rotated");
    }

    [TestCaseSource(nameof(BodyCases))]
    public void TheSampleCallbacksMatchTheSpec(string operationId)
    {
        // What these tests sign is what the spec says Stark Infra sends (its requestBody schema, read-only fields allowed).
        var callback = Case(operationId);
        var spec = TestSupport.Spec;
        var operation = (JObject)((JObject)spec.Root["webhooks"]!).Properties()
            .Select(p => (JObject)p.Value).SelectMany(item => item.Properties().Select(p => p.Value)).OfType<JObject>()
            .Single(op => (string?)op["operationId"] == operationId);
        var schema = spec.Deref(operation["requestBody"]!)["content"]!["application/json"]!["schema"]!;
        var problems = new SchemaValidator(spec, rejectUnknownProperties: true).ValidateOutput(JToken.Parse(callback.Content), schema);
        Assert.That(problems.Select(p => p.Message), Is.Empty);
    }
}
