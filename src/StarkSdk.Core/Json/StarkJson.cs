using System.Globalization;
using System.IO;
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

    private static readonly JsonSerializer Describer = CreateDescriber();

    /// <summary>
    /// The SDK's settings without the generated converters of the models: Newtonsoft's reflection-based (de)serialization,
    /// used for classes users derive from the models (and by tests and benchmarks to compare both paths).
    /// </summary>
    public static JsonSerializer Reflection { get; } = CreateReflection();

    /// <summary>
    /// The value as one line of JSON for logs and debuggers, as the API would show it, without the members marked
    /// <see cref="SensitiveAttribute"/> (passwords, card numbers). The generated models' <c>ToString()</c>.
    /// </summary>
    /// <param name="value">The value, or null.</param>
    /// <returns>The JSON text (<c>null</c> for null).</returns>
    public static string Describe(object? value)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using var writer = new RedactingJsonWriter(text);
        Describer.Serialize(writer, value);
        writer.Flush();
        return text.ToString();
    }

    /// <summary>
    /// Whether <paramref name="writer"/> is <see cref="Describe"/>'s: converters that write a model leave its
    /// <see cref="SensitiveAttribute"/> members out when it is.
    /// </summary>
    /// <param name="writer">The writer a converter was given.</param>
    /// <returns>True to leave secrets out.</returns>
    public static bool IsRedacting(JsonWriter writer) => writer is RedactingJsonWriter;

    private static JsonSerializer CreateReflection()
    {
        var settings = CreateSettings();
        settings.ContractResolver = new ReflectionContractResolver();
        return JsonSerializer.Create(settings);
    }

    private static JsonSerializer CreateDescriber()
    {
        var settings = CreateSettings();
        settings.ContractResolver = new RedactingContractResolver();
        return JsonSerializer.Create(settings);
    }

    /// <summary>The writer of <see cref="Describe"/>, recognised by <see cref="IsRedacting"/>.</summary>
    private sealed class RedactingJsonWriter : JsonTextWriter
    {
        public RedactingJsonWriter(TextWriter text)
            : base(text)
        {
        }
    }

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
