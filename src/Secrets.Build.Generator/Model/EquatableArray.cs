using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Secrets.Build.Generator.Model;

/// <summary>
/// An immutable array compared by its elements, so pipeline models that hold lists stay
/// value-equatable and the incremental driver can tell "unchanged" from "modified".
/// </summary>
internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IEnumerable<T>
    where T : IEquatable<T>
{
    private readonly T[]? items;

    public EquatableArray(IEnumerable<T> items)
    {
        this.items = items.ToArray();
    }

    private EquatableArray(T[] items, bool takeOwnership)
    {
        this.items = takeOwnership ? items : (T[])items.Clone();
    }

    public static EquatableArray<T> Empty { get; } = new(Array.Empty<T>());

    /// <summary>Takes <paramref name="items"/> without copying: the caller hands it over and never changes it again.</summary>
    public static EquatableArray<T> Wrap(T[] items) => new(items, takeOwnership: true);

    public int Count => items?.Length ?? 0;

    public T this[int index] => (items ?? Array.Empty<T>())[index];

    public bool Equals(EquatableArray<T> other)
    {
        var mine = items ?? Array.Empty<T>();
        var theirs = other.items ?? Array.Empty<T>();
        if (mine.Length != theirs.Length)
        {
            return false;
        }

        for (var i = 0; i < mine.Length; i++)
        {
            if (!EqualityComparer<T>.Default.Equals(mine[i], theirs[i]))
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
        foreach (var item in items ?? Array.Empty<T>())
        {
            hash = unchecked((hash * 31) + (item?.GetHashCode() ?? 0));
        }

        return hash;
    }

    /// <summary>A struct enumerator, so <c>foreach</c> over 10,000 secrets makes no interface call per item.</summary>
    public Enumerator GetEnumerator() => new(items ?? Array.Empty<T>());

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)(items ?? Array.Empty<T>())).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<T>)this).GetEnumerator();

    public ImmutableArray<T> ToImmutableArray() => ImmutableArray.Create(items ?? Array.Empty<T>());

    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    /// <summary>Walks the items in order.</summary>
    public struct Enumerator
    {
        private readonly T[] array;
        private int index;

        internal Enumerator(T[] array)
        {
            this.array = array;
            index = -1;
        }

        public T Current => array[index];

        public bool MoveNext() => ++index < array.Length;
    }
}

/// <summary>Creation helpers for <see cref="EquatableArray{T}"/>.</summary>
internal static class EquatableArray
{
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
        where T : IEquatable<T> => new(items);
}
