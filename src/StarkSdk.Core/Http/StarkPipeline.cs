using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace StarkSdk.Core;

/// <summary>
/// Sends signed API calls and turns responses into objects or typed errors. The generated clients call it; it is safe to share
/// across threads. Each call runs through ordered policies (see <see cref="PipelineRunner"/>): request building → retry →
/// signing (every attempt afresh) → telemetry → response buffering → transport.
/// </summary>
public sealed class StarkPipeline
{
    private readonly PipelineRunner _runner;
    private SignatureVerifier? _verifier;

    /// <summary>
    /// Creates a pipeline for plain use. Every pipeline created this way shares ONE static HttpClient, so creating many
    /// clients costs no sockets.
    /// </summary>
    /// <param name="api">The API the SDK talks to.</param>
    /// <param name="options">The client's settings (user, timeouts, retries, logging, metrics).</param>
    /// <returns>The pipeline.</returns>
    public static StarkPipeline Create(ApiDescriptor api, StarkClientOptions options) => new StarkPipeline(SharedHttpClient.Instance, api, options);

    /// <summary>
    /// Creates a pipeline over an HttpClient used as the transport (e.g. from IHttpClientFactory, see
    /// <see cref="StarkHttpClientBuilderExtensions.AddStarkHandlers"/>). The pipeline signs and retries by itself: the client
    /// must not follow redirects, and must not retry POSTs (see docs/resilience.md).
    /// </summary>
    /// <param name="httpClient">The transport.</param>
    /// <param name="api">The API the SDK talks to.</param>
    /// <param name="options">The client's settings.</param>
    public StarkPipeline(HttpClient httpClient, ApiDescriptor api, StarkClientOptions options)
    {
        if (httpClient is null)
        {
            throw new ArgumentNullException(nameof(httpClient));
        }

        Api = api ?? throw new ArgumentNullException(nameof(api));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        OptionChecks.BaseUrl(options.BaseUrl);
        OptionChecks.Language(options.Language);
        OptionChecks.Timeout(options.Timeout);
        OptionChecks.Timeout(options.AttemptTimeout, "attemptTimeout");
        HttpClient = httpClient;
        _runner = new PipelineRunner(httpClient, api, options);
    }

    /// <summary>The API this pipeline talks to.</summary>
    public ApiDescriptor Api { get; }

    /// <summary>The client's settings, read on every call.</summary>
    public StarkClientOptions Options { get; }

    /// <summary>
    /// The webhook and callback verifier of this client, with its cache of the API's public key: built once and shared by
    /// every generated client of the same root client.
    /// </summary>
    public SignatureVerifier Verifier => LazyInitializer.EnsureInitialized(ref _verifier, () => new SignatureVerifier(this))!;

    internal HttpClient HttpClient { get; }

    internal PipelineRunner Runner => _runner;

    /// <summary>Sends a call and returns the JSON value under <paramref name="responseKey"/> (or the whole body when null).</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="request">The call.</param>
    /// <param name="responseKey">The property of the response envelope that holds the result, e.g. <c>invoice</c>.</param>
    /// <param name="options">Per-call settings, or null.</param>
    /// <param name="cancellationToken">Cancels the call; an OperationCanceledException propagates.</param>
    /// <returns>The result.</returns>
    /// <exception cref="InputErrors">HTTP 400.</exception>
    /// <exception cref="InternalServerError">HTTP 500.</exception>
    /// <exception cref="UnknownError">Any other failure, including a timeout.</exception>
    public Task<T> SendAsync<T>(ApiRequest request, string? responseKey, RequestOptions? options, CancellationToken cancellationToken) =>
        _runner.RunAsync(request, options, ResponseKind.Json, message => Task.FromResult(ResponseReader.Json<T>(message, responseKey).Value!), cancellationToken);

    /// <summary>
    /// Sends a call whose response envelope holds a list of exactly one item under <paramref name="responseKey"/> (the balance:
    /// <c>{"balances": [{...}]}</c>) and returns that item.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="request">The call.</param>
    /// <param name="responseKey">The property of the response envelope that holds the one-item list, e.g. <c>balances</c>.</param>
    /// <param name="options">Per-call settings, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The list's first item.</returns>
    /// <exception cref="InputErrors">HTTP 400.</exception>
    /// <exception cref="InternalServerError">HTTP 500.</exception>
    /// <exception cref="UnknownError">The list is missing, empty or starts with null; or any other failure.</exception>
    public Task<T> SendSingleAsync<T>(ApiRequest request, string responseKey, RequestOptions? options, CancellationToken cancellationToken)
    {
        if (responseKey is null)
        {
            throw new ArgumentNullException(nameof(responseKey));
        }

        return _runner.RunAsync(request, options, ResponseKind.Json, message =>
        {
            var list = ResponseReader.Json<List<T>>(message, responseKey).Value!;
            if (list.Count == 0 || list[0] is null)
            {
                throw ErrorFactory.BadBody(message.Method, message.Path, message.StatusCode, $"the response's '{responseKey}' list holds no item", ResponseReader.Text(message));
            }

            return Task.FromResult(list[0]);
        }, cancellationToken);
    }

    /// <summary>Sends a call whose response is binary (a PDF, a PNG) and returns its bytes (read whole inside each attempt).</summary>
    /// <param name="request">The call.</param>
    /// <param name="options">Per-call settings, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body.</returns>
    public Task<byte[]> GetBytesAsync(ApiRequest request, RequestOptions? options, CancellationToken cancellationToken) =>
        _runner.RunAsync(request, options, ResponseKind.Bytes, message => Task.FromResult(ResponseReader.Bytes(message)), cancellationToken);

    /// <summary>
    /// Sends a call whose response is binary and returns the body as a stream, read as it arrives. Retries and timeouts cover
    /// the call until the response headers; dispose the stream to release the connection.
    /// </summary>
    /// <param name="request">The call.</param>
    /// <param name="options">Per-call settings, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body stream.</returns>
    public Task<Stream> GetStreamAsync(ApiRequest request, RequestOptions? options, CancellationToken cancellationToken) =>
        _runner.RunAsync(request, options, ResponseKind.Stream, async message =>
        {
            var response = message.DetachResponse();
            try
            {
#if NET5_0_OR_GREATER
                return await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
                return await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }, cancellationToken);

    /// <summary>Fetches one page of a list: the items under <paramref name="itemsKey"/> and the next cursor.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="request">The call, with its <c>limit</c> and <c>cursor</c> query parameters, if any.</param>
    /// <param name="itemsKey">The property holding the items, e.g. <c>invoices</c>.</param>
    /// <param name="options">Per-call settings, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    public Task<Page<T>> PageAsync<T>(ApiRequest request, string itemsKey, RequestOptions? options, CancellationToken cancellationToken)
    {
        if (itemsKey is null)
        {
            throw new ArgumentNullException(nameof(itemsKey));
        }

        return _runner.RunAsync(request, options, ResponseKind.Json, message =>
        {
            var parsed = ResponseReader.Json<List<T>>(message, itemsKey);
            return Task.FromResult(new Page<T>(parsed.Value!.AsReadOnly(), string.IsNullOrEmpty(parsed.Cursor) ? null : parsed.Cursor));
        }, cancellationToken);
    }

    /// <summary>
    /// Lists every item, following cursors until there are no more or <paramref name="limit"/> items were yielded. Each page
    /// is retried like any safe call; when a page still fails, the error's <see cref="StarkException.ResumeCursor"/> is the
    /// cursor of that page, so <see cref="PageAsync{T}"/> (or a new listing from it) continues exactly there.
    /// Asks for at most 100 per page and holds one page in memory at a time.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="request">The call; its <c>limit</c> and <c>cursor</c> parameters are managed here (a <c>cursor</c> already set is the starting point).</param>
    /// <param name="itemsKey">The property holding the items, e.g. <c>invoices</c>.</param>
    /// <param name="limit">The most items to yield; null for all.</param>
    /// <param name="options">Per-call settings, applied to every page, or null.</param>
    /// <param name="cancellationToken">Cancels the listing (as does the enumerator's token).</param>
    /// <returns>The items, fetched lazily.</returns>
    public IAsyncEnumerable<T> QueryAsync<T>(ApiRequest request, string itemsKey, int? limit, RequestOptions? options, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (itemsKey is null)
        {
            throw new ArgumentNullException(nameof(itemsKey));
        }

        if (limit < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "The limit must not be negative.");
        }

        return Pager.QueryAsync<T>(this, request, itemsKey, limit, options, cancellationToken);
    }

    internal Task<RawResponse> SendRawAsync(ApiRequest request, RequestOptions? options, CancellationToken cancellationToken) =>
        _runner.RunAsync(request, options, ResponseKind.Bytes, message => Task.FromResult(RawResponse.From(message.Response!, ResponseReader.Bytes(message))), cancellationToken);

    internal Uri BuildUri(User user, ApiRequest request) => _runner.Building.BuildUri(user, request);
}
