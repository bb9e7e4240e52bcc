using System;
using System.Buffers.Binary;
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

    /// <summary>
    /// The length mixed with the first and last (up to) eight bytes: two loads instead of a loop
    /// per byte. Values that differ only in the middle share a slot and take turns in it.
    /// </summary>
    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        ulong head = 0;
        ulong tail = 0;
        if (bytes.Length >= 8)
        {
            head = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            tail = BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(bytes.Length - 8));
        }
        else
        {
            foreach (var b in bytes)
            {
                head = (head << 8) | b;
            }
        }

        var mixed = (head * 0x9E3779B97F4A7C15UL) ^ (tail * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)bytes.Length;
        return (uint)(mixed >> 32) ^ (uint)mixed;
    }
}
