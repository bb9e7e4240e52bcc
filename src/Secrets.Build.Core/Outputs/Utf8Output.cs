using System.Security.Cryptography;
using System.Text;
using Secrets.Build.Core.Crypto;

namespace Secrets.Build.Core.Outputs;

/// <summary>
/// An output file's content rendered straight to UTF-8 in one buffer, compared with the file on
/// disk and written from there: no string of the whole file, no per-line strings, no second copy
/// to encode. The buffer holds plaintext values, so it is wiped when disposed (and when it grows).
/// </summary>
/// <remarks>
/// Buffers are not pooled between builds: a pooled buffer that one build wiped could be filled by
/// another build running in the same process before the first one is over, and a pool would
/// keep plaintext-sized arrays alive for the life of an MSBuild node for little gain.
/// </remarks>
internal sealed class Utf8Output : IDisposable
{
    private byte[] _buffer;
    private int _length;

    /// <param name="capacity">The expected size in bytes; the buffer grows past it if needed.</param>
    public Utf8Output(int capacity)
    {
        _buffer = NewBuffer(capacity);
    }

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> Written => new(_buffer, 0, _length);

    /// <summary>Appends text as UTF-8.</summary>
    public Utf8Output Append(string text) => Append(text.AsSpan());

    /// <summary>Appends text as UTF-8.</summary>
    public Utf8Output Append(ReadOnlySpan<char> text)
    {
        var span = GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        _length += Encoding.UTF8.GetBytes(text, span);
        return this;
    }

    /// <summary>Appends one ASCII character.</summary>
    public Utf8Output Append(char ascii)
    {
        GetSpan(1)[0] = (byte)ascii;
        _length++;
        return this;
    }

    /// <summary>Room for at least <paramref name="size"/> more bytes; <see cref="Advance"/> says how many were used.</summary>
    public Span<byte> GetSpan(int size)
    {
        if (_buffer.Length - _length < size)
        {
            Grow(size);
        }

        return _buffer.AsSpan(_length);
    }

    /// <summary>Counts <paramref name="count"/> bytes written into the span <see cref="GetSpan"/> returned.</summary>
    public void Advance(int count) => _length += count;

    /// <summary>The content as text, for the renderers' string API (tests, tools); builds write <see cref="Written"/>.</summary>
    public string ToText() => Encoding.UTF8.GetString(_buffer, 0, _length);

    /// <summary>Wipes the content.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_buffer.AsSpan(0, _length));
        _length = 0;
    }

    private void Grow(int size)
    {
        var larger = NewBuffer(Math.Max(_buffer.Length * 2, _length + size));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        CryptographicOperations.ZeroMemory(_buffer.AsSpan(0, _length));
        _buffer = larger;
    }

    // Reported as a buffer that holds values: the leak tests check it is all zeros after a build.
    private static byte[] NewBuffer(int capacity) => SensitiveBuffers.Track(new byte[Math.Max(capacity, 256)]);
}
