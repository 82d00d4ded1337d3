// Build script: `dotnet tool restore && dotnet cake` runs the CI target (lint, build, test, pack).
// Other targets: --target=Clean|Restore|LintSpec|Build|Test|Pack|ToolSmoke|Bench|CI.

var target = Argument("target", "CI");
var configuration = Argument("configuration", "Release");
var benchFilter = Argument("benchFilter", "*");

var root = MakeAbsolute(Directory("."));
var solution = root.CombineWithFilePath("StarkSdk.slnx");
var artifacts = root.Combine("artifacts");
var testResults = artifacts.Combine("test-results");
var packages = artifacts.Combine("packages");

void Run(string tool, string arguments, DirectoryPath workingDirectory = null)
{
    Information($"> {tool} {arguments}");
    var exit = StartProcess(tool, new ProcessSettings {
        Arguments = arguments,
        WorkingDirectory = workingDirectory ?? root,
    });
    if (exit != 0) throw new Exception($"'{tool} {arguments}' exited with code {exit}.");
}

// npm ci only when the lock file changed since the last install, so local runs stay fast.
void EnsureNodeTools()
{
    var marker = root.CombineWithFilePath("node_modules/.package-lock.json");
    var lockFile = root.CombineWithFilePath("package-lock.json");
    if (!FileExists(marker) || System.IO.File.GetLastWriteTimeUtc(lockFile.FullPath) > System.IO.File.GetLastWriteTimeUtc(marker.FullPath))
    {
        Run("npm", "ci --no-audit --no-fund");
    }
}

Task("Clean")
    .Does(() =>
{
    CleanDirectories("./src/**/bin");
    CleanDirectories("./src/**/obj");
    CleanDirectories("./generator/**/bin");
    CleanDirectories("./generator/**/obj");
    CleanDirectories("./tests/**/bin");
    CleanDirectories("./tests/**/obj");
    CleanDirectories("./samples/**/bin");
    CleanDirectories("./samples/**/obj");
    CleanDirectories("./bench/**/bin");
    CleanDirectories("./bench/**/obj");
    if (DirectoryExists(artifacts)) DeleteDirectory(artifacts, new DeleteDirectorySettings { Recursive = true, Force = true });
});

Task("Restore")
    .Does(() =>
{
    EnsureNodeTools();
    DotNetRestore(solution.FullPath);
});

Task("LintSpec")
    .Does(() =>
{
    EnsureNodeTools();
    var specs = GetFiles("./openapi/*.yaml");
    if (!specs.Any()) throw new Exception("No openapi/*.yaml to lint.");
    var list = string.Join(" ", specs.Select(f => $"\"{root.GetRelativePath(f)}\""));
    Run("npx", $"--no-install redocly lint --config redocly.yaml --format stylish {list}");
});

Task("Build")
    .IsDependentOn("Restore")
    .Does(() =>
{
    DotNetBuild(solution.FullPath, new DotNetBuildSettings {
        Configuration = configuration,
        NoRestore = true,
        // The release build: deterministic /_/ source paths in the PDBs that Pack ships (tests/StarkSdk.Packaging.Tests checks them).
        MSBuildSettings = new DotNetMSBuildSettings().WithProperty("ContinuousIntegrationBuild", "true"),
    });
});

// Packs first: tests/StarkSdk.Packaging.Tests opens the packages and builds a consumer app from them.
Task("Test")
    .IsDependentOn("Pack")
    .Does(() =>
{
    EnsureNodeTools();
    if (DirectoryExists(testResults)) DeleteDirectory(testResults, new DeleteDirectorySettings { Recursive = true, Force = true });
    var failed = false;
    foreach (var project in GetFiles("./tests/**/*.Tests.csproj"))
    {
        try
        {
            DotNetTest(project.FullPath, new DotNetTestSettings {
                Configuration = configuration,
                NoBuild = true,
                NoRestore = true,
                ResultsDirectory = testResults,
                Loggers = new[] { $"trx;LogFilePrefix={project.GetFilenameWithoutExtension()}", "console;verbosity=minimal" },
            });
        }
        catch (Exception e)
        {
            // Keep going so every project's results are reported; fail at the end.
            Error(e.Message);
            failed = true;
        }
    }
    // The Core suite again with the managed secp256k1 fallback forced (src/StarkSdk.Core/Keys/Secp256k1Provider.cs).
    try
    {
        DotNetTest("./tests/StarkSdk.Core.Tests/StarkSdk.Core.Tests.csproj", new DotNetTestSettings {
            Configuration = configuration,
            NoBuild = true,
            NoRestore = true,
            ResultsDirectory = testResults,
            Loggers = new[] { "trx;LogFilePrefix=StarkSdk.Core.Tests.ManagedSecp256k1", "console;verbosity=minimal" },
            EnvironmentVariables = new Dictionary<string, string> { ["STARKSDK_SECP256K1"] = "managed" },
        });
    }
    catch (Exception e)
    {
        Error(e.Message);
        failed = true;
    }
    PrintTestTotals();
    if (failed) throw new Exception("Some tests failed.");
});

void PrintTestTotals()
{
    long passed = 0, failedCount = 0, total = 0;
    foreach (var trx in GetFiles(testResults.FullPath + "/**/*.trx"))
    {
        var doc = System.Xml.Linq.XDocument.Load(trx.FullPath);
        var counters = doc.Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters");
        if (counters == null) continue;
        long Attr(string name) => long.TryParse((string)counters.Attribute(name), out var v) ? v : 0;
        total += Attr("total");
        passed += Attr("passed");
        failedCount += Attr("failed") + Attr("error") + Attr("timeout") + Attr("aborted");
    }
    var skipped = total - passed - failedCount;
    // .ci/run prints the canonical "Tests: N passed, N failed" line; this one is for local runs.
    Information($"Test summary across projects: passed={passed} failed={failedCount} skipped={skipped}");
}

Task("Pack")
    .IsDependentOn("Build")
    .Does(() =>
{
    DotNetPack(solution.FullPath, new DotNetPackSettings {
        Configuration = configuration,
        NoBuild = true,
        NoRestore = true,
        OutputDirectory = packages,
    });
});

// The packed emulator, installed as users install it (dotnet tool install from a local feed), starts and answers;
// then the quickstart runs against it through STARKBANK_BASE_URL.
Task("ToolSmoke")
    .IsDependentOn("Pack")
    .Does(() =>
{
    const string id = "StarkSdk.Emulator.Tool";
    var package = GetFiles(packages.FullPath + "/" + id + ".*.nupkg").Single();
    var version = package.GetFilenameWithoutExtension().ToString().Substring(id.Length + 1);
    var toolPath = artifacts.Combine("tool-smoke");
    if (DirectoryExists(toolPath)) DeleteDirectory(toolPath, new DeleteDirectorySettings { Recursive = true, Force = true });
    // The version does not change between local builds: drop any copy an earlier run left in the NuGet cache, or the
    // install would take that one instead of the package just packed.
    var nugetHome = EnvironmentVariable("NUGET_PACKAGES") ?? System.IO.Path.Combine(EnvironmentVariable("HOME") ?? EnvironmentVariable("USERPROFILE") ?? ".", ".nuget", "packages");
    var cached = Directory(nugetHome) + Directory(id.ToLowerInvariant()) + Directory(version);
    if (DirectoryExists(cached)) DeleteDirectory(cached, new DeleteDirectorySettings { Recursive = true, Force = true });
    Run("dotnet", $"tool install {id} --version {version} --tool-path \"{toolPath}\" --add-source \"{packages}\" --ignore-failed-sources");

    var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    listener.Stop();
    var url = $"http://127.0.0.1:{port}";
    var command = toolPath.CombineWithFilePath(IsRunningOnWindows() ? "stark-emulator.exe" : "stark-emulator");
    Information($"> {command} --port {port}");
    using var emulator = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(command.FullPath, $"--port {port}") { UseShellExecute = false });
    try
    {
        using var http = new System.Net.Http.HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                var info = http.GetStringAsync(url + "/").GetAwaiter().GetResult();
                if (!info.Contains("emulator")) throw new Exception("stark-emulator answered something else: " + info);
                Information($"stark-emulator answers at {url}: {info}");
                break;
            }
            catch (Exception e) when (e is System.Net.Http.HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline && !emulator.HasExited)
            {
                System.Threading.Thread.Sleep(200);
            }
        }
        Information($"> STARKBANK_BASE_URL={url} dotnet run --project samples/Quickstart");
        var exit = StartProcess("dotnet", new ProcessSettings {
            Arguments = $"run --project samples/Quickstart/Quickstart.csproj -c {configuration} --no-build",
            WorkingDirectory = root,
            EnvironmentVariables = new Dictionary<string, string> { ["STARKBANK_BASE_URL"] = url },
        });
        if (exit != 0) throw new Exception($"The quickstart against stark-emulator exited with code {exit}.");
    }
    finally
    {
        if (!emulator.HasExited) emulator.Kill(true);
        emulator.WaitForExit();
    }
});

Task("Bench")
    .Does(() =>
{
    var benchProjects = GetFiles("./bench/**/*.csproj");
    if (!benchProjects.Any()) throw new Exception("No benchmark project under bench/ yet.");
    foreach (var project in benchProjects)
    {
        Run("dotnet", $"run -c Release --project \"{project.FullPath}\" -- --filter \"{benchFilter}\" --artifacts \"{root.Combine("bench/results").FullPath}\"");
    }
});

Task("CI")
    .IsDependentOn("LintSpec")
    .IsDependentOn("Build")
    .IsDependentOn("Pack")
    .IsDependentOn("Test")
    .IsDependentOn("ToolSmoke");

RunTarget(target);
