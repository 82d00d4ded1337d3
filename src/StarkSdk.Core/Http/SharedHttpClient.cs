using System;
using System.Net.Http;
using System.Threading;

namespace StarkSdk.Core;

/// <summary>
/// The one HttpClient behind every <see cref="StarkPipeline.Create"/>: a bare transport (the pipeline signs and retries).
/// Redirects are off (a redirect would replay the signed headers to another host) and cookies are off (users must not share state).
/// </summary>
internal static class SharedHttpClient
{
    private static readonly Lazy<HttpClient> Client = new Lazy<HttpClient>(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    internal static HttpClient Instance => Client.Value;

    internal static HttpClient Create() => new HttpClient(TransportSettings.CreateTransport(), disposeHandler: true)
    {
        // The pipeline enforces its own deadline and attempt timeouts; this one would only turn them into a bare TaskCanceledException.
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
