using System;
using Newtonsoft.Json.Serialization;

namespace StarkSdk.Core;

/// <summary>The contract of <see cref="StarkJson.Reflection"/>: the API's names, and no generated model converter.</summary>
internal sealed class ReflectionContractResolver : DefaultContractResolver
{
    public ReflectionContractResolver()
    {
        NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false, OverrideSpecifiedNames = false };
    }

    protected override JsonContract CreateContract(Type objectType)
    {
        var contract = base.CreateContract(objectType);
        if (contract.Converter is not null && IsModelConverter(contract.Converter.GetType()))
        {
            contract.Converter = contract.Converter is IUnionJsonConverter union && objectType == UnionType(contract.Converter.GetType())
                ? new ReflectionUnionConverter(union)
                : null;
        }

        return contract;
    }

    private static Type? UnionType(Type? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ModelJsonConverter<>))
            {
                return type.GetGenericArguments()[0];
            }
        }

        return null;
    }

    private static bool IsModelConverter(Type? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ModelJsonConverter<>))
            {
                return true;
            }
        }

        return false;
    }
}
