using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Newtonsoft.Json;
using StarkSdk.Core;

namespace StarkSdk.Infra;

/// <summary>Serializes the answers to Stark Infra's callbacks as the API expects them (StarkSdk.Core's JSON settings, compact).</summary>
internal static class AnswerJson
{
    public static string Serialize(object answer)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var json = new JsonTextWriter(writer) { Formatting = Formatting.None })
        {
            StarkJson.Serializer.Serialize(json, answer);
        }

        return writer.ToString();
    }

    /// <summary>A copy of the tags, or null when none were given (so the answer carries no <c>tags</c>).</summary>
    public static IList<string>? Tags(IEnumerable<string>? tags)
    {
        if (tags is null)
        {
            return null;
        }

        var list = new List<string>();
        foreach (var tag in tags)
        {
            list.Add(tag ?? throw new ArgumentException("A tag must not be null.", nameof(tags)));
        }

        return list;
    }

    public static string RequireReason(string? reason)
    {
        if (reason is null)
        {
            throw new ArgumentNullException(nameof(reason));
        }

        if (reason.Trim().Length == 0)
        {
            throw new ArgumentException("A denial needs a reason, such as \"other\".", nameof(reason));
        }

        return reason;
    }
}
