using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace StarkSdk.Emulator.Hosting;

/// <summary>A host lifetime that does not hook Ctrl+C or process exit: an emulator embedded in a test process is stopped by its owner.</summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
