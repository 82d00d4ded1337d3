using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace StarkSdk.Emulator.State;

/// <summary>
/// The emulator's in-memory state: one <see cref="EntityCollection"/> per collection name. Not thread-safe by itself:
/// the engine serializes every access through <see cref="SyncRoot"/>.
/// </summary>
public sealed class EntityStore
{
    private readonly Dictionary<string, EntityCollection> _collections = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>The lock every reader and writer of the store holds.</summary>
    public object SyncRoot { get; } = new();

    /// <summary>The collection of that name (created empty on first use).</summary>
    public EntityCollection Collection(string name)
    {
        if (!_collections.TryGetValue(name, out var collection))
            _collections[name] = collection = new EntityCollection(name);
        return collection;
    }

    /// <summary>The names of the collections that hold entities.</summary>
    public IEnumerable<string> Names => _collections.Keys;

    /// <summary>Adds an entity under <paramref name="key"/>.</summary>
    public EntityRecord Add(string collection, string key, JObject entity)
    {
        var record = new EntityRecord(key, ++_sequence, entity);
        Collection(collection).Add(record);
        return record;
    }

    /// <summary>Removes an entity; false when it was not there.</summary>
    public bool Remove(string collection, string key) => Collection(collection).Remove(key);

    /// <summary>Forgets every entity.</summary>
    public void Clear() => _collections.Clear();
}
