using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using StarkSdk.Emulator.Engine;

namespace StarkSdk.Emulator.State;

/// <summary>
/// Cursor paging. Records are ordered by a sort key and then by insertion order; a cursor names the last record served
/// (its key and sequence), so pages stay consistent when entities are added or removed between calls.
/// </summary>
public static class Pager
{
    /// <summary>One page and the cursor of the next one (null on the last page).</summary>
    public sealed record Page(IReadOnlyList<EntityRecord> Items, string? Cursor);

    /// <summary>Pages <paramref name="records"/>.</summary>
    /// <param name="records">The records that pass the filters.</param>
    /// <param name="sortKey">The sort key of a record; null sorts by insertion order only.</param>
    /// <param name="descending">Newest (or largest) first.</param>
    /// <param name="limit">Page size.</param>
    /// <param name="cursor">The cursor of the previous page, or null for the first one.</param>
    public static Page Paginate(IEnumerable<EntityRecord> records, Func<EntityRecord, string>? sortKey, bool descending, int limit, string? cursor)
    {
        var keyed = records.Select(r => (Key: sortKey?.Invoke(r) ?? "", Record: r)).ToList();
        keyed.Sort((a, b) =>
        {
            var c = string.CompareOrdinal(a.Key, b.Key);
            if (c == 0)
                c = a.Record.Sequence.CompareTo(b.Record.Sequence);
            return descending ? -c : c;
        });

        var start = 0;
        if (!string.IsNullOrEmpty(cursor))
        {
            var (key, sequence) = Decode(cursor!);
            start = keyed.FindIndex(x =>
            {
                var c = string.CompareOrdinal(x.Key, key);
                if (c == 0)
                    c = x.Record.Sequence.CompareTo(sequence);
                return descending ? c < 0 : c > 0;
            });
            if (start < 0)
                start = keyed.Count;
        }

        var page = keyed.Skip(start).Take(limit).ToList();
        var more = start + page.Count < keyed.Count;
        var next = more && page.Count > 0 ? Encode(page[^1].Key, page[^1].Record.Sequence) : null;
        return new Page(page.Select(x => x.Record).ToList(), next);
    }

    private static string Encode(string key, long sequence)
    {
        var raw = Encoding.UTF8.GetBytes(sequence.ToString(CultureInfo.InvariantCulture) + "\n" + key);
        return Convert.ToBase64String(raw).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static (string Key, long Sequence) Decode(string cursor)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            var newline = text.IndexOf('\n');
            if (newline > 0 && long.TryParse(text.AsSpan(0, newline), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
                return (text.Substring(newline + 1), sequence);
        }
        catch (FormatException)
        {
        }
        throw new ApiException("invalidCursor", "cursor: is not a cursor returned by this API");
    }
}
