using System;
using System.Diagnostics;
using System.IO;

namespace StarkSdk.Core.Tests.Infrastructure;

internal static class OpenSsl
{
    internal static bool Available()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(dir, "openssl")) || File.Exists(Path.Combine(dir, "openssl.exe")))
            {
                return true;
            }
        }

        return false;
    }

    internal static void RequireOrIgnore()
    {
        if (!Available())
        {
            Assert.Ignore("openssl is not on PATH");
        }
    }

    /// <summary>Runs openssl with arguments; returns exit code and combined output.</summary>
    internal static (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo("openssl")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        if (!process.WaitForExit(30_000))
        {
            process.Kill();
            throw new TimeoutException("openssl did not finish");
        }

        return (process.ExitCode, output);
    }

    internal static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "starkcore-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
