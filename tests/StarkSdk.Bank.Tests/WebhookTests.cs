using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json;
using NUnit.Framework;
using StarkSdk.Core;

namespace StarkSdk.Bank.Tests;

/// <summary><c>client.Events.ParseAsync</c>: generated from the spec's <c>webhooks: event</c> callback (x-stark-callback) over the runtime's signature verifier.</summary>
public class WebhookTests
{
    private const string Content = """
        {"event": {"id": "1", "created": "2023-06-15T20:00:01.000000+00:00", "isDelivered": false, "subscription": "transfer", "workspaceId": "2",
          "log": {"id": "3", "type": "success", "errors": [], "created": "2023-06-15T20:00:00.000000+00:00"}}}
        """;

    [Test]
    public async Task ParseVerifiesTheSignatureAndReturnsTheTypedEvent()
    {
        // The "API's" public key is the test key's: the fake answers GET public-key with it.
        var key = PrivateKey.FromPem(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestKeys", "test-private.pem")));
        var publicKeys = JsonConvert.SerializeObject(new { publicKeys = new[] { new { content = key.PublicKey.ToPem() } } });
        var (client, handler) = TestSupport.Client((_, _) => TestSupport.Json(publicKeys));

        var @event = await client.Events.ParseAsync(Content, key.Sign(Content));

        Assert.That(@event, Is.InstanceOf<TransferEvent>());
        Assert.That(((TransferEvent)@event).Log.Type, Is.EqualTo(TransferLogType.Success));
        Assert.That(handler.Requests.Single().Request.RequestUri!.AbsolutePath, Is.EqualTo("/v2/public-key"));
    }

    [Test]
    public void ATamperedContentIsRejected()
    {
        var key = PrivateKey.FromPem(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestKeys", "test-private.pem")));
        var publicKeys = JsonConvert.SerializeObject(new { publicKeys = new[] { new { content = key.PublicKey.ToPem() } } });
        var (client, _) = TestSupport.Client((_, _) => TestSupport.Json(publicKeys));

        Assert.ThrowsAsync<InvalidSignatureError>(() => client.Events.ParseAsync(Content.Replace("success", "failed"), key.Sign(Content)));
    }
}
