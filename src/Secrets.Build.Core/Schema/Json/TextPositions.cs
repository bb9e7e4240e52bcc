using System;
using System.Collections.Generic;
using System.Text;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Schema.Json;

/// <summary>
/// Turns UTF-8 byte offsets (what the JSON reader reports) into character offsets and
/// 1-based lines and columns (what editors, MSBuild and Roslyn show).
/// </summary>
internal sealed class TextPositions
{
    private readonly string? _file;
    private readonly int[] _charOffsetOfByte;
    private readonly List<int> _lineStarts = new() { 0 };

    public TextPositions(string text, string? file)
    {
        _file = file;
        _charOffsetOfByte = new int[Encoding.UTF8.GetByteCount(text) + 1];
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

            for (var b = 0; b < width && byteOffset + b < _charOffsetOfByte.Length; b++)
            {
                _charOffsetOfByte[byteOffset + b] = i;
            }

            byteOffset += width;
            if (c == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }

        _charOffsetOfByte[_charOffsetOfByte.Length - 1] = text.Length;
    }

    public int CharOffset(int byteOffset) =>
        _charOffsetOfByte[Math.Max(0, Math.Min(byteOffset, _charOffsetOfByte.Length - 1))];

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
        var lineStartByte = Array.IndexOf(_charOffsetOfByte, lineStartChar);
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
        var index = _lineStarts.BinarySearch(charOffset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return (index + 1, charOffset - _lineStarts[index] + 1);
    }
}
