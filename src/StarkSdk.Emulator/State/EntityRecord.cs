using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace StarkSdk.Emulator.State;

/// <summary>A stored entity: its JSON as the API returns it, its insertion order, and hidden data behaviours keep with it.</summary>
public sealed class EntityRecord
{
    internal EntityRecord(string key, long sequence, JObject entity)
    {
        Key = key;
        Sequence = sequence;
        Entity = entity;
    }

    /// <summary>The store key: the entity's <c>id</c>, or an internal key for entities without one.</summary>
    public string Key { get; }

    /// <summary>Insertion order across the whole store (newest is highest).</summary>
    public long Sequence { get; }

    /// <summary>The entity, as served. Mutate it only while holding the emulator's state lock.</summary>
    public JObject Entity { get; }

    /// <summary>Data that is not part of the entity's JSON (an invoice's payment, a card's test outcome, ...).</summary>
    public Dictionary<string, JToken> Extras { get; } = new();
}
