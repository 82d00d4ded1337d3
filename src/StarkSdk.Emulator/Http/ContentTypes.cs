using System;
using Microsoft.Net.Http.Headers;
using StarkSdk.Emulator.Engine;

namespace StarkSdk.Emulator.Http;

/// <summary>
/// The API takes JSON only: a body sent as another media type (or JSON in another charset) is refused with 415
/// <c>invalidContentType</c> rather than parsed as JSON anyway. A body without a Content-Type is read as JSON, as the
/// official SDKs always send one and tools such as <c>curl --data-binary</c> need not.
/// </summary>
internal static class ContentTypes
{
    /// <exception cref="ApiException">415 <c>invalidContentType</c>.</exception>
    public static void CheckJson(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
            return;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed))
            throw Invalid(contentType);
        var media = parsed.MediaType.Value ?? "";
        var isJson = media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        if (!isJson)
            throw Invalid(contentType);
        var charset = parsed.Charset.Value;
        if (!string.IsNullOrEmpty(charset) && !charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            throw Invalid(contentType);
    }

    private static ApiException Invalid(string contentType) =>
        new("invalidContentType", $"Content-Type: the API takes application/json in UTF-8; got \"{contentType}\"", 415);
}
