using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace StarkSdk.Core;

/// <summary>
/// Retries GET requests on network errors, 429 and 5xx with jittered exponential backoff, honouring Retry-After (capped).
/// Never retries POST, PATCH, PUT or DELETE: a second attempt could move money twice. Sits outside the signing handler,
/// so every attempt is signed afresh. Stateless: the policy travels on each request.
/// </summary>
public sealed class RetryHandler : DelegatingHandler
{
    private static readonly RetryOptions Defaults = new RetryOptions();

    /// <summary>Creates the handler; the inner handler is set by the pipeline or by IHttpClientFactory.</summary>
    public RetryHandler()
    {
    }

    /// <summary>Creates the handler around an inner handler.</summary>
    /// <param name="innerHandler">The next handler, usually <see cref="SigningHandler"/>.</param>
    public RetryHandler(HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var options = RequestProperties.GetRetry(request) ?? Defaults;
        if (request.Method != HttpMethod.Get || options.MaxRetries <= 0)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var logger = RequestProperties.GetLogger(request);
        for (var attempt = 0; ; attempt++)
        {
            TimeSpan delay;
            string reason;
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (!IsTransient(response.StatusCode) || attempt >= options.MaxRetries)
                {
                    return response;
                }

                delay = RetryAfter(response, options) ?? Backoff(options, attempt);
                reason = "status " + (int)response.StatusCode;
                response.Dispose();
            }
            catch (Exception ex) when (attempt < options.MaxRetries && IsTransient(ex, cancellationToken))
            {
                delay = Backoff(options, attempt);
                reason = ex.GetType().Name;
            }

            logger?.LogWarning("Stark GET {Path} failed ({Reason}); retry {Retry} of {MaxRetries} in {DelayMs} ms", request.RequestUri?.AbsolutePath, reason, attempt + 1, options.MaxRetries, (long)delay.TotalMilliseconds);
            var wait = options.Delay ?? Task.Delay;
            await wait(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static bool IsTransient(HttpStatusCode status) => (int)status == 429 || (int)status >= 500;

    // A cancelled token means the caller gave up or the call timed out: never retry then.
    private static bool IsTransient(Exception ex, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && (ex is HttpRequestException || ex is IOException || ex is OperationCanceledException);

    internal static TimeSpan Backoff(RetryOptions options, int attempt)
    {
        var ceiling = Math.Min(options.MaxDelay.TotalMilliseconds, options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30)));
        if (ceiling <= 0)
        {
            return TimeSpan.Zero;
        }

        // "Equal jitter": at least half the exponential delay, so retries spread out without collapsing to zero.
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Jitter.NextDouble() * ceiling / 2));
    }

    internal static TimeSpan? RetryAfter(HttpResponseMessage response, RetryOptions options)
    {
        var header = response.Headers.RetryAfter;
        if (header is null)
        {
            return null;
        }

        TimeSpan wanted;
        if (header.Delta is TimeSpan delta)
        {
            wanted = delta;
        }
        else if (header.Date is DateTimeOffset date)
        {
            wanted = date - DateTimeOffset.UtcNow;
        }
        else
        {
            return null;
        }

        if (wanted < TimeSpan.Zero)
        {
            wanted = TimeSpan.Zero;
        }

        return wanted > options.MaxDelay ? options.MaxDelay : wanted;
    }

    private static class Jitter
    {
#if NET6_0_OR_GREATER
        internal static double NextDouble() => Random.Shared.NextDouble();
#else
        [ThreadStatic]
        private static Random? _random;

        internal static double NextDouble() => (_random ??= new Random(Guid.NewGuid().GetHashCode())).NextDouble();
#endif
    }
}
