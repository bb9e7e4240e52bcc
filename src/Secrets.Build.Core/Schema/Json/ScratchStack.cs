using System;

namespace Secrets.Build.Core.Schema.Json;

/// <summary>
/// A growable stack whose top entries come off as one exactly sized array. Copied element by
/// element: nearly every pop takes one to five entries, where a bulk copy's set-up costs more
/// than the copy. Popped slots are not cleared: the stack lives only as long as one parse.
/// </summary>
internal sealed class ScratchStack<T>
{
    private T[] _items = new T[64];

    public int Count { get; private set; }

    public void Push(T item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = item;
    }

    /// <summary>Removes the entries from index <paramref name="first"/> up and returns them in order.</summary>
    public T[] PopFrom(int first)
    {
        var count = Count - first;
        if (count == 0)
        {
            return Array.Empty<T>();
        }

        var popped = new T[count];
        for (var i = 0; i < count; i++)
        {
            popped[i] = _items[first + i];
        }

        Count = first;
        return popped;
    }
}
