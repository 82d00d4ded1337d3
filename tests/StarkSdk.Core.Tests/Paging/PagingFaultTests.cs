using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using StarkSdk.Core.Tests.Http;
using StarkSdk.Core.Tests.Infrastructure;

namespace StarkSdk.Core.Tests.Paging;

/// <summary>
/// Auto-paging through faults injected by WireMock.Net: 10,000 items over 100 pages, with cuts mid-body, resets and 503s on
/// a fixed 15% of the page requests. Every page is retried from its own cursor, so nothing is repeated or skipped; a page that
/// fails beyond the retry budget raises an error carrying that cursor, and listing from it continues exactly there.
/// </summary>
public class PagingFaultTests : ServerTest
{
    private const int Total = 10_000;
    private const int PageSize = 100;
    private static readonly FaultTests.Fault[] Kinds = { FaultTests.Fault.CutMidBody, FaultTests.Fault.Reset, FaultTests.Fault.Status503 };

    private readonly ConcurrentDictionary<int, int> _attempts = new();

    [SetUp]
    public void ForgetAttempts() => _attempts.Clear();

    public sealed class Item
    {
        public string? Id { get; set; }
    }

    /// <summary>The 15 pages that fault: a fixed choice spread over the listing, never random.</summary>
    private static bool Faulty(int page) => page * 7 % 100 < 15;

    private static int Page(string? cursor) => cursor is null ? 0 : int.Parse(cursor.Substring(1), CultureInfo.InvariantCulture);

    private static string Body(int page)
    {
        var builder = new StringBuilder("{\"items\":[");
        for (var i = page * PageSize; i < (page + 1) * PageSize; i++)
        {
            builder.Append(i == page * PageSize ? "" : ",").Append("{\"id\":\"").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\",\"amount\":100}");
        }

        var next = page + 1 < Total / PageSize ? "\"p" + (page + 1).ToString(CultureInfo.InvariantCulture) + "\"" : "null";
        return builder.Append("],\"cursor\":").Append(next).Append('}').ToString();
    }

    /// <summary>Serves the pages; page <c>n</c>'s first <paramref name="faultsPerPage"/>(n) requests get a fault.</summary>
    private void Serve(Func<int, int> faultsPerPage)
    {
        Server.Fallback = request =>
        {
            var page = Page(request.Query("cursor"));
            var attempt = _attempts.AddOrUpdate(page, 1, (_, n) => n + 1);
            return attempt <= faultsPerPage(page) ? FaultTests.Scripted(Kinds[(page + attempt) % Kinds.Length], Body(page)) : ScriptedResponse.Ok(Body(page));
        };
    }

    private StarkClientOptions Options()
    {
        var options = TestData.Options(Server, User);
        options.Retry = new RetryOptions { MaxRetries = 3, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero };
        options.TimeProvider = new TestClock(); // a new second per signature, so every attempt's Access-Time differs
        return options;
    }

    private static ApiRequest Query() => new(HttpMethod.Get, "item");

    [Test]
    public async Task TenThousandItemsArriveExactlyOnceAndInOrderDespiteFaultsOnFifteenPercentOfPages()
    {
        // Some faulty pages fail twice in a row, with two different faults.
        Serve(page => Faulty(page) ? 1 + (page % 2) : 0);
        var ids = new List<int>(Total);
        await foreach (var item in Pipeline(Options()).QueryAsync<Item>(Query(), "items", null, null, CancellationToken.None))
        {
            ids.Add(int.Parse(item.Id!, CultureInfo.InvariantCulture));
        }

        Assert.That(ids, Is.EqualTo(Enumerable.Range(0, Total)), "every item once, in order");
        var faultyPages = Enumerable.Range(0, Total / PageSize).Where(Faulty).ToList();
        Assert.That(faultyPages, Has.Count.EqualTo(15));
        var faults = faultyPages.Sum(page => 1 + (page % 2));
        Assert.That(Server.Arrivals, Is.EqualTo(Total / PageSize + faults), "one request per page plus one per fault");
        Assert.That(Server.Requests.All(r => r.SignatureValid), Is.True);
        Assert.That(Server.Requests.Select(r => r.Header("Access-Time") + r.Header("Access-Signature")).Distinct().Count(), Is.EqualTo(Server.Requests.Count), "every attempt signed afresh");
    }

    [Test]
    public async Task AFaultBeyondTheRetryBudgetCarriesTheCursorToResumeFrom()
    {
        const int broken = 38;
        var outage = true;
        Serve(page => page == broken && Volatile.Read(ref outage) ? int.MaxValue : 0);
        var pipeline = Pipeline(Options());
        var ids = new List<int>();

        var error = Assert.ThrowsAsync<UnknownError>(async () =>
        {
            await foreach (var item in pipeline.QueryAsync<Item>(Query(), "items", null, null, CancellationToken.None))
            {
                ids.Add(int.Parse(item.Id!, CultureInfo.InvariantCulture));
            }
        })!;

        Assert.That(ids, Is.EqualTo(Enumerable.Range(0, broken * PageSize)), "everything before the broken page, nothing after");
        Assert.That(error.ResumeCursor, Is.EqualTo("p" + broken));
        Assert.That(_attempts[broken], Is.EqualTo(4), "the page's own retries were spent first");

        Volatile.Write(ref outage, false);
        var resume = Query();
        resume.Query.Add("cursor", error.ResumeCursor);
        var page = await pipeline.PageAsync<Item>(resume, "items", null, CancellationToken.None);
        Assert.That(page.Items.Select(i => int.Parse(i.Id!, CultureInfo.InvariantCulture)), Is.EqualTo(Enumerable.Range(broken * PageSize, PageSize)), "PageAsync continues exactly there");

        await foreach (var item in pipeline.QueryAsync<Item>(resume, "items", null, null, CancellationToken.None))
        {
            ids.Add(int.Parse(item.Id!, CultureInfo.InvariantCulture));
        }

        Assert.That(ids, Is.EqualTo(Enumerable.Range(0, Total)), "listing from the cursor completes the listing, nothing twice");
    }

    [Test]
    public void AFailedFirstPageHasNoCursorToResumeFrom()
    {
        Serve(_ => int.MaxValue);
        var error = Assert.ThrowsAsync<UnknownError>(async () =>
        {
            await foreach (var unused in Pipeline(Options()).QueryAsync<Item>(Query(), "items", null, null, CancellationToken.None))
            {
            }
        })!;
        Assert.That(error.ResumeCursor, Is.Null);
    }
}
