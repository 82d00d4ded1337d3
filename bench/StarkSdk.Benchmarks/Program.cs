using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Running;

namespace StarkSdk.Benchmarks;

/// <summary>
/// Runs the suite: <c>dotnet run -c Release -- --filter '*' --artifacts bench/results</c> (what <c>dotnet cake --target=Bench</c>
/// does). BenchmarkDotNet writes its own artifacts under <c>&lt;artifacts&gt;/raw</c>; the reports worth committing are
/// copied to <c>&lt;artifacts&gt;</c> (see Results). Exit code 1 when a benchmark failed (a sanity check threw).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var rest = new List<string>();
        string? artifacts = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--artifacts" && i + 1 < args.Length)
            {
                artifacts = args[++i];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        artifacts = Path.GetFullPath(artifacts ?? Path.Combine(Fixtures.RepositoryRoot, "bench", "results"));
        var raw = Path.Combine(artifacts, "raw");
        Directory.CreateDirectory(raw);
        Environment.SetEnvironmentVariable(BenchPaths.RawVariable, raw);
        if (!rest.Any(a => a is "--filter" or "-f" or "--list" or "--help" or "-h" or "--info" or "--version"))
        {
            rest.AddRange(new[] { "--filter", "*" });
        }

        rest.AddRange(new[] { "--artifacts", raw });
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest.ToArray(), BenchConfig.Create(raw)).ToList();
        if (summaries.Count == 0)
        {
            return 0;
        }

        Results.Publish(summaries, artifacts, raw);
        Console.WriteLine($"Reports: {artifacts} (summary.md, <Class>.md, <Class>.csv); BenchmarkDotNet's logs and raw files: {raw}");
        var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success) || s.Reports.Length < s.BenchmarksCases.Length);
        return failed ? 1 : 0;
    }
}
