using System.Linq;
using System.Net;
using Newtonsoft.Json.Linq;

namespace StarkSdk.Emulator.Tests;

/// <summary>What the emulator answered.</summary>
internal sealed record ApiResponse(HttpStatusCode Status, string? ContentType, byte[] Bytes, JToken? Json)
{
    public JObject Body => Json as JObject ?? new JObject();

    /// <summary>The error codes of an error envelope.</summary>
    public string[] ErrorCodes => (Body["errors"] as JArray)?.Select(e => (string)e["code"]!).ToArray() ?? System.Array.Empty<string>();

    public override string ToString() => $"{(int)Status} {Json?.ToString() ?? ContentType}";
}
