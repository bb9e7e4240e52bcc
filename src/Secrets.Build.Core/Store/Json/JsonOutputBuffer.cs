using System.Buffers;

namespace Secrets.Build.Core.Store.Json;

/// <summary>
/// The growable byte buffer <see cref="StoreFileWriter"/> writes into, ending in the files' final
/// newline. Core's own rather than <c>ArrayBufferWriter&lt;byte&gt;</c>, whose constructor
/// ReadyToRun does not hold, so every build JIT-compiled it. Its arrays come from the shared
/// pool: at 10,000 secrets each is a large-object-heap array, and a fresh one per save pushed
/// the GC into full collections. They hold only what the committed files hold (ciphertexts,
/// nonces, fingerprints), never a value, so they go back to the pool uncleared.
/// </summary>
internal sealed class JsonOutputBuffer(int capacity) : IBufferWriter<byte>, IDisposable
{
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 256));
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

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = [];
    }

    private int Reserve(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed > _bytes.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, (int)Math.Min(_bytes.Length * 2L, Array.MaxLength)));
            Array.Copy(_bytes, larger, _written);
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = larger;
        }

        return _written;
    }
}
