namespace Secrets.Build.Core.Audit;

/// <summary>
/// Reads a trail file line by line with a fixed buffer, so a hostile file (one huge line, no
/// newlines at all) costs at most <see cref="AuditTrailOptions.MaxLineBytes"/> of memory.
/// </summary>
internal sealed class AuditLineReader
{
    private const int MaxLine = AuditTrailOptions.MaxLineBytes;

    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[2 * (MaxLine + 1)];
    private int _start;
    private int _end;
    private bool _endOfStream;

    public AuditLineReader(Stream stream) => _stream = stream;

    private long _consumed;

    /// <summary>Byte offset in the file where the line last returned starts.</summary>
    public long LineOffset { get; private set; }

    /// <summary>
    /// The next line without its newline. <paramref name="terminated"/> is false for a last
    /// line with no newline. Returns <see cref="LineStatus.TooLong"/> without reading the rest.
    /// The returned bytes are valid until the next call.
    /// </summary>
    public LineStatus ReadLine(out ReadOnlySpan<byte> line, out bool terminated)
    {
        var searchFrom = _start;
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', searchFrom, _end - searchFrom);
            if (newline >= 0 && newline - _start <= MaxLine)
            {
                line = _buffer.AsSpan(_start, newline - _start);
                terminated = true;
                Advance(newline + 1);
                return LineStatus.Line;
            }

            if (_end - _start > MaxLine)
            {
                line = default;
                terminated = false;
                LineOffset = _consumed;
                return LineStatus.TooLong;
            }

            if (_endOfStream)
            {
                terminated = false;
                if (_end == _start)
                {
                    line = default;
                    return LineStatus.EndOfFile;
                }

                line = _buffer.AsSpan(_start, _end - _start);
                Advance(_end);
                return LineStatus.Line;
            }

            // Fill moves the partial line to the front; resume the search where it stopped.
            var searched = _end - _start;
            Fill();
            searchFrom = _start + searched;
        }
    }

    private void Advance(int next)
    {
        LineOffset = _consumed;
        _consumed += next - _start;
        _start = next;
    }

    private void Fill()
    {
        if (_start > 0)
        {
            // Keep the partial line at the front, so there is always room for a full one.
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _endOfStream = true;
        }

        _end += read;
    }
}
