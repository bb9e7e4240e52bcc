namespace Secrets.Build.Generator.Emit;

/// <summary>
/// The .env reader inside AppSecrets. It must read what the build's writer writes (see
/// <c>Secrets.Build.Core.Outputs.EnvValueEncoder</c>): netstandard2.0 has no such reader and the
/// generated code cannot depend on a package, so it is written here by hand.
/// <c>/*?*/</c> marks a nullable annotation.
/// </summary>
internal static class DotEnvTemplate
{
    public const string Text = """
static partial class AppSecrets
{
    private static partial class SecretsRuntime
    {
        /// <summary>
        /// Reads the .env format the build writes (and docker compose reads): <c>KEY=value</c> lines,
        /// <c>#</c> comments, blank lines, an optional <c>export</c>, unquoted values cut at <c> #</c> and
        /// trimmed, single-quoted values taken literally and double-quoted values with backslash escapes,
        /// both of which may span lines.
        /// </summary>
        internal static class DotEnv
        {
            internal static void Parse(
                string text,
                global::System.Collections.Generic.Dictionary<string, string> values,
                global::System.Collections.Generic.Dictionary<string, string> problems)
            {
                text = text.Replace("\r\n", "\n");
                var position = 0;
                var line = 1;
                while (position < text.Length)
                {
                    var lineStart = position;
                    var lineNumber = line;
                    var lineEnd = text.IndexOf('\n', position);
                    if (lineEnd < 0)
                    {
                        lineEnd = text.Length;
                    }

                    // By default the next line starts after this one; a quoted value moves it further.
                    position = lineEnd + 1;
                    line++;
                    var content = text.Substring(lineStart, lineEnd - lineStart).TrimStart();
                    if (content.Length == 0 || content[0] == '#')
                    {
                        continue;
                    }

                    if (content.StartsWith("export ", global::System.StringComparison.Ordinal) || content.StartsWith("export\t", global::System.StringComparison.Ordinal))
                    {
                        content = content.Substring("export".Length).TrimStart();
                    }

                    var equals = content.IndexOf('=');
                    if (equals <= 0)
                    {
                        continue;
                    }

                    var key = content.Substring(0, equals).Trim();
                    var valueStart = lineEnd - (content.Length - equals - 1);
                    while (valueStart < lineEnd && (text[valueStart] == ' ' || text[valueStart] == '\t'))
                    {
                        valueStart++;
                    }

                    string/*?*/ value;
                    if (valueStart < lineEnd && (text[valueStart] == '\'' || text[valueStart] == '"'))
                    {
                        int end;
                        value = text[valueStart] == '\''
                            ? ReadSingleQuoted(text, valueStart, out end)
                            : ReadDoubleQuoted(text, valueStart, out end);
                        if (value != null)
                        {
                            // Skip what follows the closing quote on its line (at most a comment).
                            var after = text.IndexOf('\n', end);
                            var next = after < 0 ? text.Length : after + 1;
                            line += Count(text, lineEnd, next);
                            position = next;
                        }
                    }
                    else
                    {
                        value = ReadUnquoted(text.Substring(valueStart, lineEnd - valueStart));
                    }

                    if (value == null)
                    {
                        // Later lines win, as in docker compose; a broken line hides an earlier good one.
                        values.Remove(key);
                        problems[key] = "line " + lineNumber.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " opens a quote it does not close.";
                    }
                    else
                    {
                        problems.Remove(key);
                        values[key] = value;
                    }
                }
            }

            private static int Count(string text, int from, int to)
            {
                var count = 0;
                for (var i = from; i < to && i < text.Length; i++)
                {
                    if (text[i] == '\n')
                    {
                        count++;
                    }
                }

                return count > 0 ? count - 1 : 0;
            }

            /// <summary>Unquoted: a '#' after whitespace starts a comment; surrounding whitespace is not part of the value.</summary>
            private static string ReadUnquoted(string raw)
            {
                for (var i = 1; i < raw.Length; i++)
                {
                    if (raw[i] == '#' && (raw[i - 1] == ' ' || raw[i - 1] == '\t'))
                    {
                        raw = raw.Substring(0, i);
                        break;
                    }
                }

                return raw.Trim();
            }

            /// <summary>Everything up to the closing quote, taken literally; null when there is none.</summary>
            private static string/*?*/ ReadSingleQuoted(string text, int open, out int end)
            {
                var close = text.IndexOf('\'', open + 1);
                end = close + 1;
                return close < 0 ? null : text.Substring(open + 1, close - open - 1);
            }

            /// <summary>Up to the closing unescaped quote, with backslash escapes; null when there is none.</summary>
            private static string/*?*/ ReadDoubleQuoted(string text, int open, out int end)
            {
                var value = new global::System.Text.StringBuilder();
                for (var i = open + 1; i < text.Length; i++)
                {
                    var c = text[i];
                    if (c == '"')
                    {
                        end = i + 1;
                        return value.ToString();
                    }

                    if (c == '\\' && i + 1 < text.Length)
                    {
                        i++;
                        switch (text[i])
                        {
                            case 'n': value.Append('\n'); break;
                            case 'r': value.Append('\r'); break;
                            case 't': value.Append('\t'); break;
                            case '"': value.Append('"'); break;
                            case '\\': value.Append('\\'); break;
                            case '$': value.Append('$'); break;
                            default: value.Append('\\').Append(text[i]); break;
                        }

                        continue;
                    }

                    value.Append(c);
                }

                end = text.Length;
                return null;
            }
        }
    }
}
""";
}
