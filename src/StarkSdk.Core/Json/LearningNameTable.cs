using System;
using System.Threading;
using Newtonsoft.Json;

namespace StarkSdk.Core;

/// <summary>
/// The property names the SDK has read before, shared by every reader of the process. Newtonsoft allocates a new string
/// for every property name it reads unless its reader's name table already holds it: a page of 100 invoices is ~2,500
/// of them. Reflection-based Newtonsoft fills such a table from the contracts it resolves; the generated converters
/// resolve none, so this table learns names as it meets them, and stops learning at a bound so that a server sending
/// ever new names cannot grow it without limit (names past the bound are simply allocated, as without a table).
/// Lookups take no lock: entries are immutable and published with volatile writes, so a reader sees a name whole or not at all.
/// </summary>
internal sealed class LearningNameTable : JsonNameTable
{
    internal const int MaxNames = 4096;
    internal const int MaxNameLength = 64;

    private readonly object _gate = new object();

    // Seeded per process, so that colliding names cannot be prepared in advance.
    private readonly uint _seed = (uint)Guid.NewGuid().GetHashCode();
    private Entry?[] _buckets = new Entry?[256];
    private int _count;

    internal static LearningNameTable Shared { get; } = new LearningNameTable();

    internal int Count => Volatile.Read(ref _count);

    /// <inheritdoc />
    public override string? Get(char[] key, int start, int length)
    {
        if (length == 0)
        {
            return string.Empty;
        }

        var hash = Hash(key, start, length);
        var found = Find(Volatile.Read(ref _buckets), hash, key, start, length);
        if (found != null || length > MaxNameLength || Volatile.Read(ref _count) >= MaxNames)
        {
            return found;
        }

        return Learn(hash, key, start, length);
    }

    private string? Learn(uint hash, char[] key, int start, int length)
    {
        lock (_gate)
        {
            // Another reader may have learned it since the lock-free miss.
            var buckets = _buckets;
            var found = Find(buckets, hash, key, start, length);
            if (found != null || _count >= MaxNames)
            {
                return found;
            }

            var name = new string(key, start, length);
            if ((_count + 1) * 4 > buckets.Length * 3)
            {
                buckets = Grow(buckets);
                Insert(buckets, name, hash);
                Volatile.Write(ref _buckets, buckets);
            }
            else
            {
                Insert(buckets, name, hash);
            }

            Volatile.Write(ref _count, _count + 1);
            return name;
        }
    }

    private static string? Find(Entry?[] buckets, uint hash, char[] key, int start, int length)
    {
        for (var entry = Volatile.Read(ref buckets[hash & (uint)(buckets.Length - 1)]); entry != null; entry = entry.Next)
        {
            if (entry.Hash == hash && Matches(entry.Name, key, start, length))
            {
                return entry.Name;
            }
        }

        return null;
    }

    private static void Insert(Entry?[] buckets, string name, uint hash)
    {
        ref var slot = ref buckets[hash & (uint)(buckets.Length - 1)];
        Volatile.Write(ref slot, new Entry(name, hash, slot));
    }

    // Entries link immutably, so the bigger array gets copies; the old array stays valid for readers still walking it.
    private static Entry?[] Grow(Entry?[] buckets)
    {
        var bigger = new Entry?[buckets.Length * 2];
        foreach (var head in buckets)
        {
            for (var entry = head; entry != null; entry = entry.Next)
            {
                Insert(bigger, entry.Name, entry.Hash);
            }
        }

        return bigger;
    }

    private static bool Matches(string name, char[] key, int start, int length)
    {
        if (name.Length != length)
        {
            return false;
        }

        for (var i = 0; i < length; i++)
        {
            if (name[i] != key[start + i])
            {
                return false;
            }
        }

        return true;
    }

    private uint Hash(char[] key, int start, int length)
    {
        // FNV-1a from a per-process basis: names are short, and this is cheaper than the string it saves.
        var hash = 2166136261u ^ _seed;
        for (var i = start; i < start + length; i++)
        {
            hash = (hash ^ key[i]) * 16777619u;
        }

        return hash;
    }

    private sealed class Entry
    {
        internal Entry(string name, uint hash, Entry? next)
        {
            Name = name;
            Hash = hash;
            Next = next;
        }

        internal string Name { get; }

        internal uint Hash { get; }

        internal Entry? Next { get; }
    }
}
