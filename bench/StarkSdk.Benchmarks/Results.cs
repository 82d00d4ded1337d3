using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace StarkSdk.Benchmarks;

/// <summary>
/// After a run: copies each class's GitHub Markdown and CSV report to the results folder as <c>&lt;Class&gt;.md</c> and
/// <c>&lt;Class&gt;.csv</c>, and writes <c>summary.md</c>, every figure of the issue against its target (the latest run of
/// each class; the per-class figures are kept in raw/figures/ so a filtered run updates only its own rows).
/// </summary>
internal static class Results
{
    private static readonly string[] Order =
    {
        nameof(PerCallOverheadBenchmarks), nameof(SigningBenchmarks), nameof(PagingBenchmarks), nameof(InvoicePageBenchmarks), nameof(WebhookVerificationBenchmarks), nameof(GeneratorBenchmarks),
    };

    internal static double? MeanNs(Summary summary, BenchmarkCase benchmarkCase) => summary[benchmarkCase]?.ResultStatistics?.Mean;

    internal static double? PerSecond(Summary summary, BenchmarkCase benchmarkCase, double unitsPerOp) =>
        MeanNs(summary, benchmarkCase) is double mean && mean > 0 ? unitsPerOp * 1e9 / mean : null;

    internal static long? AllocatedPerOp(Summary summary, BenchmarkCase benchmarkCase)
    {
        var report = summary[benchmarkCase];
        return report is null || report.ResultStatistics is null ? null : report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
    }

    internal static long? PagingPeak(int items) => ReadRaw($"PagingBenchmarks.peak-{items}.txt");

    private static long? ReadRaw(string name)
    {
        var raw = BenchPaths.Raw;
        var file = raw is null ? null : Path.Combine(raw, name);
        return file != null && File.Exists(file) && long.TryParse(File.ReadAllText(file).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var peak) ? peak : null;
    }

    internal static void Publish(IEnumerable<Summary> summaries, string results, string raw)
    {
        var figures = Path.Combine(raw, "figures");
        Directory.CreateDirectory(figures);
        foreach (var summary in summaries)
        {
            var type = summary.BenchmarksCases.FirstOrDefault()?.Descriptor.Type;
            if (type is null)
            {
                continue;
            }

            // BenchmarkDotNet names the reports after the type (plus a timestamp when several types are joined).
            Copy(Latest(summary.ResultsDirectoryPath, type.FullName + "*-report-github.md"), Path.Combine(results, type.Name + ".md"));
            Copy(Latest(summary.ResultsDirectoryPath, type.FullName + "*-report.csv"), Path.Combine(results, type.Name + ".csv"));
            var rows = Figures(type.Name, summary).Select(r => string.Join("\t", r));
            File.WriteAllLines(Path.Combine(figures, type.Name + ".tsv"), rows);
        }

        var table = new StringBuilder()
            .AppendLine("# Benchmark summary: figures against the targets")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Written by `dotnet cake --target=Bench` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC ({Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}). Each row comes from the latest run of its class; the per-class reports are beside this file.")
            .AppendLine()
            .AppendLine("| Benchmark | Figure | Target | Result | |")
            .AppendLine("|---|---|---|---|---|");
        foreach (var name in Order)
        {
            var file = Path.Combine(figures, name + ".tsv");
            if (!File.Exists(file))
            {
                table.AppendLine(CultureInfo.InvariantCulture, $"| {name} | not run yet | | | |");
                continue;
            }

            foreach (var line in File.ReadAllLines(file).Where(l => l.Length > 0))
            {
                table.AppendLine("| " + string.Join(" | ", line.Split('\t')) + " |");
            }
        }

        File.WriteAllText(Path.Combine(results, "summary.md"), table.ToString());
    }

    private static string? Latest(string directory, string pattern) =>
        Directory.Exists(directory) ? new DirectoryInfo(directory).GetFiles(pattern).OrderByDescending(f => f.LastWriteTimeUtc).FirstOrDefault()?.FullName : null;

    private static void Copy(string? from, string to)
    {
        if (from != null && File.Exists(from))
        {
            File.Copy(from, to, overwrite: true);
        }
    }

    private static IEnumerable<string[]> Figures(string type, Summary summary)
    {
        BenchmarkCase? Case(string method, int? items = null) => summary.BenchmarksCases.FirstOrDefault(c =>
            c.Descriptor.WorkloadMethod.Name == method && (items is null || (int)c.Parameters["Items"] == items));
        double? Mean(BenchmarkCase? c) => c is null ? null : MeanNs(summary, c);
        long? Alloc(BenchmarkCase? c) => c is null ? null : AllocatedPerOp(summary, c);

        switch (type)
        {
            case nameof(PerCallOverheadBenchmarks):
                foreach (var (label, bare, sdk, hasTarget) in new[]
                {
                    ("Per-call overhead, GET 1 invoice", nameof(PerCallOverheadBenchmarks.GetInvoiceBare), nameof(PerCallOverheadBenchmarks.GetInvoiceSdk), true),
                    ("Per-call overhead, POST 10 invoices", nameof(PerCallOverheadBenchmarks.CreateInvoicesBare), nameof(PerCallOverheadBenchmarks.CreateInvoicesSdk), false),
                })
                {
                    var (tb, ts) = (Mean(Case(bare)), Mean(Case(sdk)));
                    var (ab, @as) = (Alloc(Case(bare)), Alloc(Case(sdk)));
                    var timeRatio = tb > 0 ? ts / tb : null;
                    var allocRatio = ab > 0 ? (double?)@as / ab : null;
                    yield return Row(label, "time, SDK / bare HttpClient", hasTarget ? "≤ 1.30×" : "(reported)", $"{Time(ts)} / {Time(tb)} = {Ratio(timeRatio)}", hasTarget ? Verdict(timeRatio <= 1.30) : "");
                    yield return Row(label, "allocated, SDK / bare HttpClient", hasTarget ? "≤ 1.30×" : "(reported)", $"{Bytes(@as)} / {Bytes(ab)} = {Ratio(allocRatio)}", hasTarget ? Verdict(allocRatio <= 1.30) : "");
                    if (hasTarget)
                    {
                        var signing = Mean(Case(nameof(PerCallOverheadBenchmarks.GetInvoiceSdkSigning)));
                        yield return Row(label, "time, SDK signing every call (no signature of the second to reuse) / bare", "(reported)", $"{Time(signing)} / {Time(tb)} = {Ratio(tb > 0 ? signing / tb : null)}", "");
                    }
                }

                break;
            case nameof(SigningBenchmarks):
            {
                var sign = Case(nameof(SigningBenchmarks.Sign));
                var (sdk, managed) = (Mean(sign), Mean(Case(nameof(SigningBenchmarks.SignManaged))));
                var (native, nbitcoin) = (Mean(Case(nameof(SigningBenchmarks.RawSecp256k1Net))), Mean(Case(nameof(SigningBenchmarks.RawNBitcoin))));
                var official = Mean(Case(nameof(SigningBenchmarks.Official)));
                var overNative = native > 0 ? sdk / native : null;
                var speedup = sdk > 0 ? official / sdk : null;
                var overNBitcoin = nbitcoin > 0 ? managed / nbitcoin : null;
                yield return Row("Signing a 1 KB body", "time, SDK / Secp256k1.Net direct", "≤ 1.30×", $"{Time(sdk)} / {Time(native)} = {Ratio(overNative)}", Verdict(overNative <= 1.30));
                yield return Row("Signing a 1 KB body", "allocated per signature", "≤ 1 KB", Bytes(Alloc(sign)), Verdict(Alloc(sign) <= 1024));
                yield return Row("Signing a 1 KB body", "speed-up over starkbank-ecdsa 1.3.3", "≥ 50×", $"{Time(official)} / {Time(sdk)} = {Ratio(speedup)}", Verdict(speedup >= 50));
                yield return Row("Signing a 1 KB body", "managed fallback / NBitcoin.Secp256k1 direct", "≤ 2×", $"{Time(managed)} / {Time(nbitcoin)} = {Ratio(overNBitcoin)}", Verdict(overNBitcoin <= 2));
                break;
            }

            case nameof(PagingBenchmarks):
            {
                var small = Case(nameof(PagingBenchmarks.ListSdk), 1_000);
                var large = Case(nameof(PagingBenchmarks.ListSdk), 10_000);
                var bareLarge = Case(nameof(PagingBenchmarks.ListBare), 10_000);
                var rate = large is null ? null : PerSecond(summary, large, 10_000);
                var bareRate = bareLarge is null ? null : PerSecond(summary, bareLarge, 10_000);
                var overBare = bareRate > 0 ? rate / bareRate : null;
                yield return Row("Auto-paging 10,000 items / 100 pages", "items per second, SDK / bare HttpClient + reflection", "≥ 1.5×", $"{Count(rate)} / {Count(bareRate)} = {Ratio(overBare)}", Verdict(overBare >= 1.5));
                yield return Row("Auto-paging 10,000 items / 100 pages", "items per second", "(context: ≥ 200,000)", Count(rate), "");
                var perItemSmall = Alloc(small) / 1_000.0;
                var perItemLarge = Alloc(large) / 10_000.0;
                var growth = perItemSmall > 0 ? perItemLarge / perItemSmall : null;
                yield return Row("Auto-paging", "allocated per item, 1,000 → 10,000 items", "flat", $"{Bytes(perItemSmall)} → {Bytes(perItemLarge)} ({Ratio(growth)})", Verdict(growth <= 1.10));
                var (peakSmall, peakLarge) = (PagingPeak(1_000), PagingPeak(10_000));

                // Flat: the extra 9,000 invoices, if the listing kept them, would add 9,000 × the live size of one invoice.
                var perInvoice = ReadRaw("PagingBenchmarks.invoice-live-size.txt");
                var retained = perInvoice * 9_000;
                var peakGrowth = peakLarge - peakSmall;
                yield return Row(
                    "Auto-paging",
                    "peak live heap during the listing, 1,000 → 10,000 items",
                    "constant (does not grow with the count)",
                    $"{Bytes(peakSmall)} → {Bytes(peakLarge)} of live heap (keeping the 9,000 more invoices would add {Bytes(retained)})",
                    Verdict(peakGrowth < Math.Max(1024 * 1024, (retained ?? 0) / 10)));
                break;
            }

            case nameof(InvoicePageBenchmarks):
            {
                var reflection = Case(nameof(InvoicePageBenchmarks.Reflection));
                var sdk = Case(nameof(InvoicePageBenchmarks.Sdk));
                var (ab, @as) = (Alloc(reflection), Alloc(sdk));
                var (tb, ts) = (Mean(reflection), Mean(sdk));
                var allocRatio = ab > 0 ? (double?)@as / ab : null;
                yield return Row("One invoice page (100), deserialized", "allocated, SDK / reflection Newtonsoft", "≤ 0.50×", $"{Bytes(@as)} / {Bytes(ab)} = {Ratio(allocRatio)}", Verdict(allocRatio <= 0.50));
                yield return Row("One invoice page (100), deserialized", "time, SDK / reflection Newtonsoft", "(reported)", $"{Time(ts)} / {Time(tb)} = {Ratio(tb > 0 ? ts / tb : null)}", "");
                break;
            }

            case nameof(WebhookVerificationBenchmarks):
            {
                var parse = Case(nameof(WebhookVerificationBenchmarks.Parse));
                var rate = parse is null ? null : PerSecond(summary, parse, 1);
                yield return Row("Webhook `Events.ParseAsync`, key cached", "events per second, one core", "≥ 10,000", $"{Count(rate)} ({Time(Mean(parse))} each)", Verdict(rate >= 10_000));
                yield return Row("Webhook `Events.ParseAsync`, key cached", "allocated per event", "(reported)", Bytes(Alloc(parse)), "");
                var (sdk, managed) = (Mean(Case(nameof(WebhookVerificationBenchmarks.VerifySdk))), Mean(Case(nameof(WebhookVerificationBenchmarks.VerifyManaged))));
                var (native, nbitcoin) = (Mean(Case(nameof(WebhookVerificationBenchmarks.RawSecp256k1Net))), Mean(Case(nameof(WebhookVerificationBenchmarks.RawNBitcoin))));
                var official = Mean(Case(nameof(WebhookVerificationBenchmarks.Official)));
                yield return Row("Signature check alone", "time, SDK / Secp256k1.Net direct", "(reported)", $"{Time(sdk)} / {Time(native)} = {Ratio(native > 0 ? sdk / native : null)}", "");
                yield return Row("Signature check alone", "speed-up over starkbank-ecdsa 1.3.3", "(reported)", $"{Time(official)} / {Time(sdk)} = {Ratio(sdk > 0 ? official / sdk : null)}", "");
                var overNBitcoin = nbitcoin > 0 ? managed / nbitcoin : null;
                yield return Row("Signature check alone", "managed fallback / NBitcoin.Secp256k1 direct", "≤ 2×", $"{Time(managed)} / {Time(nbitcoin)} = {Ratio(overNBitcoin)}", Verdict(overNBitcoin <= 2));
                break;
            }

            case nameof(GeneratorBenchmarks):
            {
                var full = Mean(Case(nameof(GeneratorBenchmarks.FullRun)));
                var noop = Mean(Case(nameof(GeneratorBenchmarks.IncrementalNoOpRun)));
                yield return Row("Generator, openapi/starkbank.yaml", "full run, fresh driver", "≤ 2 s", Time(full), Verdict(full <= 2e9));
                yield return Row("Generator, openapi/starkbank.yaml", "no-op run after an unrelated C# edit", "≤ 50 ms, nothing re-emitted", Time(noop) + ", every step Cached/Unchanged, 0 files re-emitted (asserted in the set-up)", Verdict(noop <= 50e6));
                break;
            }
        }
    }

    private static string[] Row(params string[] cells) => cells;

    private static string Verdict(bool? met) => met switch { true => "✅ met", false => "❌ missed", null => "?" };

    private static string Ratio(double? ratio) => ratio is null ? "?" : ratio.Value.ToString("0.00", CultureInfo.InvariantCulture) + "×";

    private static string Count(double? value) => value is null ? "?" : value.Value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Time(double? ns) => ns switch
    {
        null => "?",
        < 1e6 => (ns.Value / 1e3).ToString("N1", CultureInfo.InvariantCulture) + " µs",
        < 1e9 => (ns.Value / 1e6).ToString("N1", CultureInfo.InvariantCulture) + " ms",
        _ => (ns.Value / 1e9).ToString("N2", CultureInfo.InvariantCulture) + " s",
    };

    private static string Bytes(double? bytes) => bytes switch
    {
        null => "?",
        < 1024 => bytes.Value.ToString("N0", CultureInfo.InvariantCulture) + " B",
        < 1024 * 1024 => (bytes.Value / 1024).ToString("N1", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes.Value / (1024 * 1024)).ToString("N2", CultureInfo.InvariantCulture) + " MB",
    };
}
