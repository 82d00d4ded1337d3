using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace StarkSdk.Emulator.Tests;

/// <summary>Parses JSON keeping dates as the strings the API sent.</summary>
internal static class Json
{
    public static JToken Parse(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }

    public static JObject Object(string text) => (JObject)Parse(text);
}
