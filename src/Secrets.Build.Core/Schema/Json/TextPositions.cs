using System;
using System.Collections.Generic;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Schema.Json;

/// <summary>
/// Turns UTF-8 byte offsets (what the JSON reader reports) into character offsets and
/// 1-based lines and columns (what editors, MSBuild and Roslyn show).
/// </summary>
internal sealed class TextPositions
{
    private readonly string? _file;
    private readonly int _textLength;

    // Null when the text is all ASCII (the usual case), where a byte offset is a character offset.
    private readonly int[]? _charOffsetOfByte;
    private readonly List<int> _lineStarts = new() { 0 };
    private int _lastLineIndex;

    public TextPositions(string text, int utf8ByteCount, string? file)
    {
        _file = file;
        _textLength = text.Length;
        AddLineStarts(text.AsSpan(), '\n');

        // Every non-ASCII character takes more than one UTF-8 byte, so equal counts mean pure ASCII.
        if (utf8ByteCount != text.Length)
        {
            _charOffsetOfByte = MapBytesToCharacters(text, utf8ByteCount);
        }
    }

    /// <summary>
    /// Positions in ASCII text given as its bytes (the caller checked): every byte is one
    /// character, so the text itself is never needed as a string.
    /// </summary>
    public TextPositions(ReadOnlySpan<byte> ascii, string? file)
    {
        _file = file;
        _textLength = ascii.Length;
        AddLineStarts(ascii, (byte)'\n');
    }

    // Two plain copies rather than one generic method: both searches are vectorized, and no
    // generic instantiation is left for a ReadyToRun image to miss.
    private void AddLineStarts(ReadOnlySpan<char> text, char newline)
    {
        var offset = 0;
        for (var index = text.IndexOf(newline); index >= 0; index = text.Slice(offset).IndexOf(newline))
        {
            offset += index + 1;
            _lineStarts.Add(offset);
        }
    }

    private void AddLineStarts(ReadOnlySpan<byte> text, byte newline)
    {
        var offset = 0;
        for (var index = text.IndexOf(newline); index >= 0; index = text.Slice(offset).IndexOf(newline))
        {
            offset += index + 1;
            _lineStarts.Add(offset);
        }
    }

    private static int[] MapBytesToCharacters(string text, int utf8ByteCount)
    {
        var charOffsetOfByte = new int[utf8ByteCount + 1];
        var byteOffset = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            int width;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                width = 4;
            }
            else if (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]))
            {
                continue;
            }
            else
            {
                width = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }

            for (var b = 0; b < width && byteOffset + b < charOffsetOfByte.Length; b++)
            {
                charOffsetOfByte[byteOffset + b] = i;
            }

            byteOffset += width;
        }

        charOffsetOfByte[charOffsetOfByte.Length - 1] = text.Length;
        return charOffsetOfByte;
    }

    public int CharOffset(int byteOffset)
    {
        var lastByte = _charOffsetOfByte is null ? _textLength : _charOffsetOfByte.Length - 1;
        var clamped = Math.Max(0, Math.Min(byteOffset, lastByte));
        return _charOffsetOfByte is null ? clamped : _charOffsetOfByte[clamped];
    }

    /// <summary>The location of the bytes [start, end).</summary>
    public SourceLocation Span(int byteStart, int byteEnd)
    {
        var start = CharOffset(byteStart);
        var end = Math.Max(start, CharOffset(byteEnd));
        var (line, column) = LineColumn(start);
        var (endLine, endColumn) = LineColumn(end);
        return new SourceLocation(_file, line, column, endLine, endColumn, start, end - start);
    }

    /// <summary>The location of a 0-based line and a byte position within it, as JsonException reports.</summary>
    public SourceLocation LineAndBytePosition(long lineIndex, long bytePositionInLine)
    {
        var line = (int)Math.Max(0, Math.Min(lineIndex, _lineStarts.Count - 1));
        var lineStartChar = _lineStarts[line];
        var lineStartByte = _charOffsetOfByte is null ? lineStartChar : Array.IndexOf(_charOffsetOfByte, lineStartChar);
        if (lineStartByte < 0)
        {
            lineStartByte = 0;
        }

        var charOffset = CharOffset(lineStartByte + (int)Math.Min(bytePositionInLine, int.MaxValue - lineStartByte));
        var (l, c) = LineColumn(charOffset);
        return new SourceLocation(_file, l, c, l, c, charOffset, 0);
    }

    private (int Line, int Column) LineColumn(int charOffset)
    {
        // Declarations are read in file order, so the line is nearly always the last one found
        // or the one after it: check those before searching.
        var index = _lastLineIndex;
        if (!IsOnLine(index, charOffset) && !IsOnLine(++index, charOffset))
        {
            index = _lineStarts.BinarySearch(charOffset);
            if (index < 0)
            {
                index = ~index - 1;
            }
        }

        _lastLineIndex = index;
        return (index + 1, charOffset - _lineStarts[index] + 1);
    }

    private bool IsOnLine(int index, int charOffset) =>
        index < _lineStarts.Count
        && _lineStarts[index] <= charOffset
        && (index + 1 == _lineStarts.Count || charOffset < _lineStarts[index + 1]);
}
