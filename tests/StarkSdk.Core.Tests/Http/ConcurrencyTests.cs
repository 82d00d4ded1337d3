using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using StarkSdk.Core.Tests.Infrastructure;

namespace StarkSdk.Core.Tests.Http;

public class ConcurrencyTests : ServerTest
{
    private sealed class Echo
    {
        public string? AccessId { get; set; }
        public string? Path { get; set; }
        public string? Body { get; set; }
    }

    [Test]
    public async Task AThousandConcurrentSignedRequestsEachGetTheirOwnAnswer()
    {
        var organization = new Organization(StarkEnvironment.Sandbox, "4545", Key.Create().PrivatePem, "1");
        Server.Register(organization);
        Server.Fallback = request => ScriptedResponse.Ok(new JObject
        {
            ["echo"] = new JObject { ["accessId"] = request.AccessId, ["path"] = request.Path + request.QueryString, ["body"] = request.BodyText },
        }.ToString());

        var pipeline = Pipeline();
        var calls = Enumerable.Range(0, 1000).Select(async i =>
        {
            await Task.Yield();
            var user = i % 2 == 0 ? (User)User : organization;
            var request = i % 3 == 0
                ? new ApiRequest(HttpMethod.Post, "echo/" + i) { Body = new { index = i, name = "Conceição " + i } }
                : new ApiRequest(HttpMethod.Get, "echo/" + i);
            request.Query.Add("n", (long?)i);
            var echo = await pipeline.SendAsync<Echo>(request, "echo", new RequestOptions { User = user }, CancellationToken.None);
            return (i, user, echo);
        }).ToList();

        var results = await Task.WhenAll(calls);

        Assert.That(Server.Requests, Has.Count.EqualTo(1000));
        Assert.That(Server.Requests.Count(r => !r.SignatureValid), Is.EqualTo(0), "every signature verified on the server");
        foreach (var (i, user, echo) in results)
        {
            Assert.That(echo.Path, Is.EqualTo($"/v2/echo/{i}?n={i}"));
            Assert.That(echo.AccessId, Is.EqualTo(user.AccessId));
            if (i % 3 == 0)
            {
                Assert.That(echo.Body, Is.EqualTo($"{{\"index\":{i},\"name\":\"Conceição {i}\"}}"));
            }
            else
            {
                Assert.That(echo.Body, Is.Empty);
            }
        }
    }
}
