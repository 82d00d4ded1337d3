using System;
using System.Net.Http;
using System.Threading;
using StarkSdk.Core;

namespace StarkSdk.E2E.Tests.Infrastructure;

/// <summary>Builds the SDK client the tests use: the public handlers of StarkSdk.Core around a recording transport.</summary>
internal static class Sdk
{
    /// <summary>
    /// A <see cref="StarkBankClient"/> for <paramref name="baseUrl"/>, signing as <paramref name="user"/>, over
    /// retry → signing → <see cref="RecordingHandler"/> → sockets (no redirects, no cookies, as the SDK's own transport).
    /// Retries keep the SDK's count but wait about a millisecond, so retry tests need no sleeps.
    /// </summary>
    /// <param name="wrap">Wraps the recording transport in a handler of the test's own (under the pipeline, which signs every attempt).</param>
    public static (StarkBankClient Client, HttpClient Http) Create(Uri baseUrl, User user, CallRecorder recorder, Action<StarkClientOptions>? configure = null, Func<HttpMessageHandler, DelegatingHandler>? wrap = null)
    {
        var transport = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        };
        HttpMessageHandler inner = new RecordingHandler(recorder, transport);
        if (wrap != null)
            inner = wrap(inner);
        var http = new HttpClient(inner, disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var options = new StarkClientOptions
        {
            User = user,
            BaseUrl = baseUrl,
            Timeout = TimeSpan.FromSeconds(30),
            Retry = new RetryOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
        };
        configure?.Invoke(options);
        return (new StarkBankClient(http, options), http);
    }
}
