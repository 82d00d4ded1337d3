using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace StarkSdk.Emulator;

/// <summary>
/// A snapshot of an emulated entity (an invoice, a deposit, a transfer...) as the API would return it. Common fields are
/// properties; any other field is read with <see cref="GetString"/>, <see cref="GetInt64"/> or <see cref="GetBoolean"/>;
/// <see cref="ToJson"/> gives the whole entity, e.g. to deserialize into the SDK's model.
/// </summary>
public sealed class EmulatorEntity
{
    private readonly JObject _json;

    internal EmulatorEntity(JObject json)
    {
        _json = (JObject)json.DeepClone();
    }

    /// <summary>The entity's id ("" when it has none).</summary>
    public string Id => (string?)_json["id"] ?? "";

    /// <summary>Its status, if it has one.</summary>
    public string? Status => GetString("status");

    /// <summary>Its amount in cents, if it has one.</summary>
    public long? Amount => GetInt64("amount");

    /// <summary>Its tags (empty when it has none).</summary>
    public IReadOnlyList<string> Tags =>
        _json["tags"] is JArray tags ? tags.Select(t => t.Type == JTokenType.String ? (string)t! : t.ToString(Formatting.None)).ToList() : Array.Empty<string>();

    /// <summary>The names of its fields.</summary>
    public IReadOnlyList<string> Fields => _json.Properties().Select(p => p.Name).ToList();

    /// <summary>A field as text: a string as is, another value as its JSON; null when absent or null.</summary>
    /// <param name="field">The field's name, e.g. <c>brcode</c>.</param>
    public string? GetString(string field) => _json[field] switch
    {
        null => null,
        { Type: JTokenType.Null } => null,
        { Type: JTokenType.String } value => (string?)value,
        var value => value.ToString(Formatting.None),
    };

    /// <summary>An integer field; null when absent, null or not an integer.</summary>
    /// <param name="field">The field's name, e.g. <c>fee</c>.</param>
    public long? GetInt64(string field) =>
        _json[field] is JValue { Type: JTokenType.Integer } value ? Convert.ToInt64(value.Value, CultureInfo.InvariantCulture) : null;

    /// <summary>A boolean field; null when absent, null or not a boolean.</summary>
    /// <param name="field">The field's name.</param>
    public bool? GetBoolean(string field) => _json[field] is JValue { Type: JTokenType.Boolean } value ? (bool)value : null;

    /// <summary>Whether the entity has the field (even with a null value).</summary>
    /// <param name="field">The field's name.</param>
    public bool Has(string field) => _json.ContainsKey(field);

    /// <summary>The entity as the API's JSON.</summary>
    public string ToJson() => _json.ToString(Formatting.None);

    /// <inheritdoc />
    public override string ToString() => ToJson();

    internal static EmulatorEntity From(JToken? token, string what) =>
        token is JObject json ? new EmulatorEntity(json) : throw new InvalidOperationException($"The emulator's answer has no {what}.");

    internal static EmulatorEntity? Maybe(JToken? token) => token is JObject json ? new EmulatorEntity(json) : null;

    internal static IReadOnlyList<EmulatorEntity> List(JToken? token) =>
        token is JArray array ? array.OfType<JObject>().Select(o => new EmulatorEntity(o)).ToList() : Array.Empty<EmulatorEntity>();
}

/// <summary>What paying an invoice produced.</summary>
/// <param name="Invoice">The invoice, now paid.</param>
/// <param name="Deposit">The Deposit that credited the workspace (tag <c>invoice/{id}</c>).</param>
public sealed record InvoicePayment(EmulatorEntity Invoice, EmulatorEntity? Deposit);

/// <summary>What paying a boleto produced.</summary>
/// <param name="Boleto">The boleto, now paid.</param>
/// <param name="Transaction">The credit transaction.</param>
public sealed record BoletoPayment(EmulatorEntity Boleto, EmulatorEntity? Transaction);

/// <summary>What paying a dynamic BR code produced.</summary>
/// <param name="Brcode">The dynamic BR code.</param>
/// <param name="Deposit">The Deposit tagged <c>dynamic-brcode/{uuid}</c>.</param>
public sealed record DynamicBrcodePayment(EmulatorEntity Brcode, EmulatorEntity? Deposit);

/// <summary>What settling a merchant purchase produced.</summary>
/// <param name="Purchase">The purchase, now paid.</param>
/// <param name="Installments">Its installments, paid.</param>
public sealed record PurchaseSettlement(EmulatorEntity Purchase, IReadOnlyList<EmulatorEntity> Installments);
