using System.Buffers;

namespace Secrets.Build.Core.Store.Json;

/// <summary>
/// The growable byte buffer <see cref="StoreFileWriter"/> writes into, ending in the files' final
/// newline. Core's own rather than <c>ArrayBufferWriter&lt;byte&gt;</c>, whose constructor
/// ReadyToRun does not hold, so every build JIT-compiled it.
/// </summary>
internal sealed class JsonOutputBuffer(int capacity) : IBufferWriter<byte>
{
    private byte[] _bytes = new byte[Math.Max(capacity, 256)];
    private int _written;

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0) => _bytes.AsMemory(Reserve(sizeHint));

    public Span<byte> GetSpan(int sizeHint = 0) => _bytes.AsSpan(Reserve(sizeHint));

    /// <summary>The written bytes and a final <c>\n</c>, in an array of exactly that length.</summary>
    public byte[] ToArrayWithFinalNewline()
    {
        var result = new byte[_written + 1];
        Array.Copy(_bytes, result, _written);
        result[^1] = (byte)'\n';
        return result;
    }

    private int Reserve(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(needed, (int)Math.Min(_bytes.Length * 2L, Array.MaxLength)));
        }

        return _written;
    }
}
