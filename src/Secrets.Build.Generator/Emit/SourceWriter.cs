using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Secrets.Build.Generator.Emit;

/// <summary>
/// Writes source text into a buffer sized up front for the whole file, which becomes a
/// <see cref="ChunkedSourceText"/> as it is: no second copy of a file that is millions of
/// characters at 10,000 secrets. An estimate that falls short only adds a chunk.
/// </summary>
internal sealed class SourceWriter
{
    /// <summary>The least a chunk added after the first holds, so a low estimate costs few chunks.</summary>
    private const int MinimumNextChunk = 64 * 1024;

    private static readonly char[] XmlSpecial = { '&', '<', '>', '\r', '\n' };

    private readonly List<char[]> chunks = new();
    private char[] current;
    private int position;
    private int completedLength;

    /// <param name="expectedLength">The characters the file will most likely take; erring high wastes only the rest of the buffer.</param>
    public SourceWriter(int expectedLength)
    {
        current = new char[Math.Max(16, expectedLength)];
    }

    /// <summary>Characters written so far.</summary>
    public int Length => completedLength + position;

    /// <summary>Appends <paramref name="text"/> as it is.</summary>
    public SourceWriter Append(string text)
    {
        var copied = 0;
        while (copied < text.Length)
        {
            if (position == current.Length)
            {
                NextChunk();
            }

            var count = Math.Min(text.Length - copied, current.Length - position);
            text.CopyTo(copied, current, position, count);
            copied += count;
            position += count;
        }

        return this;
    }

    /// <summary>Appends one character.</summary>
    public SourceWriter Append(char c)
    {
        if (position == current.Length)
        {
            NextChunk();
        }

        current[position++] = c;
        return this;
    }

    /// <summary>Appends a number in invariant form, without making a string of it.</summary>
    public SourceWriter AppendNumber(int value)
    {
        if (value < 0)
        {
            Append('-');
            if (value == int.MinValue)
            {
                return Append("2147483648");
            }

            value = -value;
        }

        var divisor = 1;
        while (value / divisor >= 10)
        {
            divisor *= 10;
        }

        for (; divisor > 0; divisor /= 10)
        {
            Append((char)('0' + (value / divisor % 10)));
        }

        return this;
    }

    /// <summary>
    /// Appends <paramref name="value"/> as a quoted C# literal, exactly as
    /// <see cref="SymbolDisplay.FormatLiteral(string, bool)"/> writes it. Names, categories and
    /// descriptions are nearly always plain text, so the common case copies them as they are.
    /// </summary>
    public SourceWriter AppendLiteral(string value)
    {
        if (!NeedsEscaping(value))
        {
            return Append('"').Append(value).Append('"');
        }

        return Append(SymbolDisplay.FormatLiteral(value, quote: true));
    }

    /// <summary>Appends text for an XML doc comment: markup characters escaped, line breaks as spaces.</summary>
    public SourceWriter AppendXml(string text)
    {
        if (text.IndexOfAny(XmlSpecial) < 0)
        {
            return Append(text);
        }

        foreach (var c in text)
        {
            switch (c)
            {
                case '&': Append("&amp;"); break;
                case '<': Append("&lt;"); break;
                case '>': Append("&gt;"); break;
                case '\r' or '\n': Append(' '); break;
                default: Append(c); break;
            }
        }

        return this;
    }

    /// <summary>The text written, as the compiler takes it: UTF-8 when written to disk.</summary>
    public SourceText ToSourceText()
    {
        var all = new char[chunks.Count + 1][];
        chunks.CopyTo(all);
        all[chunks.Count] = current;
        return new ChunkedSourceText(all, Length);
    }

    /// <summary>The text written, as one string (for tests and small files).</summary>
    public override string ToString() => ToSourceText().ToString();

    private void NextChunk()
    {
        chunks.Add(current);
        completedLength += current.Length;
        // An eighth of what is written so far: an estimate a little short costs a little, not a second copy.
        current = new char[Math.Max(MinimumNextChunk, completedLength / 8)];
        position = 0;
    }

    /// <summary>
    /// Printable ASCII other than a quote or a backslash is the one case a C# literal spells as is;
    /// anything else goes through Roslyn's own escaping.
    /// </summary>
    private static bool NeedsEscaping(string value)
    {
        foreach (var c in value)
        {
            if (c < ' ' || c > '~' || c == '"' || c == '\\')
            {
                return true;
            }
        }

        return false;
    }
}
