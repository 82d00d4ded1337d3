using Newtonsoft.Json.Linq;

namespace StarkSdk.Emulator.Engine;

/// <summary>One entry of the API's error envelope <c>{"errors": [{"code", "message"}]}</c>.</summary>
/// <param name="Code">The error code, e.g. <c>invalidAmount</c>.</param>
/// <param name="Message">A human-readable description.</param>
public sealed record ApiError(string Code, string Message)
{
    /// <summary>The JSON of this entry.</summary>
    public JObject ToJson() => new() { ["code"] = Code, ["message"] = Message };
}
