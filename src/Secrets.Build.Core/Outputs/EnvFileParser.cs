using System.Collections.Immutable;
using System.Text;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Outputs;

/// <summary>
/// Reads a <c>.env</c> file the way the files <see cref="EnvFileRenderer"/> writes, and the usual
/// hand-written ones, are meant to be read: blank lines, <c># comments</c>, an optional <c>export </c>,
/// unquoted values (cut at <c> #</c>, trimmed), single-quoted values (literal, may span lines),
/// double-quoted values (<c>\n \r \t \" \\ \$</c> escapes, may span lines), LF or CRLF.
/// Variables are never expanded. Diagnostics name lines and variables, never values.
/// </summary>
/// <remarks>
/// Written by hand: the .NET .env libraries each follow a dialect of their own (variable expansion,
/// escape rules), while this reader must agree with docker compose, dotenv and bash on every file
/// <see cref="EnvFileRenderer"/> writes, which the reader round-trip tests check.
/// </remarks>
internal static class EnvFileParser
{
    /// <summary>Parses the text of a <c>.env</c> file; <paramref name="path"/> is used only in diagnostics.</summary>
    public static EnvFileParseResult Parse(string text, string? path)
    {
        var reader = new Reader(text ?? string.Empty, path);
        reader.ReadAll();
        return new EnvFileParseResult(reader.Entries.ToImmutable(), reader.Diagnostics.ToImmutable());
    }

    /// <summary>A cursor over the text that keeps the current line and column.</summary>
    private sealed class Reader(string text, string? path)
    {
        private int _pos = text.StartsWith('\uFEFF') ? 1 : 0;
        private int _line = 1;
        private int _lineStart = text.StartsWith('\uFEFF') ? 1 : 0;
        private readonly Dictionary<string, int> _firstLine = new(StringComparer.Ordinal);

        public ImmutableArray<EnvFileEntry>.Builder Entries { get; } = ImmutableArray.CreateBuilder<EnvFileEntry>();

        public ImmutableArray<SecretsDiagnostic>.Builder Diagnostics { get; } = ImmutableArray.CreateBuilder<SecretsDiagnostic>();

        private bool AtEnd => _pos >= text.Length;

        private char Current => text[_pos];

        public void ReadAll()
        {
            while (!AtEnd)
            {
                ReadLine();
            }
        }

        private void ReadLine()
        {
            SkipBlanks();
            if (AtEnd || NewlineLength() > 0)
            {
                SkipRestOfLine();
                return;
            }

            if (Current == '#')
            {
                SkipRestOfLine();
                return;
            }

            var line = _line;
            var lineStart = _lineStart;
            if (string.CompareOrdinal(text, _pos, "export", 0, 6) == 0 && _pos + 6 < text.Length && text[_pos + 6] is ' ' or '\t')
            {
                _pos += 6;
                SkipBlanks();
            }

            var nameStart = _pos;
            while (!AtEnd && Current is not ('=' or ' ' or '\t' or '\r' or '\n'))
            {
                _pos++;
            }

            var name = text[nameStart.._pos];
            SkipBlanks();
            if (AtEnd || Current != '=')
            {
                Error(DiagnosticCodes.EnvFileSyntax, nameStart, name.Length,
                    "This line is not NAME=value.",
                    "Write NAME=value, or start the line with # to make it a comment.");
                SkipRestOfLine();
                return;
            }

            _pos++;
            SkipBlanks();
            var value = AtEnd ? string.Empty : Current switch
            {
                '\'' => ReadSingleQuoted(name),
                '"' => ReadDoubleQuoted(name),
                _ => ReadUnquoted(name),
            };
            if (value is null)
            {
                return;
            }

            if (!VariableNames.IsValid(name))
            {
                Error(DiagnosticCodes.InvalidVariableName, nameStart, name.Length,
                    $"'{name}' is not an environment-variable name.",
                    "Use letters, digits and '_', not starting with a digit.", line, lineStart);
                return;
            }

            if (_firstLine.TryGetValue(name, out var first))
            {
                Error(DiagnosticCodes.DuplicateVariable, nameStart, name.Length,
                    $"{name} is set again (first on line {first}); docker compose and bash keep the last value, dotenv the first.",
                    $"Keep one line for {name}.", line, lineStart);
                return;
            }

            _firstLine.Add(name, line);
            Entries.Add(new EnvFileEntry(name, value, line));
        }

        private string ReadUnquoted(string name)
        {
            var start = _pos;
            while (!AtEnd && NewlineLength() == 0)
            {
                // Like compose and dotenv: '#' after whitespace starts a comment.
                if (Current == '#' && _pos > start && text[_pos - 1] is ' ' or '\t')
                {
                    break;
                }

                _pos++;
            }

            var value = text[start.._pos].TrimEnd(' ', '\t');
            if (value.Contains('$'))
            {
                Warning(start, value.Length, name, _line);
            }

            SkipRestOfLine();
            return value;
        }

        private string? ReadSingleQuoted(string name)
        {
            var open = _pos;
            var openLine = _line;
            _pos++;
            var value = new StringBuilder();
            while (!AtEnd && Current != '\'')
            {
                AppendCharOrNewline(value);
            }

            return CloseQuote(open, openLine, name, value);
        }

        private string? ReadDoubleQuoted(string name)
        {
            var open = _pos;
            var openLine = _line;
            _pos++;
            var value = new StringBuilder();
            var expands = false;
            while (!AtEnd && Current != '"')
            {
                if (Current == '\\' && _pos + 1 < text.Length)
                {
                    var escaped = text[_pos + 1] switch
                    {
                        'n' => "\n",
                        'r' => "\r",
                        't' => "\t",
                        '"' => "\"",
                        '\\' => "\\",
                        '$' => "$",
                        _ => null,
                    };
                    if (escaped is not null)
                    {
                        value.Append(escaped);
                        _pos += 2;
                        continue;
                    }
                }

                expands |= Current == '$';
                AppendCharOrNewline(value);
            }

            if (expands)
            {
                Warning(open, 1, name, openLine);
            }

            return CloseQuote(open, openLine, name, value);
        }

        private string? CloseQuote(int open, int openLine, string name, StringBuilder value)
        {
            if (AtEnd)
            {
                var column = open - LineStartOf(open) + 1;
                Diagnostics.Add(SecretsDiagnostic.Error(
                    DiagnosticCodes.EnvFileUnterminatedQuote,
                    $"The quoted value of {name} is never closed.",
                    $"Add the closing {text[open]} at the end of the value.",
                    new SourceLocation(path, openLine, column, openLine, column + 1, open, 1)));
                return null;
            }

            _pos++;
            SkipBlanks();
            if (!AtEnd && NewlineLength() == 0 && Current != '#')
            {
                Error(DiagnosticCodes.EnvFileSyntax, _pos, 1,
                    $"Text follows the closing quote of {name}.",
                    "Put the whole value inside the quotes; only a # comment may follow them.");
                SkipRestOfLine();
                return null;
            }

            SkipRestOfLine();
            return value.ToString();
        }

        private void AppendCharOrNewline(StringBuilder value)
        {
            var newline = NewlineLength();
            if (newline > 0)
            {
                value.Append('\n');
                ConsumeNewline(newline);
            }
            else
            {
                value.Append(Current);
                _pos++;
            }
        }

        private int NewlineLength()
        {
            if (AtEnd)
            {
                return 0;
            }

            return Current switch
            {
                '\n' => 1,
                '\r' when _pos + 1 < text.Length && text[_pos + 1] == '\n' => 2,
                '\r' => 1,
                _ => 0,
            };
        }

        private void ConsumeNewline(int length)
        {
            _pos += length;
            _line++;
            _lineStart = _pos;
        }

        private void SkipBlanks()
        {
            while (!AtEnd && Current is ' ' or '\t')
            {
                _pos++;
            }
        }

        private void SkipRestOfLine()
        {
            while (!AtEnd)
            {
                var newline = NewlineLength();
                if (newline > 0)
                {
                    ConsumeNewline(newline);
                    return;
                }

                _pos++;
            }
        }

        private int LineStartOf(int offset)
        {
            var i = offset;
            while (i > 0 && text[i - 1] is not ('\n' or '\r'))
            {
                i--;
            }

            return i;
        }

        /// <summary>An error on the current line, or on <paramref name="line"/> once the reader has moved past it.</summary>
        private void Error(string code, int offset, int length, string message, string fix, int? line = null, int? lineStart = null)
        {
            var at = line ?? _line;
            var column = offset - (lineStart ?? _lineStart) + 1;
            Diagnostics.Add(SecretsDiagnostic.Error(code, message, fix,
                new SourceLocation(path, at, column, at, column + Math.Max(length, 1), offset, length)));
        }

        private void Warning(int offset, int length, string name, int line)
        {
            var column = offset - LineStartOf(offset) + 1;
            Diagnostics.Add(SecretsDiagnostic.Warning(
                DiagnosticCodes.EnvFileAmbiguousExpansion,
                $"The value of {name} contains '$': docker compose and bash would expand it as a variable, dotenv would not. It was read literally.",
                $"Put the value of {name} in single quotes so every reader keeps the '$'.",
                new SourceLocation(path, line, column, line, column + length, offset, length)));
        }
    }
}
