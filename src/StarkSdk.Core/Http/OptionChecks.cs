using System;

namespace StarkSdk.Core;

/// <summary>Checks of the settings a call is made with, shared by the client options and the per-call options.</summary>
internal static class OptionChecks
{
    private static readonly string[] Languages = { "en-US", "pt-BR", "es-ES" };

    internal static string? Language(string? language)
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

    internal static TimeSpan Timeout(TimeSpan timeout, string name = "timeout")
    {
        if (timeout != System.Threading.Timeout.InfiniteTimeSpan && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, timeout, "The timeout must be positive (or Timeout.InfiniteTimeSpan).");
        }

        return timeout;
    }

    internal static Uri? BaseUrl(Uri? baseUrl)
    {
        if (baseUrl != null && (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp)))
        {
            throw new ArgumentException("StarkClientOptions.BaseUrl must be an absolute http(s) URL.", "options");
        }

        return baseUrl;
    }

    internal static RetryOptions Retry(RetryOptions? retry)
    {
        retry ??= new RetryOptions();
        if (retry.MaxRetries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(retry), retry.MaxRetries, "RetryOptions.MaxRetries must not be negative.");
        }

        if (retry.BaseDelay < TimeSpan.Zero || retry.MaxDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(retry), "RetryOptions delays must not be negative.");
        }

        return retry;
    }
}
