using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace StarkSdk.Core;

/// <summary>
/// Carries per-call settings from the pipeline to the (stateless, shared) handlers on the request message itself,
/// so one HttpClient can serve many users and clients at once.
/// </summary>
internal static class RequestProperties
{
    private const string UserKey = "StarkSdk.Core.User";
    private const string LanguageKey = "StarkSdk.Core.Language";
    private const string RetryKey = "StarkSdk.Core.Retry";
    private const string ApiKey = "StarkSdk.Core.Api";
    private const string LoggerKey = "StarkSdk.Core.Logger";
    private const string SignedKey = "StarkSdk.Core.Signed";

    internal static void SetUser(HttpRequestMessage request, User user) => Set(request, UserKey, user);

    internal static User? GetUser(HttpRequestMessage request) => Get<User>(request, UserKey);

    internal static void SetLanguage(HttpRequestMessage request, string? language)
    {
        if (language != null)
        {
            Set(request, LanguageKey, language);
        }
    }

    internal static string? GetLanguage(HttpRequestMessage request) => Get<string>(request, LanguageKey);

    internal static void SetRetry(HttpRequestMessage request, RetryOptions retry) => Set(request, RetryKey, retry);

    internal static RetryOptions? GetRetry(HttpRequestMessage request) => Get<RetryOptions>(request, RetryKey);

    internal static void SetApi(HttpRequestMessage request, ApiDescriptor api) => Set(request, ApiKey, api);

    internal static ApiDescriptor? GetApi(HttpRequestMessage request) => Get<ApiDescriptor>(request, ApiKey);

    internal static void SetLogger(HttpRequestMessage request, ILogger? logger)
    {
        if (logger != null)
        {
            Set(request, LoggerKey, logger);
        }
    }

    internal static ILogger? GetLogger(HttpRequestMessage request) => Get<ILogger>(request, LoggerKey);

    internal static void MarkSigned(HttpRequestMessage request) => Set(request, SignedKey, SignedMarker.Instance);

    internal static bool IsSigned(HttpRequestMessage request) => Get<SignedMarker>(request, SignedKey) != null;

    private static void Set<T>(HttpRequestMessage request, string key, T value)
        where T : class
    {
#if NET5_0_OR_GREATER
        request.Options.Set(new HttpRequestOptionsKey<T>(key), value);
#else
        request.Properties[key] = value;
#endif
    }

    private static T? Get<T>(HttpRequestMessage request, string key)
        where T : class
    {
#if NET5_0_OR_GREATER
        return request.Options.TryGetValue(new HttpRequestOptionsKey<T>(key), out var value) ? value : null;
#else
        return request.Properties.TryGetValue(key, out var value) ? value as T : null;
#endif
    }

    private sealed class SignedMarker
    {
        internal static readonly SignedMarker Instance = new SignedMarker();
    }
}
