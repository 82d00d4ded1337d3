using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StarkSdk.Emulator;
using StarkSdk.Emulator.Hosting;

namespace StarkSdk.Emulator.Tool;

/// <summary>The <c>stark-emulator</c> command (<c>dotnet run --project src/StarkSdk.Emulator.Tool -- --port 0</c> from the repository).</summary>
public static class Program
{
    /// <summary>Runs the emulator until Ctrl+C; prints the URL it listens on.</summary>
    /// <returns>0 on a clean stop, 2 for bad arguments.</returns>
    public static async Task<int> Main(string[] args)
    {
        var options = CommandLine.Parse(args, Console.Out, Console.Error);
        if (options == null)
            return args.Contains("--help") || args.Contains("-h") ? 0 : 2;
        var (app, runtime) = StarkBankEmulator.Build(options, embedded: false);
        using (runtime)
        {
            await app.StartAsync().ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "";
            runtime.Context.BaseUrl = address;
            Console.WriteLine($"{(string?)runtime.Catalog.Spec.Root["info"]?["title"] ?? "API"} emulator listening on {address}");
            Console.WriteLine($"  API: {address}/v2/...   admin: {address}/emulator   workspace: {runtime.Context.WorkspaceId}");
            Console.Out.Flush();
            await app.WaitForShutdownAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
        return 0;
    }
}
