using System.Buffers.Binary;
using System.Text;
using Secrets.Build.Core.Crypto;

namespace Secrets.Build.Core.Store;

/// <summary>
/// Builds the exact bytes that associated data and the store MAC cover: every field is
/// length-prefixed, so no two different field lists can produce the same bytes (with plain
/// concatenation, name "AB" + version "1" and name "A" + version "B1" would collide). Written
/// by hand because the encoding must never change with a serializer's formatting defaults.
/// </summary>
/// <remarks>
/// Either collects the bytes (<see cref="ToArray"/>, for associated data) or feeds them straight
/// into an HMAC (for the store MAC, whose input grows with the store and is never needed whole).
/// </remarks>
internal sealed class CanonicalWriter
{
    private readonly MemoryStream? _buffer;
    private readonly IncrementalHmacSha256? _mac;

    public CanonicalWriter() => _buffer = new MemoryStream();

    /// <summary>A writer whose every field goes into <paramref name="mac"/> instead of a buffer.</summary>
    public CanonicalWriter(IncrementalHmacSha256 mac) => _mac = mac;

    public CanonicalWriter Add(string value)
    {
        // Short fields (names, ids, dates) are encoded on the stack: the MAC covers tens of
        // thousands of them and an array per field was most of its garbage.
        const int StackLimit = 256;
        if (value.Length <= StackLimit / 3)
        {
            Span<byte> bytes = stackalloc byte[StackLimit];
            var length = Encoding.UTF8.GetBytes(value, bytes);
            return Add(bytes[..length]);
        }

        return Add(Encoding.UTF8.GetBytes(value));
    }

    public CanonicalWriter Add(long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        return Add(bytes);
    }

    public CanonicalWriter Add(ReadOnlySpan<byte> value)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, value.Length);
        Write(length);
        Write(value);
        return this;
    }

    /// <summary>The collected bytes; only for a writer made without an HMAC.</summary>
    public byte[] ToArray() =>
        (_buffer ?? throw new InvalidOperationException("This writer feeds an HMAC and keeps no bytes.")).ToArray();

    private void Write(ReadOnlySpan<byte> bytes)
    {
        if (_mac is not null)
        {
            _mac.Append(bytes);
        }
        else
        {
            _buffer!.Write(bytes);
        }
    }
}
