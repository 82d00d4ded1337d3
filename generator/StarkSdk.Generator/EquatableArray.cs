using System;
using System.Collections;
using System.Collections.Generic;
using StarkSdk.Generator.Polyfills;

namespace StarkSdk.Generator
{
    /// <summary>
    /// An immutable array with value equality, so pipeline models that hold collections stay cacheable by the
    /// incremental generator driver (arrays and ImmutableArray compare by reference).
    /// </summary>
    internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
        where T : IEquatable<T>
    {
        public static readonly EquatableArray<T> Empty = new EquatableArray<T>(Array.Empty<T>());

        private readonly T[]? _items;

        public EquatableArray(T[] items)
        {
            _items = items;
        }

        public EquatableArray(IEnumerable<T> items)
        {
            _items = new List<T>(items).ToArray();
        }

        public int Count => _items?.Length ?? 0;

        public bool IsEmpty => Count == 0;

        public T this[int index] => _items![index];

        public bool Equals(EquatableArray<T> other)
        {
            var left = _items ?? Array.Empty<T>();
            var right = other._items ?? Array.Empty<T>();
            if (ReferenceEquals(left, right))
            {
                return true;
            }

            if (left.Length != right.Length)
            {
                return false;
            }

            for (var i = 0; i < left.Length; i++)
            {
                if (!EqualityComparer<T>.Default.Equals(left[i], right[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

        public override int GetHashCode()
        {
            var hash = 17;
            if (_items is null)
            {
                return hash;
            }

            foreach (var item in _items)
            {
                hash = HashCodeHelper.Combine(hash, item is null ? 0 : item.GetHashCode());
            }

            return hash;
        }

        public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

        public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items ?? Array.Empty<T>())).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    internal static class EquatableArray
    {
        public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
            where T : IEquatable<T> => new EquatableArray<T>(items);
    }
}
