using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using StarkSdk.Core.Tests.Infrastructure;

namespace StarkSdk.Core.Tests.Paging;

public class PagingTests : ServerTest
{
    public sealed class Item
    {
        public string? Id { get; set; }
    }

    /// <summary>Serves <paramref name="total"/> items; the cursor is the offset. Pads pages with unrelated properties around the items.</summary>
    private void ServeItems(int total, int? ignoreLimitAndServe = null)
    {
        Server.Fallback = request =>
        {
            var offset = int.Parse(request.Query("cursor") ?? "0", CultureInfo.InvariantCulture);
            var limit = ignoreLimitAndServe ?? int.Parse(request.Query("limit") ?? "100", CultureInfo.InvariantCulture);
            var items = Enumerable.Range(offset, Math.Max(0, Math.Min(limit, total - offset))).Select(i => new JObject { ["id"] = i.ToString(CultureInfo.InvariantCulture), ["junk"] = new JArray(1, 2) });
            var next = offset + limit < total ? (offset + limit).ToString(CultureInfo.InvariantCulture) : null;
            var page = new JObject
            {
                ["before"] = new JObject { ["nested"] = new JArray(new JObject { ["items"] = "decoy" }) },
                ["items"] = new JArray(items),
                ["cursor"] = next,
                ["after"] = "tail",
            };
            return ScriptedResponse.Ok(page.ToString());
        };
    }

    private static ApiRequest Query()
    {
        var request = new ApiRequest(HttpMethod.Get, "item");
        request.Query.Add("status", "paid");
        return request;
    }

    private static async Task<List<string>> Collect(IAsyncEnumerable<Item> items)
    {
        var ids = new List<string>();
        await foreach (var item in items)
        {
            ids.Add(item.Id!);
        }

        return ids;
    }

    [Test]
    public async Task FollowsCursorsUntilTheEndWithoutDuplicatesOrGaps()
    {
        ServeItems(250);
        var ids = await Collect(Pipeline().QueryAsync<Item>(Query(), "items", null, null, CancellationToken.None));
        Assert.That(ids, Is.EqualTo(Enumerable.Range(0, 250).Select(i => i.ToString(CultureInfo.InvariantCulture))));
        var requests = Server.Requests.ToArray();
        Assert.That(requests.Select(r => r.Query("limit")), Is.EqualTo(new[] { "100", "100", "100" }));
        Assert.That(requests.Select(r => r.Query("cursor")), Is.EqualTo(new[] { null, "100", "200" }));
        Assert.That(requests.Select(r => r.Query("status")), Is.All.EqualTo("paid"), "filters are kept on every page");
        Assert.That(requests.All(r => r.SignatureValid), Is.True);
    }

    [Test]
    public async Task StopsAtTheLimitAndAsksOnlyForWhatIsLeft()
    {
        ServeItems(1000);
        var ids = await Collect(Pipeline().QueryAsync<Item>(Query(), "items", 150, null, CancellationToken.None));
        Assert.That(ids, Has.Count.EqualTo(150));
        Assert.That(ids.Distinct().Count(), Is.EqualTo(150));
        Assert.That(Server.Requests.Select(r => r.Query("limit")), Is.EqualTo(new[] { "100", "50" }));
    }

    [Test]
    public async Task ALimitOfExactlyOnePageMakesOneRequest()
    {
        ServeItems(1000);
        Assert.That(await Collect(Pipeline().QueryAsync<Item>(Query(), "items", 100, null, CancellationToken.None)), Has.Count.EqualTo(100));
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ALimitOfZeroMakesNoRequest()
    {
        ServeItems(10);
        Assert.That(await Collect(Pipeline().QueryAsync<Item>(Query(), "items", 0, null, CancellationToken.None)), Is.Empty);
        Assert.That(Server.Requests, Is.Empty);
        Assert.Throws<ArgumentOutOfRangeException>(() => Pipeline().QueryAsync<Item>(Query(), "items", -1, null, CancellationToken.None));
    }

    [Test]
    public async Task NeverYieldsMoreThanTheLimitEvenIfTheServerSendsMore()
    {
        ServeItems(1000, ignoreLimitAndServe: 100);
        Assert.That(await Collect(Pipeline().QueryAsync<Item>(Query(), "items", 30, null, CancellationToken.None)), Has.Count.EqualTo(30));
        Assert.That(Server.Requests.Single().Query("limit"), Is.EqualTo("30"));
    }

    [Test]
    public async Task IsLazy()
    {
        ServeItems(1000);
        var items = Pipeline().QueryAsync<Item>(Query(), "items", null, null, CancellationToken.None);
        Assert.That(Server.Requests, Is.Empty, "nothing is fetched before enumeration");
        await foreach (var _ in items)
        {
            break;
        }

        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void TheSameCursorTwiceStopsWithAnError()
    {
        Server.Fallback = _ => ScriptedResponse.Ok("{\"items\":[{\"id\":\"1\"}],\"cursor\":\"same\"}");
        var error = Assert.ThrowsAsync<UnknownError>(() => Collect(Pipeline().QueryAsync<Item>(Query(), "items", null, null, CancellationToken.None)))!;
        Assert.That(error.Message, Does.Contain("same cursor"));
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task AnEmptyCursorMeansTheLastPage()
    {
        // invoice-pull-request lists end with "cursor": "" rather than null.
        Server.Enqueue(ScriptedResponse.Ok("{\"items\":[{\"id\":\"1\"}],\"cursor\":\"next\"}"));
        Server.Enqueue(ScriptedResponse.Ok("{\"items\":[{\"id\":\"2\"}],\"cursor\":\"\"}"));
        Assert.That(await Collect(Pipeline().QueryAsync<Item>(Query(), "items", null, null, CancellationToken.None)), Is.EqualTo(new[] { "1", "2" }));
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
        Server.Enqueue(ScriptedResponse.Ok("{\"items\":[{\"id\":\"3\"}],\"cursor\":\"\"}"));
        var page = await Pipeline().PageAsync<Item>(Query(), "items", null, CancellationToken.None);
        Assert.That(page.Items.Select(i => i.Id), Is.EqualTo(new[] { "3" }));
        Assert.That(page.Cursor, Is.Null);
    }

    [Test]
    public async Task EmptyPagesWithACursorAreFollowed()
    {
        Server.Enqueue(ScriptedResponse.Ok("{\"items\":[],\"cursor\":\"a\"}"));
        Server.Enqueue(ScriptedResponse.Ok("{\"cursor\":null,\"items\":[{\"id\":\"x\"}]}"));
        Assert.That(await Collect(Pipeline().QueryAsync<Item>(Query(), "items", null, null, CancellationToken.None)), Is.EqualTo(new[] { "x" }));
    }

    [Test]
    public async Task CancellationStopsTheListing()
    {
        ServeItems(1000);
        using var cts = new CancellationTokenSource();
        var seen = 0;
        Assert.That(async () =>
        {
            await foreach (var _ in Pipeline().QueryAsync<Item>(Query(), "items", null, null, cts.Token))
            {
                if (++seen == 150)
                {
                    cts.Cancel();
                }
            }
        }, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(seen, Is.EqualTo(150));
        Assert.That(Server.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void TheEnumeratorTokenIsHonouredToo()
    {
        ServeItems(1000);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.That(async () =>
        {
            await foreach (var _ in Pipeline().QueryAsync<Item>(Query(), "items", null, null, CancellationToken.None).WithCancellation(cts.Token))
            {
            }
        }, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(Server.Requests, Is.Empty);
    }

    [Test]
    public async Task PageAsyncReturnsItemsAndTheNextCursor()
    {
        ServeItems(150);
        var request = Query();
        request.Query.Add("limit", (long?)100);
        var page = await Pipeline().PageAsync<Item>(request, "items", null, CancellationToken.None);
        Assert.That(page.Items, Has.Count.EqualTo(100));
        Assert.That(page.Cursor, Is.EqualTo("100"));

        var next = Query();
        next.Query.Add("cursor", page.Cursor);
        var last = await Pipeline().PageAsync<Item>(next, "items", null, CancellationToken.None);
        Assert.That(last.Items.Select(i => i.Id), Is.EqualTo(Enumerable.Range(100, 50).Select(i => i.ToString(CultureInfo.InvariantCulture))));
        Assert.That(last.Cursor, Is.Null);
    }

    [Test]
    public async Task QueryStartsFromACursorAlreadyInTheRequest()
    {
        ServeItems(120);
        var request = Query();
        request.Query.Add("cursor", "110");
        Assert.That(await Collect(Pipeline().QueryAsync<Item>(request, "items", null, null, CancellationToken.None)), Has.Count.EqualTo(10));
    }

    [Test]
    public void PageWithoutTheItemsKeyIsUnknownError()
    {
        Server.Enqueue(ScriptedResponse.Ok("{\"cursor\":null,\"things\":[]}"));
        Assert.ThrowsAsync<UnknownError>(() => Pipeline().PageAsync<Item>(Query(), "items", null, CancellationToken.None));
    }

    [Test]
    public void TheStreamingReaderPicksKeysInAnyOrderAndSkipsTheRest()
    {
        var json = "{\"cursor\":\"c1\",\"items\":[{\"id\":\"a\"}],\"other\":{\"items\":[{\"id\":\"decoy\"}],\"cursor\":\"decoy\"}}";
        var result = JsonBody.Read<List<Item>>(Encoding.UTF8.GetBytes(json), 0, Encoding.UTF8.GetByteCount(json), "items");
        Assert.That(result.Value!.Select(i => i.Id), Is.EqualTo(new[] { "a" }));
        Assert.That(result.Cursor, Is.EqualTo("c1"));
    }
}
