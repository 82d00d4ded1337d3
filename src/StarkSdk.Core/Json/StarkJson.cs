using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace StarkSdk.Core;

/// <summary>
/// The JSON settings of the Stark APIs (Newtonsoft.Json): nulls omitted on write, unknown fields ignored,
/// dates kept as text until a converter reads them, decimals for floats, camelCase names for unattributed members.
/// </summary>
public static class StarkJson
{
    // One resolver for every settings copy: it caches contracts, which is most of Newtonsoft's per-type cost.
    private static readonly DefaultContractResolver Resolver = new DefaultContractResolver
    {
        NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false, OverrideSpecifiedNames = false },
    };

    /// <summary>A fresh copy of the settings (changing it does not change the SDK's own serialization).</summary>
    public static JsonSerializerSettings Settings => CreateSettings();

    /// <summary>A shared serializer built from <see cref="Settings"/>; safe to use from many threads as long as nobody changes it.</summary>
    public static JsonSerializer Serializer { get; } = JsonSerializer.Create(CreateSettings());

    /// <summary>The runtime's private instance, so that a caller changing <see cref="Serializer"/> cannot alter what is signed and sent.</summary>
    internal static JsonSerializer Internal { get; } = JsonSerializer.Create(CreateSettings());

    private static JsonSerializerSettings CreateSettings() => new JsonSerializerSettings
    {
        NullValueHandling = NullValueHandling.Ignore,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Decimal,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
        ContractResolver = Resolver,
        Formatting = Formatting.None,
        MaxDepth = 64,
        Converters = { new DateTimeOffsetConverter(), new StringEnumConverter() },
    };
}
