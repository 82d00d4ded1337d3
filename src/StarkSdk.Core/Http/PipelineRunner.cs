using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace StarkSdk.Core;

/// <summary>
/// Runs one call through the ordered policies — request building → retry → response reading → signing → telemetry →
/// response buffering → transport — under the call's overall deadline, with one span, and maps failures to typed errors.
/// </summary>
internal sealed class PipelineRunner
{
    private readonly PipelinePolicy[] _policies;
    private readonly StarkClientOptions _options;
    private readonly StarkTelemetry _telemetry;

    internal PipelineRunner(HttpClient httpClient, ApiDescriptor api, StarkClientOptions options)
    {
        _options = options;
        _telemetry = new StarkTelemetry(options);
        Building = new RequestBuildingPolicy(api, options);
        _policies = new PipelinePolicy[]
        {
            Building,
            new RetryPolicy(_telemetry),
            new ResponseReadingPolicy(),
            new SigningPolicy(api, _telemetry),
            new TelemetryPolicy(_telemetry),
            new ResponseBufferingPolicy(),
            new TransportPolicy(httpClient),
        };
    }

    internal RequestBuildingPolicy Building { get; }

    /// <summary>The policies in the order they run.</summary>
    internal PipelinePolicy[] Policies => (PipelinePolicy[])_policies.Clone();

    internal async Task<TResult> RunAsync<TResult>(ApiRequest request, RequestOptions? options, ResponseKind kind, Func<StarkMessage, Task<TResult>> read, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var timeout = OptionChecks.Timeout(options?.Timeout ?? _options.Timeout);
        using var deadline = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var message = new StarkMessage(request, options, kind, linked.Token) { Reader = async m => await read(m).ConfigureAwait(false) };
        using var activity = StarkDiagnostics.ActivitySource.StartActivity("Stark " + message.Method, ActivityKind.Client);
        activity?.SetTag("http.request.method", message.Method);
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            deadline.CancelAfter(timeout);
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await _policies[0].ProcessAsync(message, new PolicyChain(_policies, 1)).ConfigureAwait(false);
            Tag(activity, message);
            if (!message.HasResult)
            {
                // The retries ended on a 429 or 5xx: its typed error.
                ResponseReader.EnsureSuccess(message);
            }

            var result = (TResult)message.Result!;
            _telemetry.Succeeded(message, Stopwatch.GetTimestamp() - started, ResponseReader.RequestId(message.Response));
            return result;
        }
        catch (MalformedBodyException ex)
        {
            Fail(activity, message, started, ex.Error);
            throw ex.Error;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsTransportFailure(ex))
        {
            var error = deadline.IsCancellationRequested ? ErrorFactory.Timeout(message.Method, message.Path, timeout, ex)
                : ex is AttemptTimeoutException attempt ? ErrorFactory.Timeout(message.Method, message.Path, attempt.Timeout, ex)
                : ErrorFactory.Transport(message.Method, message.Path, ex);
            Fail(activity, message, started, error);
            throw error;
        }
        catch (Exception ex)
        {
            Fail(activity, message, started, ex);
            throw;
        }
    }

    private static bool IsTransportFailure(Exception ex) => ex is HttpRequestException || ex is IOException || ex is OperationCanceledException || ex is TimeoutException;

    private static void Tag(Activity? activity, StarkMessage message)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("url.path", message.Path);
        activity.SetTag("http.method", message.Method);
        activity.SetTag("http.status_code", message.StatusCode);
        activity.SetTag("server.address", message.Uri?.Host);
        activity.SetTag("http.response.status_code", message.StatusCode);
        if (message.Attempt > 1)
        {
            activity.SetTag("http.request.resend_count", message.Attempt - 1);
        }
    }

    private void Fail(Activity? activity, StarkMessage message, long started, Exception error)
    {
        Tag(activity, message);
        activity?.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
        _telemetry.Failed(message, Stopwatch.GetTimestamp() - started, ResponseReader.RequestId(message.Response), error);
    }
}
