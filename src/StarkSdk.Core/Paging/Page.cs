using System;
using System.Collections.Generic;

namespace StarkSdk.Core;

/// <summary>One page of a list: its items and the cursor of the next page (null on the last page).</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Page<T>
{
    /// <summary>Creates the page.</summary>
    /// <param name="items">The items.</param>
    /// <param name="cursor">The next page's cursor, or null.</param>
    public Page(IReadOnlyList<T> items, string? cursor)
    {
        Items = items ?? throw new ArgumentNullException(nameof(items));
        Cursor = cursor;
    }

    /// <summary>The items of this page (at most 100).</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>Pass it as the <c>cursor</c> of the next call; null means there is no next page.</summary>
    public string? Cursor { get; }
}
