using System.Threading.Tasks;

namespace StarkSdk.Core;

/// <summary>
/// Reads the whole response body inside the attempt, so that an attempt ends only when its body has arrived: a connection cut
/// mid-body fails the attempt (and a safe call is retried) instead of failing the call after retry has let go. Streams are the
/// exception: their body is read by the caller.
/// </summary>
internal sealed class ResponseBufferingPolicy : PipelinePolicy
{
    internal override async Task ProcessAsync(StarkMessage message, PolicyChain next)
    {
        await next.ProcessNextAsync(message).ConfigureAwait(false);
        var response = message.Response;
        if (response is null || (message.Kind == ResponseKind.Stream && response.IsSuccessStatusCode))
        {
            return;
        }

        // Pooled: a page of 100 items is ~100 KB, which as a fresh array per page would land on the large object heap.
        message.ResponseBody = await PooledBody.ReadAsync(response, message.CancellationToken).ConfigureAwait(false);
    }
}
