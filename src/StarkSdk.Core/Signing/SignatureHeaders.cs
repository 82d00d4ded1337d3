using System.Net.Http.Headers;

namespace StarkSdk.Core;

/// <summary>Writes the headers of a signed request, replacing any the caller set.</summary>
internal static class SignatureHeaders
{
    internal static void Apply(HttpRequestHeaders headers, string accessId, string accessTime, string signature, string userAgent, string? language)
    {
        Replace(headers, "Access-Id", accessId);
        Replace(headers, "Access-Time", accessTime);
        Replace(headers, "Access-Signature", signature);
        Replace(headers, "User-Agent", userAgent);
        if (language != null)
        {
            Replace(headers, "Accept-Language", language);
        }
    }

    private static void Replace(HttpRequestHeaders headers, string name, string value)
    {
        headers.Remove(name);
        headers.TryAddWithoutValidation(name, value);
    }
}
