using System;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StarkSdk.Core;

namespace StarkSdk.Emulator.Tests;

/// <summary>
/// A plain HttpClient that signs requests as the Stark SDKs do: Access-Id, Access-Time (Unix seconds) and
/// Access-Signature = base64 DER ECDSA of "accessId:accessTime:body".
/// </summary>
internal sealed class EmulatorClient : IDisposable
{
    private readonly HttpClient _http;

    public EmulatorClient(string baseUrl, string accessId, PrivateKey key)
    {
        _http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        AccessId = accessId;
        Key = key;
    }

    public string AccessId { get; set; }

    /// <summary>The clock Access-Time is read from (the system's by default; a test with a fake emulator clock passes it).</summary>
    public Func<DateTimeOffset> Now { get; set; } = () => DateTimeOffset.UtcNow;

    public PrivateKey Key { get; set; }

    public Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<ApiResponse> PostAsync(string path, object body) => SendAsync(HttpMethod.Post, path, body);

    public Task<ApiResponse> PatchAsync(string path, object body) => SendAsync(HttpMethod.Patch, path, body);

    public Task<ApiResponse> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, body);

    public Task<ApiResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    /// <summary>Sends a request; <paramref name="body"/> is a JSON string, a JToken or an object to serialize.</summary>
    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, object? body, long? accessTime = null, string? signatureOverride = null, bool sign = true)
    {
        var text = body switch
        {
            null => "",
            string s => s,
            JToken t => t.ToString(Formatting.None),
            _ => JsonConvert.SerializeObject(body),
        };
        using var request = new HttpRequestMessage(method, path);
        if (body != null)
            request.Content = new StringContent(text, Encoding.UTF8, "application/json");
        if (sign)
        {
            var time = (accessTime ?? Now().ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
            request.Headers.Add("Access-Id", AccessId);
            request.Headers.Add("Access-Time", time);
            request.Headers.Add("Access-Signature", signatureOverride ?? Key.Sign(AccessId + ":" + time + ":" + text));
        }
        using var response = await _http.SendAsync(request).ConfigureAwait(false);
        var result = await ReadAsync(response).ConfigureAwait(false);
        if (CheckConformance && SpecConformance.Problems(method, path, result) is { } problems)
            NUnit.Framework.Assert.Fail(problems);
        return result;
    }

    /// <summary>Whether 200 JSON answers are checked against the embedded spec's response schemas (on by default).</summary>
    public bool CheckConformance { get; set; } = true;

    public static async Task<ApiResponse> ReadAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        var contentType = response.Content.Headers.ContentType?.MediaType;
        JToken? json = null;
        if (contentType != null && contentType.Contains("json", StringComparison.Ordinal) && bytes.Length > 0)
            json = Json.Parse(Encoding.UTF8.GetString(bytes));
        return new ApiResponse(response.StatusCode, contentType, bytes, json);
    }

    public void Dispose() => _http.Dispose();
}
