using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace StarkSdk.Core;

/// <summary>
/// Sends signed API calls and turns responses into objects or typed errors. The generated clients call it; it is safe to share
/// across threads. Handler order: retry → signing → transport, so every attempt is signed afresh.
/// </summary>
public sealed class StarkPipeline
{
    private static readonly string[] Languages = { "en-US", "pt-BR", "es-ES" };
    private static readonly string[] RequestIdHeaders = { "Request-Id", "X-Request-Id", "X-Cloud-Trace-Context" };

    private readonly HttpClient _httpClient;
    private readonly ILogger? _logger;
    private PublicKeyCache? _publicKeys;

    /// <summary>
    /// Creates a pipeline for plain use. Every pipeline created this way shares ONE static HttpClient
    /// (retry → signing → transport), so creating many clients costs no sockets.
    /// </summary>
    /// <param name="api">The API the SDK talks to.</param>
    /// <param name="options">The client's settings (user, timeout, retries, logging).</param>
    /// <returns>The pipeline.</returns>
    public static StarkPipeline Create(ApiDescriptor api, StarkClientOptions options) => new StarkPipeline(SharedHttpClient.Instance, api, options);

    /// <summary>
    /// Creates a pipeline over an HttpClient that already carries the Stark handlers
    /// (from IHttpClientFactory with <see cref="StarkHttpClientBuilderExtensions.AddStarkHandlers"/>).
    /// </summary>
    /// <param name="httpClient">The client; requests that come back unsigned raise <see cref="InvalidOperationException"/>.</param>
    /// <param name="api">The API the SDK talks to.</param>
    /// <param name="options">The client's settings.</param>
    public StarkPipeline(HttpClient httpClient, ApiDescriptor api, StarkClientOptions options)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        Api = api ?? throw new ArgumentNullException(nameof(api));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        if (options.BaseUrl != null && (!options.BaseUrl.IsAbsoluteUri || (options.BaseUrl.Scheme != Uri.UriSchemeHttps && options.BaseUrl.Scheme != Uri.UriSchemeHttp)))
        {
            throw new ArgumentException("StarkClientOptions.BaseUrl must be an absolute http(s) URL.", nameof(options));
        }

        ValidateLanguage(options.Language);
        ValidateTimeout(options.Timeout);
        _logger = options.LoggerFactory?.CreateLogger(StarkDiagnostics.SourceName);
    }

    /// <summary>The API this pipeline talks to.</summary>
    public ApiDescriptor Api { get; }

    /// <summary>The client's settings, read on every call.</summary>
    public StarkClientOptions Options { get; }

    internal HttpClient HttpClient => _httpClient;

    /// <summary>The API's public key, cached per pipeline for webhook verification.</summary>
    internal PublicKeyCache PublicKeys => LazyInitializer.EnsureInitialized(ref _publicKeys, () => new PublicKeyCache(this))!;

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
        ExecuteAsync(request, options, cancellationToken, keepResponse: false, async (response, call, token) =>
        {
            var parsed = await ReadJsonAsync<T>(response, responseKey, call, token).ConfigureAwait(false);
            return parsed.Value!;
        });

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

        return ExecuteAsync(request, options, cancellationToken, keepResponse: false, async (response, call, token) =>
        {
            var bytes = await ReadBytesAsync(response, token).ConfigureAwait(false);
            var parsed = ParseJson<List<T>>(bytes, responseKey, call, (int)response.StatusCode);
            if (parsed.Value!.Count == 0 || parsed.Value[0] is null)
            {
                throw ErrorFactory.BadBody(call.Method, call.Path, (int)response.StatusCode, $"the response's '{responseKey}' list holds no item", Encoding.UTF8.GetString(bytes));
            }

            return parsed.Value[0];
        });
    }

    /// <summary>Sends a call whose response is binary (a PDF, a PNG) and returns its bytes.</summary>
    /// <param name="request">The call.</param>
    /// <param name="options">Per-call settings, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body.</returns>
    public Task<byte[]> GetBytesAsync(ApiRequest request, RequestOptions? options, CancellationToken cancellationToken) =>
        ExecuteAsync(request, options, cancellationToken, keepResponse: false, (response, call, token) => ReadBytesAsync(response, token), binary: true);

    /// <summary>
    /// Sends a call whose response is binary and returns the body as a stream, read as it arrives.
    /// The timeout covers the call until the response headers; dispose the stream to release the connection.
    /// </summary>
    /// <param name="request">The call.</param>
    /// <param name="options">Per-call settings, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body stream.</returns>
    public Task<Stream> GetStreamAsync(ApiRequest request, RequestOptions? options, CancellationToken cancellationToken) =>
        ExecuteAsync(request, options, cancellationToken, keepResponse: true, (response, call, token) => ReadStreamAsync(response, token), binary: true);

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

        return ExecuteAsync(request, options, cancellationToken, keepResponse: false, async (response, call, token) =>
        {
            var parsed = await ReadJsonAsync<List<T>>(response, itemsKey, call, token).ConfigureAwait(false);
            return new Page<T>(parsed.Value!.AsReadOnly(), string.IsNullOrEmpty(parsed.Cursor) ? null : parsed.Cursor);
        });
    }

    /// <summary>
    /// Lists every item, following cursors until there are no more or <paramref name="limit"/> items were yielded.
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
        ExecuteAsync(request, options, cancellationToken, keepResponse: false, async (response, call, token) =>
        {
            var bytes = await ReadBytesAsync(response, token).ConfigureAwait(false);
            return RawResponse.From(response, bytes);
        });

    internal Uri BuildUri(User user, ApiRequest request)
    {
        var baseUrl = (Options.BaseUrl ?? Api.BaseUrlFor(user.Environment)).AbsoluteUri;
        var builder = new StringBuilder(baseUrl.Length + request.Path.Length + 64);
        builder.Append(baseUrl);
        if (baseUrl[baseUrl.Length - 1] != '/')
        {
            builder.Append('/');
        }

        builder.Append(Api.Version).Append('/').Append(request.Path);
        var query = request.Query.ToString();
        if (query.Length > 0)
        {
            builder.Append('?').Append(query);
        }

        return new Uri(builder.ToString(), UriKind.Absolute);
    }

    private delegate Task<TResult> ResponseHandler<TResult>(HttpResponseMessage response, CallInfo call, CancellationToken cancellationToken);

    private async Task<TResult> ExecuteAsync<TResult>(ApiRequest request, RequestOptions? options, CancellationToken cancellationToken, bool keepResponse, ResponseHandler<TResult> onSuccess, bool binary = false)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var user = options?.User ?? Options.User
            ?? throw new InvalidOperationException("No Stark user: set StarkClientOptions.User or pass RequestOptions.User.");
        var language = ValidateLanguage(options?.Language ?? Options.Language);
        var timeout = ValidateTimeout(options?.Timeout ?? Options.Timeout);
        var call = new CallInfo(request.Method.Method, "/" + Api.Version + "/" + request.Path);

        var uri = BuildUri(user, request);
        using var message = new HttpRequestMessage(request.Method, uri);
        if (request.Body != null)
        {
            message.Content = SerializeBody(request.Body);
        }

        // A PDF, PNG or CSV download must not ask for JSON only: a strict server (Prism) answers 406. Errors still come as JSON.
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(binary ? "*/*" : "application/json"));
        RequestProperties.SetUser(message, user);
        RequestProperties.SetLanguage(message, language);
        RequestProperties.SetRetry(message, Options.Retry ?? new RetryOptions());
        RequestProperties.SetApi(message, Api);
        RequestProperties.SetLogger(message, _logger);

        using var activity = StarkDiagnostics.ActivitySource.StartActivity("Stark " + call.Method, ActivityKind.Client);
        activity?.SetTag("http.method", call.Method);
        activity?.SetTag("http.request.method", call.Method);
        activity?.SetTag("url.path", call.Path);
        activity?.SetTag("server.address", message.RequestUri!.Host);

        var started = Stopwatch.GetTimestamp();
        var statusCode = 0;
        string? requestId = null;
        HttpResponseMessage? response = null;
        using var timeoutSource = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        if (timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            timeoutSource.CancelAfter(timeout);
        }

        try
        {
            response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            statusCode = (int)response.StatusCode;
            requestId = FindRequestId(response);
            activity?.SetTag("http.status_code", statusCode);
            activity?.SetTag("http.response.status_code", statusCode);

            if (!RequestProperties.IsSigned(message))
            {
                throw new InvalidOperationException("The HttpClient given to StarkPipeline does not sign requests: register it with AddStarkHandlers() or use StarkPipeline.Create.");
            }

            if (response.RequestMessage?.RequestUri != null && response.RequestMessage.RequestUri != uri)
            {
                // A handler that follows redirects is misconfigured: the answer comes from a URL we did not choose.
                throw new UnknownError($"{call.Method} {call.Path} → the response came from a redirect, which the SDK refuses; disable AllowAutoRedirect on the primary handler", statusCode, call.Method, call.Path, null);
            }

            if (statusCode < 200 || statusCode > 299)
            {
                var body = await ReadStringAsync(response, linked.Token).ConfigureAwait(false);
                throw ErrorFactory.FromResponse(statusCode, call.Method, call.Path, body);
            }

            var result = await onSuccess(response, call, linked.Token).ConfigureAwait(false);
            if (keepResponse)
            {
                response = null;
            }

            Log(call, statusCode, started, requestId, null);
            return result;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsTransportFailure(ex))
        {
            var error = timeoutSource.IsCancellationRequested ? ErrorFactory.Timeout(call.Method, call.Path, timeout, ex) : ErrorFactory.Transport(call.Method, call.Path, ex);
            Fail(activity, call, statusCode, started, requestId, error);
            throw error;
        }
        catch (JsonException ex)
        {
            var error = ErrorFactory.BadBody(call.Method, call.Path, statusCode, "the response is not the expected JSON (" + ex.Message + ")", null, ex);
            Fail(activity, call, statusCode, started, requestId, error);
            throw error;
        }
        catch (Exception ex)
        {
            Fail(activity, call, statusCode, started, requestId, ex);
            throw;
        }
        finally
        {
            response?.Dispose();
        }
    }

    private static bool IsTransportFailure(Exception ex) => ex is HttpRequestException || ex is IOException || ex is OperationCanceledException;

    private void Fail(Activity? activity, CallInfo call, int statusCode, long started, string? requestId, Exception error)
    {
        activity?.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
        Log(call, statusCode, started, requestId, error);
    }

    private void Log(CallInfo call, int statusCode, long started, string? requestId, Exception? error)
    {
        if (_logger is null)
        {
            return;
        }

        var elapsedMs = (Stopwatch.GetTimestamp() - started) * 1000.0 / Stopwatch.Frequency;
        if (error is null)
        {
            _logger.LogDebug("Stark {Method} {Path} → {StatusCode} in {ElapsedMs:0.0} ms (request id {RequestId})", call.Method, call.Path, statusCode, elapsedMs, requestId ?? "-");
        }
        else if (error is OperationCanceledException)
        {
            _logger.LogDebug("Stark {Method} {Path} cancelled after {ElapsedMs:0.0} ms", call.Method, call.Path, elapsedMs);
        }
        else
        {
            // The exception object is not logged: its RawBody is the server's, but nothing of ours (keys, signatures) ever enters an error.
            _logger.LogWarning("Stark {Method} {Path} → {StatusCode} in {ElapsedMs:0.0} ms (request id {RequestId}): {ErrorType}: {ErrorMessage}", call.Method, call.Path, statusCode, elapsedMs, requestId ?? "-", error.GetType().Name, error.Message);
        }
    }

    private static string? FindRequestId(HttpResponseMessage response)
    {
        foreach (var name in RequestIdHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values))
            {
                foreach (var value in values)
                {
                    return ErrorText.Excerpt(value);
                }
            }
        }

        return null;
    }

    private static HttpContent SerializeBody(object body)
    {
        byte[] bytes;
        switch (body)
        {
            case RawJson raw:
                bytes = Encoding.UTF8.GetBytes(raw.Text);
                break;
            case JToken token:
                bytes = Encoding.UTF8.GetBytes(token.ToString(Formatting.None));
                break;
            default:
                using (var buffer = new MemoryStream())
                {
                    using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), 4096, leaveOpen: true))
                    using (var json = new JsonTextWriter(writer) { Formatting = Formatting.None })
                    {
                        StarkJson.Internal.Serialize(json, body);
                    }

                    bytes = buffer.ToArray();
                }

                break;
        }

        return new SignedBodyContent(bytes);
    }

    private static async Task<JsonBody.Result<T>> ReadJsonAsync<T>(HttpResponseMessage response, string? key, CallInfo call, CancellationToken cancellationToken)
    {
        // Buffer the bytes of ONE response (a page at most) in a pooled array, then parse synchronously from memory:
        // no blocking network reads, and no large-object-heap array per page.
        using var body = await PooledBody.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return ParseJson<T>(body.Buffer, body.Length, key, call, (int)response.StatusCode);
    }

    private static JsonBody.Result<T> ParseJson<T>(byte[] bytes, string? key, CallInfo call, int statusCode) => ParseJson<T>(bytes, bytes.Length, key, call, statusCode);

    private static JsonBody.Result<T> ParseJson<T>(byte[] bytes, int length, string? key, CallInfo call, int statusCode)
    {
        using var stream = new MemoryStream(bytes, 0, length, writable: false);
        JsonBody.Result<T> result;
        try
        {
            result = JsonBody.Read<T>(stream, key);
        }
        catch (JsonException ex)
        {
            throw ErrorFactory.BadBody(call.Method, call.Path, statusCode, "the response is not the expected JSON (" + ex.Message + ")", Encoding.UTF8.GetString(bytes, 0, length), ex);
        }

        if (!result.Found || result.Value is null)
        {
            throw ErrorFactory.BadBody(call.Method, call.Path, statusCode, key is null ? "the response is empty" : $"the response has no '{key}'", Encoding.UTF8.GetString(bytes, 0, length));
        }

        return result;
    }

    private static async Task<byte[]> ReadBytesAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
#if NET5_0_OR_GREATER
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
#endif
    }

    private static async Task<Stream> ReadStreamAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
#if NET5_0_OR_GREATER
        return await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        cancellationToken.ThrowIfCancellationRequested();
        return await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
    }

    private static async Task<string> ReadStringAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await ReadBytesAsync(response, cancellationToken).ConfigureAwait(false);
        return Encoding.UTF8.GetString(bytes);
    }

    private static string? ValidateLanguage(string? language)
    {
        if (language is null)
        {
            return null;
        }

        foreach (var known in Languages)
        {
            if (string.Equals(known, language, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        throw new ArgumentException("The language must be one of en-US, pt-BR or es-ES.", nameof(language));
    }

    private static TimeSpan ValidateTimeout(TimeSpan timeout)
    {
        if (timeout != System.Threading.Timeout.InfiniteTimeSpan && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive (or Timeout.InfiniteTimeSpan).");
        }

        return timeout;
    }

    private sealed class CallInfo
    {
        internal CallInfo(string method, string path)
        {
            Method = method;
            Path = path;
        }

        internal string Method { get; }

        internal string Path { get; }
    }
}
