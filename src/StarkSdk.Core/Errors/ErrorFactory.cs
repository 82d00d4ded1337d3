using System;
using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace StarkSdk.Core;

/// <summary>Turns a non-2xx response into the typed error: 400 → <see cref="InputErrors"/>, 500 → <see cref="InternalServerError"/>, else <see cref="UnknownError"/>.</summary>
internal static class ErrorFactory
{
    internal static StarkException FromResponse(int statusCode, string method, string path, string body)
    {
        if (statusCode == 500)
        {
            return new InternalServerError(method, path, body, statusCode);
        }

        if (statusCode == 400)
        {
            var errors = TryParseErrors(body);
            if (errors != null && errors.Count > 0)
            {
                return new InputErrors(errors, method, path, body, statusCode);
            }

            return new UnknownError(ErrorText.Describe(method, path, statusCode, "the API rejected the input without a JSON error list" + ErrorText.BodySuffix(body)), statusCode, method, path, body);
        }

        var detail = statusCode >= 300 && statusCode < 400
            ? "unexpected redirect (redirects are not followed, to keep signed headers on the API host)"
            : "unexpected status";
        var errorList = TryParseErrors(body);
        var described = errorList != null && errorList.Count > 0 ? string.Join("; ", errorList) : ErrorText.Excerpt(body);
        return new UnknownError(ErrorText.Describe(method, path, statusCode, described.Length == 0 ? detail : detail + ": " + described), statusCode, method, path, body);
    }

    internal static UnknownError Timeout(string method, string path, TimeSpan timeout, Exception cause) =>
        new UnknownError($"{method} {path} → timed out after {timeout.TotalSeconds:0.###} s (StarkClientOptions.Timeout or RequestOptions.Timeout)", 0, method, path, null, cause);

    internal static UnknownError Transport(string method, string path, Exception cause) =>
        new UnknownError($"{method} {path} → transport failure: {ErrorText.Excerpt(Innermost(cause).Message)}", 0, method, path, null, cause);

    internal static UnknownError BadBody(string method, string path, int statusCode, string problem, string? body, Exception? cause = null) =>
        new UnknownError(ErrorText.Describe(method, path, statusCode, problem + ErrorText.BodySuffix(body)), statusCode, method, path, body, cause);

    private static List<ErrorDetail>? TryParseErrors(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var reader = new JsonTextReader(new System.IO.StringReader(body)) { DateParseHandling = DateParseHandling.None, MaxDepth = 32 };
            if (!(JToken.ReadFrom(reader) is JObject root) || !(root["errors"] is JArray array))
            {
                return null;
            }

            var errors = new List<ErrorDetail>(array.Count);
            foreach (var item in array)
            {
                if (item is JObject error)
                {
                    errors.Add(new ErrorDetail(error.Value<string>("code") ?? string.Empty, error.Value<string>("message") ?? string.Empty));
                }
            }

            return errors;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidCastException)
        {
            return null;
        }
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException != null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }
}
