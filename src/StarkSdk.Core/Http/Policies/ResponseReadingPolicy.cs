using System.Threading.Tasks;
using Newtonsoft.Json;

namespace StarkSdk.Core;

/// <summary>
/// Inside retry, right after it: turns a 2xx answer into the call's result while the attempt is still open. A body that ends
/// early without the transport noticing (a connection closed mid-body on a close-delimited response, a proxy's truncated or
/// garbled answer) surfaces only here, as malformed JSON; for a safe call that is a transient fault like a reset, so it is
/// retried. 4xx and redirects become typed errors at once; 429 and 5xx are left to the retry policy.
/// </summary>
internal sealed class ResponseReadingPolicy : PipelinePolicy
{
    internal override async Task ProcessAsync(StarkMessage message, PolicyChain next)
    {
        await next.ProcessNextAsync(message).ConfigureAwait(false);
        if (RetryPolicy.IsTransient(message.StatusCode))
        {
            return;
        }

        ResponseReader.EnsureSuccess(message);
        try
        {
            message.Result = await message.Reader!(message).ConfigureAwait(false);
            message.HasResult = true;
        }
        catch (UnknownError error) when (error.InnerException is JsonException || message.ResponseBody?.Length == 0)
        {
            throw new MalformedBodyException(error);
        }
    }
}
