using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace StarkSdk.Core;

/// <summary>
/// The innermost handler of a Stark HttpClient: refuses to send a POST, PATCH, PUT or DELETE that a handler above it already
/// sent once (a resilience handler re-sends a clone carrying the same request options), before a single byte leaves.
/// </summary>
internal sealed class SendOnceGuard : DelegatingHandler
{
    private const string Key = "StarkSdk.Core.SentOnce";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!RetryPolicy.IsSafe(request.Method))
        {
            var mark = Get(request);
            if (mark is null)
            {
                Set(request, new SentMark());
            }
            else
            {
                throw new InvalidOperationException(
                    $"A handler of the Stark HttpClient tried to send {request.Method} {request.RequestUri?.AbsolutePath} a second time (a retry, e.g. " +
                    "AddStandardResilienceHandler). The Stark SDK never sends an unsafe request twice: it could move money twice. " +
                    "Disable that handler's retries of unsafe methods (Retry.DisableForUnsafeHttpMethods()) or remove it; the SDK already retries safe calls.");
            }
        }

        return base.SendAsync(request, cancellationToken);
    }

#if NET5_0_OR_GREATER
    private static SentMark? Get(HttpRequestMessage request) => request.Options.TryGetValue(new HttpRequestOptionsKey<SentMark>(Key), out var mark) ? mark : null;

    private static void Set(HttpRequestMessage request, SentMark mark) => request.Options.Set(new HttpRequestOptionsKey<SentMark>(Key), mark);
#else
    private static SentMark? Get(HttpRequestMessage request) => request.Properties.TryGetValue(Key, out var mark) ? mark as SentMark : null;

    private static void Set(HttpRequestMessage request, SentMark mark) => request.Properties[Key] = mark;
#endif

    private sealed class SentMark
    {
    }
}
