using System;
using System.Net.Http;
using System.Threading.Tasks;

namespace StarkSdk.Core;

/// <summary>Last policy: sends the attempt's signed request with the HttpClient (headers only; the body is read by the policy above).</summary>
internal sealed class TransportPolicy : PipelinePolicy
{
    private readonly HttpClient _httpClient;

    internal TransportPolicy(HttpClient httpClient) => _httpClient = httpClient;

    internal override async Task ProcessAsync(StarkMessage message, PolicyChain next)
    {
        var signed = message.Signed ?? throw new InvalidOperationException("The pipeline reached the transport without signing; SigningPolicy must come before TransportPolicy.");
        message.Response = await _httpClient.SendAsync(signed.Message, HttpCompletionOption.ResponseHeadersRead, message.CancellationToken).ConfigureAwait(false);
    }
}
