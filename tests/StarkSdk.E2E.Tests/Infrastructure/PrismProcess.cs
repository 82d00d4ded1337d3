using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace StarkSdk.E2E.Tests.Infrastructure;

/// <summary>
/// Stoplight Prism (from the repository's node_modules: <c>npx --no-install prism ...</c>) on 127.0.0.1 and a free
/// port, with <c>--errors</c>: a request that breaks openapi/starkbank.yaml gets a 4xx (422) instead of an answer, and in
/// proxy mode so does a response that breaks it (500), while lesser findings come back in an <c>sl-violations</c> header.
/// The start waits (bounded) until the port accepts connections; <see cref="DisposeAsync"/> kills the whole process tree.
/// </summary>
internal sealed class PrismProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private const int KeptOutputLines = 400;

    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private PrismProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    /// <summary>Prism's root URL (ends with '/').</summary>
    public Uri Url { get; }

    /// <summary>The last lines Prism printed (its log of violations, for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return string.Join(Environment.NewLine, _output);
        }
    }

    /// <summary><c>prism mock openapi/starkbank.yaml --errors</c>.</summary>
    public static Task<PrismProcess> StartMockAsync() => StartAsync("mock", Repo.SpecRelativePath);

    /// <summary><c>prism proxy openapi/starkbank.yaml UPSTREAM --errors</c>: validates real requests and real responses.</summary>
    public static Task<PrismProcess> StartProxyAsync(Uri upstream) => StartAsync("proxy", Repo.SpecRelativePath, upstream.AbsoluteUri.TrimEnd('/'));

    /// <summary>Fails the calling test with the reason when Prism cannot run here (node_modules missing).</summary>
    public static void RequireInstalled()
    {
        var bin = Path.Combine(Repo.Root, "node_modules", ".bin", "prism");
        if (!File.Exists(bin))
        {
            Assert.Fail($"Prism is not installed: {bin} is missing. Run `npm ci` at the repository root " +
                        "(the Cake Test target and .ci/run do it before the tests).");
        }
    }

    private static async Task<PrismProcess> StartAsync(params string[] arguments)
    {
        RequireInstalled();
        var port = FreePort();
        var info = new ProcessStartInfo("npx")
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--no-install", "prism" }.Concat(arguments).Concat(new[] { "--host", "127.0.0.1", "--port", port.ToString(), "--errors" }))
            info.ArgumentList.Add(argument);
        info.Environment["NO_COLOR"] = "1";
        info.Environment["FORCE_COLOR"] = "0";
        info.Environment["NPM_CONFIG_UPDATE_NOTIFIER"] = "false";

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        if (!process.Start())
            throw new InvalidOperationException("npx did not start (is Node.js on PATH?)");
        var prism = new PrismProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => prism.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => prism.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Killer.Track(process);

        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                var output = prism.Output;
                await prism.DisposeAsync();
                throw new InvalidOperationException($"Prism exited with code {process.ExitCode} before listening on port {port}:{Environment.NewLine}{output}");
            }
            if (await AcceptsConnectionsAsync(port))
                return prism;
            if (deadline.Elapsed > StartTimeout)
            {
                var output = prism.Output;
                await prism.DisposeAsync();
                throw new TimeoutException($"Prism did not listen on port {port} within {StartTimeout.TotalSeconds} s:{Environment.NewLine}{output}");
            }
            await Task.Delay(100);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > KeptOutputLines)
                _output.Dequeue();
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            Killer.Forget(_process);
            _process.Dispose();
        }
    }

    /// <summary>Kills the Prism processes still running if the test host exits without tearing down.</summary>
    private static class Killer
    {
        private static readonly HashSet<Process> Running = new();

        static Killer() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            lock (Running)
            {
                foreach (var process in Running)
                {
                    try
                    {
                        if (!process.HasExited)
                            process.Kill(entireProcessTree: true);
                    }
                    catch (InvalidOperationException)
                    {
                    }
                }
            }
        };

        public static void Track(Process process)
        {
            lock (Running)
                Running.Add(process);
        }

        public static void Forget(Process process)
        {
            lock (Running)
                Running.Remove(process);
        }
    }
}
