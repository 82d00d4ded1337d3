using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Spec;

namespace StarkSdk.Emulator.Engine;

/// <summary>What the spec says about one collection: its entity schema, envelope keys, statuses, and its logs.</summary>
public sealed class CollectionInfo
{
    private static readonly string[] InitialStatuses = { "created", "pending", "active", "registered", "creating", "processing" };

    internal CollectionInfo(string name)
    {
        Name = name;
    }

    /// <summary>The collection name: the path between the version and the id (<c>invoice</c>, <c>invoice/log</c>).</summary>
    public string Name { get; }

    /// <summary>The schema of one entity (may be a <c>$ref</c> or a composite).</summary>
    public JToken? EntitySchema { get; internal set; }

    /// <summary>The entity's properties with their schemas, gathered across <c>$ref</c>, <c>allOf</c>, <c>oneOf</c> and <c>anyOf</c>.</summary>
    public IReadOnlyDictionary<string, JToken> Properties { get; internal set; } = new Dictionary<string, JToken>();

    /// <summary>The response key of the single-entity GET (<c>invoice</c>).</summary>
    public string? Singular { get; internal set; }

    /// <summary>The response key of the list GET (<c>invoices</c>).</summary>
    public string? Plural { get; internal set; }

    /// <summary>The values of the entity's <c>status</c> enum, in spec order.</summary>
    public IReadOnlyList<string> Statuses { get; internal set; } = Array.Empty<string>();

    /// <summary>The collection of this collection's logs (<c>invoice/log</c>), if any.</summary>
    public CollectionInfo? Logs { get; internal set; }

    /// <summary>For a log collection: the property that embeds the entity (<c>invoice</c> in an InvoiceLog).</summary>
    public string? EmbedKey { get; internal set; }

    /// <summary>For a log collection: the values of the log <c>type</c> enum.</summary>
    public IReadOnlyList<string> LogTypes { get; internal set; } = Array.Empty<string>();

    /// <summary>The operations on this collection.</summary>
    public IReadOnlyList<SpecOperation> Operations { get; internal set; } = Array.Empty<SpecOperation>();

    /// <summary>Whether the entity schema declares the property.</summary>
    public bool Has(string property) => Properties.ContainsKey(property);

    /// <summary>Whether the property is declared read-only.</summary>
    public bool IsReadOnly(string property, ApiSpec spec) =>
        Properties.TryGetValue(property, out var schema) &&
        ((bool?)schema["readOnly"] == true || (bool?)spec.Deref(schema)["readOnly"] == true);

    /// <summary>The status a new entity starts with: the first of created, pending, active, ... the enum has, else its first value.</summary>
    public string? InitialStatus =>
        InitialStatuses.FirstOrDefault(s => Statuses.Contains(s)) ?? Statuses.FirstOrDefault();

    /// <inheritdoc />
    public override string ToString() => Name;
}
