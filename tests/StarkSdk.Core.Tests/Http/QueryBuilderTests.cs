using System;
using System.Net.Http;
using StarkSdk.Core.Tests.Json;

namespace StarkSdk.Core.Tests.Http;

public class QueryBuilderTests
{
    [Test]
    public void FormatsEveryKindOfValue()
    {
        var query = new QueryBuilder()
#if STARKCORE_NETSTANDARD
            .AddDate("after", new DateTime(2020, 1, 2))
#else
            .Add("after", new DateOnly(2020, 1, 2))
#endif
            .AddDate("before", new DateTime(2020, 2, 3, 15, 0, 0))
            .Add("since", new DateTimeOffset(2020, 1, 1, 21, 0, 0, TimeSpan.FromHours(-3)))
            .Add("limit", (long?)50)
            .Add("flag", (bool?)true)
            .Add("tags", new[] { "a b", "c,d" })
            .Add("status", (Color?)Color.Red)
            .Add("statuses", new[] { Color.Red, Color.Green })
            .Add("name", "Jo\u00e3o & Maria");
        Assert.That(query.ToString(), Is.EqualTo(
            "after=2020-01-02&before=2020-02-03&since=2020-01-02T00%3A00%3A00.000000%2B00%3A00&limit=50&flag=true&tags=a%20b%2Cc%2Cd&status=red&statuses=red%2Cgreen&name=Jo%C3%A3o%20%26%20Maria"));
    }

    [Test]
    public void SkipsNullsButNeverDropsAnEmptyList()
    {
        var query = new QueryBuilder()
            .Add("a", (string?)null).Add("b", (long?)null).Add("c", (bool?)null).Add("d", (DateTimeOffset?)null)
            .AddDate("e", null).Add("f", (string[]?)null).Add("g", (Color?)null)
            .Add("ids", Array.Empty<string>());
        Assert.That(query.ToString(), Is.EqualTo("ids="));
    }

    [Test]
    public void EscapeRejectsSegmentsThatWouldAddressAnotherResource()
    {
        Assert.That(ApiRequest.Escape("a/b?c"), Is.EqualTo("a%2Fb%3Fc"));
        Assert.Throws<ArgumentException>(() => ApiRequest.Escape(""));
        Assert.Throws<ArgumentException>(() => ApiRequest.Escape("."));
        Assert.Throws<ArgumentException>(() => ApiRequest.Escape(".."));
        Assert.Throws<ArgumentNullException>(() => ApiRequest.Escape(null!));
    }

    [TestCase("")]
    [TestCase("/invoice")]
    [TestCase("invoice/")]
    [TestCase("invoice//pdf")]
    [TestCase("invoice/../transfer")]
    [TestCase("invoice?limit=1")]
    [TestCase("https://evil.example/x")]
    [TestCase("invoice/a b")]
    public void ApiRequestRejectsUnsafePaths(string path)
    {
        Assert.Throws<ArgumentException>(() => new ApiRequest(HttpMethod.Get, path));
    }

    [Test]
    public void ForPageReplacesLimitAndCursorOnly()
    {
        var request = new ApiRequest(HttpMethod.Get, "invoice");
        request.Query.Add("status", "paid").Add("limit", (long?)999).Add("cursor", "old");
        var page = request.ForPage(100, "next");
        Assert.That(page.Query.ToString(), Is.EqualTo("status=paid&limit=100&cursor=next"));
        Assert.That(request.Query.ToString(), Is.EqualTo("status=paid&limit=999&cursor=old"), "the original is untouched");
        Assert.That(request.ForPage(5, null).Query.ToString(), Is.EqualTo("status=paid&limit=5"));
    }
}
