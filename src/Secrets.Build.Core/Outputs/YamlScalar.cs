using System.Text;

namespace Secrets.Build.Core.Outputs;

/// <summary>
/// Writes a YAML scalar: plain when no YAML 1.1 or 1.2 reader could take it for anything but the
/// same string, double-quoted otherwise. Kept by hand because the Core library ships without a YAML
/// dependency and these outputs only ever need keys and single-line strings.
/// </summary>
internal static class YamlScalar
{
    // Words YAML 1.1 reads as booleans or null (kubectl itself quotes a key named Y).
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
    };

    public static string Write(string value)
    {
        // Starting with a letter or '_' also rules out every number form (1e3, 0x1F, .inf).
        if (IsPlainSafe(value) && !Reserved.Contains(value))
        {
            return value;
        }

        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>
    /// <c>[A-Za-z_][A-Za-z0-9_.-]*</c>, checked by hand: this runs for every key of every output,
    /// where even a precompiled regular expression costs more than the loop.
    /// </summary>
    private static bool IsPlainSafe(string value)
    {
        if (value.Length == 0 || !(char.IsAsciiLetter(value[0]) || value[0] == '_'))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
