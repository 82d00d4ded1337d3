using System;
using System.IO;
using System.Net.Http;
using System.Text;
using Newtonsoft.Json;

namespace StarkSdk.Core;

/// <summary>Turns the final attempt's buffered response into a result or a typed error. Runs after the pipeline: nothing here is retried.</summary>
internal static class ResponseReader
{
    private static readonly string[] RequestIdHeaders = { "Request-Id", "X-Request-Id", "X-Cloud-Trace-Context" };

    internal static void EnsureSuccess(StarkMessage message)
    {
        var response = message.Response ?? throw new InvalidOperationException("The pipeline ended without a response.");
        var statusCode = message.StatusCode;
        if (response.RequestMessage?.RequestUri != null && response.RequestMessage.RequestUri != message.Uri)
        {
            // A handler that follows redirects is misconfigured: the answer comes from a URL we did not choose.
            throw new UnknownError($"{message.Method} {message.Path} → the response came from a redirect, which the SDK refuses; disable AllowAutoRedirect on the primary handler", statusCode, message.Method, message.Path, null);
        }

        if (statusCode < 200 || statusCode > 299)
        {
            throw ErrorFactory.FromResponse(statusCode, message.Method, message.Path, Text(message));
        }
    }

    internal static JsonBody.Result<T> Json<T>(StarkMessage message, string? key)
    {
        var body = Body(message);
        JsonBody.Result<T> result;
        try
        {
            result = JsonBody.Read<T>(body.Buffer, 0, body.Length, key);
        }
        catch (JsonException ex)
        {
            throw ErrorFactory.BadBody(message.Method, message.Path, message.StatusCode, "the response is not the expected JSON (" + ex.Message + ")", Text(message), ex);
        }

        if (!result.Found || result.Value is null)
        {
            throw ErrorFactory.BadBody(message.Method, message.Path, message.StatusCode, key is null ? "the response is empty" : $"the response has no '{key}'", Text(message));
        }

        return result;
    }

    internal static byte[] Bytes(StarkMessage message)
    {
        var body = Body(message);
        var bytes = new byte[body.Length];
        Buffer.BlockCopy(body.Buffer, 0, bytes, 0, body.Length);
        return bytes;
    }

    internal static string Text(StarkMessage message) =>
        message.ResponseBody is PooledBody body ? Encoding.UTF8.GetString(body.Buffer, 0, body.Length) : string.Empty;

    internal static string? RequestId(HttpResponseMessage? response)
    {
        if (response is null)
        {
            return null;
        }

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

    private static PooledBody Body(StarkMessage message) => message.ResponseBody ?? throw new InvalidOperationException("The response body was not read.");
}
