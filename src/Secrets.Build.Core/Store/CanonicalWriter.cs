using System.Buffers.Binary;
using System.Text;

namespace Secrets.Build.Core.Store;

/// <summary>
/// Builds the exact bytes that associated data and the store MAC cover: every field is
/// length-prefixed, so no two different field lists can produce the same bytes (with plain
/// concatenation, name "AB" + version "1" and name "A" + version "B1" would collide). Written
/// by hand because the encoding must never change with a serializer's formatting defaults.
/// </summary>
internal sealed class CanonicalWriter
{
    private readonly MemoryStream _buffer = new();

    public CanonicalWriter Add(string value) => Add(Encoding.UTF8.GetBytes(value));

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
        _buffer.Write(length);
        _buffer.Write(value);
        return this;
    }

    public byte[] ToArray() => _buffer.ToArray();
}
