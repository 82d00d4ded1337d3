using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using StarkSdk.Emulator.Engine;

namespace StarkSdk.Emulator.State;

/// <summary>
/// Cursor paging. Records are ordered by a sort key and then by insertion order; a cursor names the last record served
/// (its key and sequence), so pages stay consistent when entities are added or removed between calls. A cursor is
/// authenticated (HMAC-SHA256 with a per-process key) and bound to its scope (the collection and sort order), so a
/// forged, altered or foreign cursor is an <c>invalidCursor</c> error rather than a silently empty or wrong page.
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
    /// <param name="scope">What the cursor pages (e.g. the collection and sort): a cursor of another scope is refused.</param>
    /// <exception cref="ApiException"><c>invalidCursor</c>.</exception>
    public static Page Paginate(IEnumerable<EntityRecord> records, Func<EntityRecord, string>? sortKey, bool descending, int limit, string? cursor, string scope = "")
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
            var (key, sequence) = Decode(cursor!, scope);
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
        var next = more && page.Count > 0 ? Encode(page[^1].Key, page[^1].Record.Sequence, scope) : null;
        return new Page(page.Select(x => x.Record).ToList(), next);
    }

    private static readonly byte[] MacKey = RandomNumberGenerator.GetBytes(32);
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private static string Encode(string key, long sequence, string scope)
    {
        var payload = Encoding.UTF8.GetBytes(sequence.ToString(CultureInfo.InvariantCulture) + "\n" + key);
        return Base64Url(payload) + "." + Base64Url(Mac(payload, scope));
    }

    private static (string Key, long Sequence) Decode(string cursor, string scope)
    {
        var dot = cursor.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && FromBase64Url(cursor.Substring(0, dot)) is { } payload && FromBase64Url(cursor.Substring(dot + 1)) is { } mac
            && CryptographicOperations.FixedTimeEquals(mac, Mac(payload, scope)))
        {
            try
            {
                var text = StrictUtf8.GetString(payload);
                var newline = text.IndexOf('\n', StringComparison.Ordinal);
                if (newline > 0 && long.TryParse(text.AsSpan(0, newline), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
                    return (text.Substring(newline + 1), sequence);
            }
            catch (DecoderFallbackException)
            {
            }
        }
        throw new ApiException("invalidCursor", "cursor: is not a cursor this emulator returned for this query");
    }

    private static byte[] Mac(byte[] payload, string scope)
    {
        var scoped = Encoding.UTF8.GetBytes(scope + "\n");
        var data = new byte[scoped.Length + payload.Length];
        Buffer.BlockCopy(scoped, 0, data, 0, scoped.Length);
        Buffer.BlockCopy(payload, 0, data, scoped.Length, payload.Length);
        return HMACSHA256.HashData(MacKey, data).AsSpan(0, 16).ToArray();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        try
        {
            // Only the canonical spelling: base64 ignores the unused low bits of the last character, so without this
            // check a cursor with its last character changed would still verify.
            var bytes = Convert.FromBase64String(base64);
            return Base64Url(bytes) == text ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
