using System.Text;
using System.Text.RegularExpressions;

namespace Secrets.Build.Core.Outputs;

/// <summary>
/// Writes a YAML scalar: plain when no YAML 1.1 or 1.2 reader could take it for anything but the
/// same string, double-quoted otherwise. Kept by hand because the Core library ships without a YAML
/// dependency and these outputs only ever need keys and single-line strings.
/// </summary>
internal static partial class YamlScalar
{
    // Words YAML 1.1 reads as booleans or null (kubectl itself quotes a key named Y).
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
    };

    public static string Write(string value)
    {
        if (PlainSafe().IsMatch(value) && !Reserved.Contains(value) && !LooksNumeric().IsMatch(value))
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

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]*$")]
    private static partial Regex PlainSafe();

    [GeneratedRegex("^[-+]?(\\.?[0-9]|0[xob])", RegexOptions.IgnoreCase)]
    private static partial Regex LooksNumeric();
}
