using StarkSdk.Bank;
using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace StarkSdk.Benchmarks;

/// <summary>
/// Auto-paging: <c>await foreach</c> over <c>client.Invoices.QueryAsync()</c> through <see cref="Items"/> invoices in pages
/// of 100 (1,000 = 10 pages, 10,000 = 100 pages), each page a signed GET to the loopback server. Items/s and B/item come
/// from the mean time and allocations per operation; B/item staying flat from 1,000 to 10,000 items means the cost per
/// item does not depend on the count. The bare column lists the same pages with a plain HttpClient, for reference.
/// Peak memory: see <see cref="MeasurePeakLiveHeap"/>.
/// </summary>
[MemoryDiagnoser]
[StarkJob]
[Config(typeof(PagingColumnsConfig))]
public class PagingBenchmarks
{
    internal const int PageSize = 100;

    private LoopbackServer _server = null!;
    private StarkBankClient _client = null!;
    private HttpClient _bare = null!;
    private byte[][] _pageHeads = null!;
    private byte[] _pageItems = null!;

    /// <summary>The invoices listed per operation.</summary>
    [Params(1_000, 10_000)]
    public int Items { get; set; }

    [GlobalSetup(Target = nameof(ListBare))]
    public void SetupBare() => Setup();

    [GlobalSetup(Target = nameof(ListSdk))]
    public void SetupSdk()
    {
        Setup();
        MeasurePeakLiveHeap().GetAwaiter().GetResult();
    }

    private void Setup()
    {
        // Each page is a small head (its cursor) plus the same 100 invoices: the server's data does not grow with the count.
        var count = Items / PageSize;
        _pageItems = Fixtures.PageItems(PageSize);
        _pageHeads = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            _pageHeads[i] = Fixtures.PageHead(i + 1 < count ? "page-" + (i + 1).ToString(CultureInfo.InvariantCulture) : null);
        }

        _server = LoopbackServer.StartSegmentedAsync(request =>
        {
            if (request.Method != "GET" || request.Path.Value != "/v2/invoice")
            {
                return null;
            }

            var cursor = request.Query["cursor"].ToString();
            var page = cursor.Length == 0 ? 0 : int.Parse(cursor.AsSpan("page-".Length), CultureInfo.InvariantCulture);
            return page < _pageHeads.Length ? new[] { _pageHeads[page], _pageItems } : null;
        }).GetAwaiter().GetResult();
        _client = Fixtures.NewClient(_server, Fixtures.NewProject());
        _bare = Fixtures.NewBareClient(_server);

        if (ListSdk().GetAwaiter().GetResult() != Items || ListBare().GetAwaiter().GetResult() != Items)
        {
            throw new InvalidOperationException("The listing did not yield every item.");
        }
    }

    private async Task<long> InvoiceLiveSize()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var kept = new System.Collections.Generic.List<Invoice>(1_000);
        await foreach (var invoice in _client.Invoices.QueryAsync(new InvoiceQueryOptions { Limit = 1_000 }).ConfigureAwait(false))
        {
            kept.Add(invoice);
        }

        var perInvoice = (GC.GetTotalMemory(forceFullCollection: true) - before) / kept.Count;
        GC.KeepAlive(kept);
        return perInvoice;
    }

    private async Task<long> PeakDuringListing()
    {
        // Absolute, not relative to a "before": ArrayPool trims its buffers on full collections, which would make a
        // difference noisy. Both item counts run the same process set-up, so their absolute peaks compare directly.
        long peak = 0;
        var seen = 0;
        await foreach (var invoice in _client.Invoices.QueryAsync().ConfigureAwait(false))
        {
            if (++seen % PageSize == PageSize / 2)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
            }

            GC.KeepAlive(invoice);
        }

        return peak;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bare.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "List invoices: bare HttpClient")]
    public async Task<int> ListBare()
    {
        var count = 0;
        string? cursor = null;
        do
        {
            var uri = "v2/invoice?limit=100" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor));
            using var response = await _bare.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            var page = Fixtures.Deserialize<InvoicesEnvelope>(body);
            foreach (var invoice in page.Invoices!)
            {
                count += invoice.Amount > 0 ? 1 : 0;
            }

            cursor = page.Cursor;
        }
        while (cursor != null);
        return count;
    }

    [Benchmark(Description = "List invoices: SDK QueryAsync")]
    public async Task<int> ListSdk()
    {
        var count = 0;
        await foreach (var invoice in _client.Invoices.QueryAsync().ConfigureAwait(false))
        {
            count += invoice.Amount > 0 ? 1 : 0;
        }

        return count;
    }

    /// <summary>
    /// Peak memory, sampled: one listing with a forced full GC in the middle of every page (GC.GetTotalMemory(true)), the
    /// largest live heap of the benchmark process during the listing. It must be the same for 1,000 and 10,000 items
    /// (the listing holds one page at a time); ArrayPool buffers, Kestrel and the process itself are in both. For scale,
    /// the live size of one invoice is measured by keeping the first 1,000. Both are written to raw/PagingBenchmarks.*.txt
    /// for the summary.
    /// </summary>
    private async Task MeasurePeakLiveHeap()
    {
        // Two methods, two state machines: nothing of the first listing (its enumerator, its last page) outlives it.
        var perInvoice = await InvoiceLiveSize().ConfigureAwait(false);
        var peak = await PeakDuringListing().ConfigureAwait(false);
        Console.WriteLine($"// Paging: one invoice kept alive takes {perInvoice} B");
        Console.WriteLine($"// Paging peak live heap (process) over the listing of {Items} items: {peak / 1024.0:0.0} KB");
        var raw = BenchPaths.Raw;
        if (raw != null)
        {
            Directory.CreateDirectory(raw);
            File.WriteAllText(Path.Combine(raw, $"PagingBenchmarks.peak-{Items}.txt"), peak.ToString(CultureInfo.InvariantCulture));
            File.WriteAllText(Path.Combine(raw, "PagingBenchmarks.invoice-live-size.txt"), perInvoice.ToString(CultureInfo.InvariantCulture));
        }
    }
}
