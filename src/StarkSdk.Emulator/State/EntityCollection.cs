using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace StarkSdk.Emulator.State;

/// <summary>The entities of one collection (<c>invoice</c>, <c>invoice/log</c>, ...), in insertion order.</summary>
public sealed class EntityCollection
{
    private readonly List<EntityRecord> _items = new();
    private readonly Dictionary<string, EntityRecord> _byKey = new(StringComparer.Ordinal);

    internal EntityCollection(string name)
    {
        Name = name;
    }

    /// <summary>The collection name.</summary>
    public string Name { get; }

    /// <summary>The records, oldest first.</summary>
    public IReadOnlyList<EntityRecord> Items => _items;

    /// <summary>How many entities there are.</summary>
    public int Count => _items.Count;

    /// <summary>The record with this key (the entity id), or null.</summary>
    public EntityRecord? Find(string key) => _byKey.TryGetValue(key, out var record) ? record : null;

    /// <summary>The first record whose <paramref name="field"/> equals <paramref name="value"/> (e.g. a dynamic brcode's uuid).</summary>
    public EntityRecord? FindBy(string field, string value)
    {
        if (field == "id")
            return Find(value);
        return _items.FirstOrDefault(r => r.Entity[field] is JValue v && v.Type == JTokenType.String && (string?)v == value);
    }

    internal void Add(EntityRecord record)
    {
        if (_byKey.ContainsKey(record.Key))
            throw new InvalidOperationException($"{Name}: duplicate key {record.Key}");
        _items.Add(record);
        _byKey[record.Key] = record;
    }

    internal bool Remove(string key)
    {
        if (!_byKey.Remove(key, out var record))
            return false;
        _items.Remove(record);
        return true;
    }
}
