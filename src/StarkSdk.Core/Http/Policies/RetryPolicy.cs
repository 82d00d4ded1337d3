using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace StarkSdk.Core;

/// <summary>
/// Retries safe calls (GET, HEAD, OPTIONS) with Polly.Core: jittered exponential backoff, the server's Retry-After (capped at
/// <see cref="RetryOptions.MaxDelay"/>). An attempt is everything after this policy — signing, sending and reading the whole body
/// — so a reset, a cut mid-body, an attempt timeout, 429 or 5xx are all retried the same way. POST, PATCH, PUT and DELETE get one
/// attempt: a second one could move money twice. Every attempt gets its own timeout under the call's overall deadline.
/// </summary>
internal sealed class RetryPolicy : PipelinePolicy
{
    private static readonly ResiliencePropertyKey<StarkMessage> MessageKey = new ResiliencePropertyKey<StarkMessage>("StarkSdk.Core.Message");

    private readonly StarkTelemetry _telemetry;
    private Built? _built;

    internal RetryPolicy(StarkTelemetry telemetry) => _telemetry = telemetry;

    internal static bool IsSafe(HttpMethod method) => method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options;

    internal static bool IsTransient(int statusCode) => statusCode == 429 || statusCode >= 500;

    // The caller's cancellation and the overall deadline arrive as OperationCanceledException and are never retried.
    internal static bool IsTransient(Exception exception) => exception is HttpRequestException || exception is System.IO.IOException || exception is AttemptTimeoutException;

    internal override async Task ProcessAsync(StarkMessage message, PolicyChain next)
    {
        var callToken = message.CancellationToken;
        if (!IsSafe(message.Request.Method) || message.Retry.MaxRetries == 0)
        {
            await AttemptAsync(message, next, callToken).ConfigureAwait(false);
            return;
        }

        var pipeline = PipelineFor(message.Retry, message.TimeProvider);
        var context = ResilienceContextPool.Shared.Get(callToken);
        context.Properties.Set(MessageKey, message);
        try
        {
            await pipeline.ExecuteAsync(
                static async (ctx, state) => await AttemptAsync(state.message, state.next, ctx.CancellationToken).ConfigureAwait(false),
                context,
                (message, next)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static async Task<int> AttemptAsync(StarkMessage message, PolicyChain next, CancellationToken callToken)
    {
        message.ResetAttempt();
        message.Attempt++;
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(callToken);
        if (message.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            attempt.CancelAfter(message.AttemptTimeout);
        }

        message.CancellationToken = attempt.Token;
        try
        {
            await next.ProcessNextAsync(message).ConfigureAwait(false);
            return message.StatusCode;
        }
        catch (OperationCanceledException ex) when (attempt.IsCancellationRequested && !callToken.IsCancellationRequested)
        {
            // Only this attempt ran out of time: a transient fault like any other, not the caller's cancellation.
            throw new AttemptTimeoutException(message.AttemptTimeout, ex);
        }
        finally
        {
            message.CancellationToken = callToken;
        }
    }

    private ResiliencePipeline<int> PipelineFor(RetryOptions retry, TimeProvider timeProvider)
    {
        var built = Volatile.Read(ref _built);
        if (built is null || !built.Matches(retry, timeProvider))
        {
            built = new Built(retry, timeProvider, Build(retry, timeProvider));
            Volatile.Write(ref _built, built);
        }

        return built.Pipeline;
    }

    private ResiliencePipeline<int> Build(RetryOptions retry, TimeProvider timeProvider)
    {
        var maxDelay = retry.MaxDelay;
        var options = new RetryStrategyOptions<int>
        {
            MaxRetryAttempts = retry.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = retry.BaseDelay,
            MaxDelay = maxDelay,
            ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception is Exception ex ? IsTransient(ex) : IsTransient(args.Outcome.Result)),
            DelayGenerator = args =>
            {
                var message = args.Context.Properties.GetValue(MessageKey, null!);
                return new ValueTask<TimeSpan?>(RetryAfter.From(message?.Response, maxDelay, timeProvider));
            },
            OnRetry = args =>
            {
                var message = args.Context.Properties.GetValue(MessageKey, null!);
                if (message != null)
                {
                    var reason = args.Outcome.Exception is Exception ex ? ex.GetType().Name : "status " + args.Outcome.Result;
                    _telemetry.Retrying(message, reason, args.AttemptNumber + 1, retry.MaxRetries, args.RetryDelay);
                }

                return default;
            },
        };

        return new ResiliencePipelineBuilder<int> { TimeProvider = timeProvider }.AddRetry(options).Build();
    }

    private sealed class Built
    {
        private readonly int _maxRetries;
        private readonly TimeSpan _baseDelay;
        private readonly TimeSpan _maxDelay;
        private readonly TimeProvider _timeProvider;

        internal Built(RetryOptions retry, TimeProvider timeProvider, ResiliencePipeline<int> pipeline)
        {
            _maxRetries = retry.MaxRetries;
            _baseDelay = retry.BaseDelay;
            _maxDelay = retry.MaxDelay;
            _timeProvider = timeProvider;
            Pipeline = pipeline;
        }

        internal ResiliencePipeline<int> Pipeline { get; }

        // RetryOptions is mutable: rebuild when the settings a call reads are not the ones this pipeline was built with.
        internal bool Matches(RetryOptions retry, TimeProvider timeProvider) =>
            retry.MaxRetries == _maxRetries && retry.BaseDelay == _baseDelay && retry.MaxDelay == _maxDelay && ReferenceEquals(timeProvider, _timeProvider);
    }
}
