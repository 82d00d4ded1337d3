using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace StarkSdk.Core;

/// <summary>The answer to a raw request: status, headers, body as text and, when the body is JSON, parsed.</summary>
public sealed class RawResponse
{
    private readonly byte[] _bytes;

    /// <summary>Creates a response (for tests and mocks).</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="headers">Response and content headers, case-insensitive.</param>
    /// <param name="content">The body bytes.</param>
    public RawResponse(int statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, byte[] content)
    {
        StatusCode = statusCode;
        Headers = headers ?? throw new ArgumentNullException(nameof(headers));
        _bytes = content ?? throw new ArgumentNullException(nameof(content));
        Content = Encoding.UTF8.GetString(_bytes);
        Json = TryParse(Content);
    }

    /// <summary>The HTTP status (2xx; other statuses raise the typed errors).</summary>
    public int StatusCode { get; }

    /// <summary>Response and content headers, case-insensitive names.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The body decoded as UTF-8.</summary>
    public string Content { get; }

    /// <summary>The body parsed as JSON (dates kept as strings, numbers as decimals), or null if it is not JSON.</summary>
    public JToken? Json { get; }

    /// <summary>A copy of the body bytes, for binary responses.</summary>
    /// <returns>The bytes.</returns>
    public byte[] GetBytes() => (byte[])_bytes.Clone();

    internal static RawResponse From(HttpResponseMessage response, byte[] bytes)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            headers[header.Key] = new List<string>(header.Value).AsReadOnly();
        }

        foreach (var header in response.Content.Headers)
        {
            headers[header.Key] = new List<string>(header.Value).AsReadOnly();
        }

        return new RawResponse((int)response.StatusCode, headers, bytes);
    }

    private static JToken? TryParse(string content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(content))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
                MaxDepth = 64,
            };
            var token = JToken.ReadFrom(reader);
            return reader.Read() ? null : token;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
