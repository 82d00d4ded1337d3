using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace StarkSdk.Core;

/// <summary>
/// Signed requests to routes the SDK has not mapped yet. Paths are relative to the version root (<c>invoice</c> or <c>/invoice</c>).
/// Non-2xx responses raise the same typed errors as the rest of the SDK.
/// </summary>
public sealed class RawRequests
{
    private static readonly HttpMethod Patch = new HttpMethod("PATCH");
    private readonly StarkPipeline _pipeline;

    /// <summary>Creates the raw request helper over a pipeline.</summary>
    /// <param name="pipeline">The pipeline (user, base URL, retries, logging).</param>
    public RawRequests(StarkPipeline pipeline)
    {
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
    }

    /// <summary>Sends a GET (retried on transient failures).</summary>
    /// <param name="path">The path, e.g. <c>invoice/123</c>.</param>
    /// <param name="query">Query parameters: strings, numbers, booleans, dates (<see cref="DateTime"/> → date, <see cref="DateTimeOffset"/> → date-time), string enums or lists of them; null values are skipped.</param>
    /// <param name="options">Per-call settings, or null.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>The response.</returns>
    public Task<RawResponse> GetAsync(string path, IDictionary<string, object?>? query = null, RequestOptions? options = null, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Get, path, null, query, options, ct);

    /// <summary>Sends a POST (never retried).</summary>
    /// <param name="path">The path.</param>
    /// <param name="body">The body: an object serialized with <see cref="StarkJson"/>, a <see cref="JToken"/>, or a string that is already JSON (sent as-is).</param>
    /// <param name="query">Query parameters, as for <see cref="GetAsync"/>.</param>
    /// <param name="options">Per-call settings, or null.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>The response.</returns>
    public Task<RawResponse> PostAsync(string path, object? body, IDictionary<string, object?>? query = null, RequestOptions? options = null, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, path, body, query, options, ct);

    /// <summary>Sends a PATCH (never retried).</summary>
    /// <param name="path">The path.</param>
    /// <param name="body">The body, as for <see cref="PostAsync"/>.</param>
    /// <param name="query">Query parameters, as for <see cref="GetAsync"/>.</param>
    /// <param name="options">Per-call settings, or null.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>The response.</returns>
    public Task<RawResponse> PatchAsync(string path, object? body, IDictionary<string, object?>? query = null, RequestOptions? options = null, CancellationToken ct = default) =>
        SendAsync(Patch, path, body, query, options, ct);

    /// <summary>Sends a PUT (never retried).</summary>
    /// <param name="path">The path.</param>
    /// <param name="body">The body, as for <see cref="PostAsync"/>.</param>
    /// <param name="query">Query parameters, as for <see cref="GetAsync"/>.</param>
    /// <param name="options">Per-call settings, or null.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>The response.</returns>
    public Task<RawResponse> PutAsync(string path, object? body, IDictionary<string, object?>? query = null, RequestOptions? options = null, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Put, path, body, query, options, ct);

    /// <summary>Sends a DELETE (never retried).</summary>
    /// <param name="path">The path.</param>
    /// <param name="query">Query parameters, as for <see cref="GetAsync"/>.</param>
    /// <param name="options">Per-call settings, or null.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>The response.</returns>
    public Task<RawResponse> DeleteAsync(string path, IDictionary<string, object?>? query = null, RequestOptions? options = null, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Delete, path, null, query, options, ct);

    private Task<RawResponse> SendAsync(HttpMethod method, string path, object? body, IDictionary<string, object?>? query, RequestOptions? options, CancellationToken ct)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        var request = new ApiRequest(method, path.Trim().Trim('/'))
        {
            Body = body is string text ? new RawJson(text) : body,
        };
        if (query != null)
        {
            foreach (var parameter in query)
            {
                AddQuery(request.Query, parameter.Key, parameter.Value);
            }
        }

        return _pipeline.SendRawAsync(request, options, ct);
    }

    private static void AddQuery(QueryBuilder query, string name, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                query.Add(name, text);
                return;
            case bool flag:
                query.Add(name, flag);
                return;
            case DateTimeOffset dateTime:
                query.Add(name, dateTime);
                return;
            case DateTime date:
                query.AddDate(name, date);
                return;
#if NET6_0_OR_GREATER
            case DateOnly dateOnly:
                query.Add(name, dateOnly);
                return;
#endif
            case IStringEnum stringEnum:
                query.Add(name, stringEnum.Value);
                return;
            case IFormattable number when value is byte || value is short || value is int || value is long || value is uint || value is ulong || value is decimal || value is double || value is float:
                query.Add(name, number.ToString(null, CultureInfo.InvariantCulture));
                return;
            case IEnumerable items:
                var parts = new List<string>();
                foreach (var item in items)
                {
                    if (item != null)
                    {
                        parts.Add(item is IStringEnum e ? e.Value : Convert.ToString(item, CultureInfo.InvariantCulture) ?? string.Empty);
                    }
                }

                query.Add(name, parts);
                return;
            default:
                query.Add(name, Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
        }
    }
}
