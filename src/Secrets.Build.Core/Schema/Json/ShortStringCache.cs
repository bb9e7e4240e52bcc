using System;
using System.Text;

namespace Secrets.Build.Core.Schema.Json;

/// <summary>
/// Hands out one string per distinct short value of one document: a schema repeats the same
/// categories, kinds, numbers and service names for every secret, and at 10,000 secrets
/// decoding each occurrence anew is tens of thousands of strings for the garbage collector.
/// A fixed-size table where a newcomer replaces whatever held its slot: a miss only costs
/// the string that would have been made anyway, so it needs no growth and no eviction policy.
/// </summary>
internal sealed class ShortStringCache
{
    /// <summary>Longer values are nearly always unique (descriptions), so they are not looked up.</summary>
    public const int MaxLength = 32;

    private const int Slots = 1024;

    private readonly byte[] _document;
    private readonly int[] _starts = new int[Slots];
    private readonly int[] _lengths = new int[Slots];
    private readonly string?[] _strings = new string?[Slots];

    /// <param name="document">The UTF-8 text every lookup points into; it must not change during the parse.</param>
    public ShortStringCache(byte[] document) => _document = document;

    /// <summary>The string of the UTF-8 bytes at [<paramref name="start"/>, +<paramref name="length"/>) of the document.</summary>
    public string Get(int start, int length)
    {
        var bytes = new ReadOnlySpan<byte>(_document, start, length);
        if (length > MaxLength)
        {
            return Decode(start, length);
        }

        var slot = (int)(Hash(bytes) & (Slots - 1));
        if (_strings[slot] is { } cached && _lengths[slot] == length
            && bytes.SequenceEqual(new ReadOnlySpan<byte>(_document, _starts[slot], length)))
        {
            return cached;
        }

        var text = Decode(start, length);
        _starts[slot] = start;
        _lengths[slot] = length;
        _strings[slot] = text;
        return text;
    }

    private string Decode(int start, int length) => length == 0 ? string.Empty : Encoding.UTF8.GetString(_document, start, length);

    /// <summary>FNV-1a: short keys, no allocation, the same on every target framework.</summary>
    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash ^ (hash >> 15);
    }
}
