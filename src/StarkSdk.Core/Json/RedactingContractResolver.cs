using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace StarkSdk.Core;

/// <summary>The contract of <see cref="StarkJson.Describe"/>: the API's names, and no <see cref="SensitiveAttribute"/> member.</summary>
internal sealed class RedactingContractResolver : DefaultContractResolver
{
    public RedactingContractResolver()
    {
        NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false, OverrideSpecifiedNames = false };
    }

    protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        if (member.GetCustomAttribute<SensitiveAttribute>(inherit: true) is not null)
        {
            property.Ignored = true;
        }

        return property;
    }
}
