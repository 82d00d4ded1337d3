using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using StarkSdk.Core.Tests.Infrastructure;
using StarkSdk.Core.Tests.Json;

namespace StarkSdk.Core.Tests.Raw;

public class RawRequestsTests : ServerTest
{
    [Test]
    public async Task GetSendsTheQueryAndReturnsStatusHeadersContentAndJson()
    {
        Server.Enqueue(new ScriptedResponse { Json = "{\"invoices\":[{\"amount\":1.5}],\"cursor\":null}", Headers = { ["X-Custom"] = "yes" } });
        var query = new Dictionary<string, object?>
        {
            ["limit"] = 10,
            ["after"] = new DateTime(2020, 1, 2),
            ["fields"] = new[] { "amount", "id" },
            ["status"] = Color.Red,
            ["flag"] = false,
            ["skipped"] = null,
        };
        var response = await new RawRequests(Pipeline()).GetAsync("/invoice/", query);
        var request = Server.Single();
        Assert.That(request.Path, Is.EqualTo("/v2/invoice"));
        Assert.That(request.QueryString, Is.EqualTo("?limit=10&after=2020-01-02&fields=amount%2Cid&status=red&flag=false"));
        Assert.That(request.SignatureValid, Is.True);
        Assert.That(response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Headers["x-custom"], Is.EqualTo(new[] { "yes" }));
        Assert.That(response.Headers["Content-Type"][0], Does.StartWith("application/json"));
        Assert.That(response.Content, Does.Contain("invoices"));
        Assert.That(response.Json!["invoices"]![0]!["amount"]!.Value<decimal>(), Is.EqualTo(1.5m));
    }

    [Test]
    public async Task PostSendsObjectsStringsAndTokensSignedAsTheyAre()
    {
        var raw = new RawRequests(Pipeline());
        await raw.PostAsync("invoice", new { invoices = new[] { new { amount = 100, name = "Ção" } } });
        await raw.PostAsync("invoice", "{ \"invoices\" : [ ] }");
        await raw.PostAsync("invoice", JObject.Parse("{\"a\": [1, 2]}"));
        var requests = new List<RecordedRequest>(Server.Requests);
        Assert.That(requests.ConvertAll(r => r.BodyText), Is.EqualTo(new[]
        {
            "{\"invoices\":[{\"amount\":100,\"name\":\"Ção\"}]}",
            "{ \"invoices\" : [ ] }",
            "{\"a\":[1,2]}",
        }));
        Assert.That(requests.TrueForAll(r => r.SignatureValid && r.Method == "POST"), Is.True);
    }

    [Test]
    public async Task PatchPutAndDeleteUseTheirMethods()
    {
        var raw = new RawRequests(Pipeline());
        await raw.PatchAsync("invoice/1", new { status = "canceled" });
        await raw.PutAsync("profile", new { name = "x" });
        await raw.DeleteAsync("transfer/1");
        var requests = new List<RecordedRequest>(Server.Requests);
        Assert.That(requests.ConvertAll(r => r.Method + " " + r.Path), Is.EqualTo(new[] { "PATCH /v2/invoice/1", "PUT /v2/profile", "DELETE /v2/transfer/1" }));
        Assert.That(requests[2].Body, Is.Empty);
        Assert.That(requests.TrueForAll(r => r.SignatureValid), Is.True);
    }

    [Test]
    public void NonSuccessStatusesThrowTheTypedErrors()
    {
        Server.Enqueue(ScriptedResponse.Status400("{\"errors\":[{\"code\":\"invalidJson\",\"message\":\"bad\"}]}"));
        var error = Assert.ThrowsAsync<InputErrors>(() => new RawRequests(Pipeline()).PostAsync("invoice", "{"))!;
        Assert.That(error.Message, Does.StartWith("POST /v2/invoice → 400"));
    }

    [Test]
    public async Task NonJsonBodiesAreKeptAsTextAndBytes()
    {
        Server.Enqueue(new ScriptedResponse { Bytes = new byte[] { 0x25, 0x50, 0x44, 0x46 }, ContentType = "application/pdf" });
        var response = await new RawRequests(Pipeline()).GetAsync("invoice/1/pdf");
        Assert.That(response.Json, Is.Null);
        Assert.That(response.GetBytes(), Is.EqualTo(new byte[] { 0x25, 0x50, 0x44, 0x46 }));
        Assert.That(response.Content, Is.EqualTo("%PDF"));
    }

    [Test]
    public void UnsafePathsAreRejected()
    {
        var raw = new RawRequests(Pipeline());
        Assert.ThrowsAsync<ArgumentException>(() => raw.GetAsync("invoice/../transfer"));
        Assert.ThrowsAsync<ArgumentException>(() => raw.GetAsync("https://evil.example/v2/x"));
        Assert.That(Server.Requests, Is.Empty);
    }
}
