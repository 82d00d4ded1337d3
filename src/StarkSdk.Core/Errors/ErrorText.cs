using System.Text;

namespace StarkSdk.Core;

/// <summary>Builds one-line error messages that are safe and useful in logs.</summary>
internal static class ErrorText
{
    private const int MaxBodyInMessage = 300;

    internal static string Describe(string? method, string? path, int statusCode, string detail) =>
        $"{method ?? "?"} {path ?? "?"} → {statusCode}: {detail}";

    internal static string BodySuffix(string? rawBody)
    {
        var excerpt = Excerpt(rawBody);
        return excerpt.Length == 0 ? string.Empty : " (body: " + excerpt + ")";
    }

    /// <summary>A short, single-line excerpt: control characters are dropped so a hostile body cannot forge log lines.</summary>
    internal static string Excerpt(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(System.Math.Min(text!.Length, MaxBodyInMessage) + 1);
        foreach (var c in text)
        {
            if (builder.Length >= MaxBodyInMessage)
            {
                builder.Append('…');
                break;
            }

            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString().Trim();
    }
}
