namespace Secrets.Build.Core.Store;

/// <summary>
/// Values by name, enumerated in ordinal name order: the order of the files, the MAC and
/// <see cref="SecretStore.Names"/>. Not <c>SortedDictionary</c>: that costs a third more CPU per
/// build at 10,000 secrets (tests/Secrets.Build.Benchmarks/RESULTS.md).
/// </summary>
/// <remarks>
/// Names are appended and sorted only when one arrived out of order and the order is asked for.
/// No removal: nothing on the store path removes a secret.
/// </remarks>
internal sealed class OrdinalMap<T>
    where T : class
{
    private readonly Dictionary<string, T> _values;
    private readonly List<string> _names;
    private bool _sorted = true;

    public OrdinalMap(int capacity = 0)
    {
        _values = new Dictionary<string, T>(capacity, StringComparer.Ordinal);
        _names = new List<string>(capacity);
    }

    public int Count => _values.Count;

    /// <summary>The names in ordinal order; a live view, valid until the next addition.</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            if (!_sorted)
            {
                _names.Sort(StringComparer.Ordinal);
                _sorted = true;
            }

            return _names;
        }
    }

    /// <summary>Adds or replaces the value of <paramref name="name"/>.</summary>
    public T this[string name]
    {
        get => _values[name];
        set
        {
            if (!TryAdd(name, value))
            {
                _values[name] = value;
            }
        }
    }

    public bool ContainsKey(string name) => _values.ContainsKey(name);

    public bool TryGetValue(string name, out T value) => _values.TryGetValue(name, out value!);

    /// <summary>Adds <paramref name="name"/>; false, and nothing changed, when it is already there.</summary>
    public bool TryAdd(string name, T value)
    {
        if (!_values.TryAdd(name, value))
        {
            return false;
        }

        if (_sorted && _names.Count > 0 && string.CompareOrdinal(_names[^1], name) > 0)
        {
            _sorted = false;
        }

        _names.Add(name);
        return true;
    }

    /// <summary>Name and value pairs in ordinal name order.</summary>
    public Enumerator GetEnumerator() => new(this, Names);

    /// <summary>Walks the sorted names, looking each value up.</summary>
    public struct Enumerator(OrdinalMap<T> map, IReadOnlyList<string> names)
    {
        private int _index = -1;

        public readonly KeyValuePair<string, T> Current => new(names[_index], map._values[names[_index]]);

        public bool MoveNext() => ++_index < names.Count;
    }
}
