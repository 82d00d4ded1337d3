using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Engine;
using StarkSdk.Emulator.Spec;

namespace StarkSdk.Emulator.Behaviours;

/// <summary>A behaviour for a fixed set of collections, with small helpers for the Stark Bank ones.</summary>
public abstract class CollectionBehaviour : ResourceBehaviour
{
    private readonly HashSet<string> _collections;

    /// <summary>Creates the behaviour for these collections.</summary>
    protected CollectionBehaviour(params string[] collections)
    {
        _collections = new HashSet<string>(collections, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public override bool AppliesTo(string collection) => _collections.Contains(collection);

    /// <summary>The error for an entity whose status does not allow the operation: <c>invalid{Collection}Status</c>.</summary>
    protected static ApiException WrongStatus(string collection, JObject entity, string operation) =>
        new("invalid" + Naming.Pascal(collection) + "Status",
            $"the {Naming.Words(collection)} {(string?)entity["id"]} cannot be {operation}: its status is {(string?)entity["status"]}");

    /// <summary>Whether the entity's status is one of <paramref name="statuses"/>.</summary>
    protected static bool StatusIs(JObject entity, params string[] statuses) => statuses.Contains((string?)entity["status"]);

    /// <summary>Sets a property when the entity lacks it (or it is null).</summary>
    protected static void Default(JObject entity, string name, JToken value)
    {
        if (entity[name] == null || entity[name]!.Type == JTokenType.Null)
            entity[name] = value;
    }

    /// <summary>Adds "{path}.{field}: message" as an <c>invalid{Field}</c> error.</summary>
    protected static void Error(IList<ApiError> errors, string path, string field, string message) =>
        errors.Add(new ApiError("invalid" + Naming.Pascal(field), (path.Length == 0 ? field : path + "." + field) + ": " + message));

    /// <summary>Whether a CPF or CNPJ has 11 or 14 digits.</summary>
    protected static bool IsTaxId(string? taxId)
    {
        var digits = BoletoNumbers.Digits(taxId);
        return digits.Length is 11 or 14;
    }

    /// <summary>A long read from a JSON body field, or the fallback.</summary>
    protected static long LongOr(JToken? token, long fallback) => token != null && token.Type is JTokenType.Integer or JTokenType.Float ? (long)token : fallback;
}
