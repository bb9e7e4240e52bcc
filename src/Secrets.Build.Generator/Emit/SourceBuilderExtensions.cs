using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Secrets.Build.Generator.Emit;

/// <summary>
/// Appends C# string literals and XML doc text straight into the source being built. Names,
/// categories and descriptions are nearly always plain text, so the common case copies them
/// as they are instead of making an escaped copy first.
/// </summary>
internal static class SourceBuilderExtensions
{
    private static readonly char[] XmlSpecial = { '&', '<', '>', '\r', '\n' };

    /// <summary>Appends <paramref name="value"/> as a quoted C# literal, exactly as <see cref="SymbolDisplay.FormatLiteral(string, bool)"/> writes it.</summary>
    public static StringBuilder AppendLiteral(this StringBuilder builder, string value)
    {
        if (!NeedsEscaping(value))
        {
            return builder.Append('"').Append(value).Append('"');
        }

        return builder.Append(SymbolDisplay.FormatLiteral(value, quote: true));
    }

    /// <summary>Appends text for an XML doc comment: markup characters escaped, line breaks as spaces.</summary>
    public static StringBuilder AppendXml(this StringBuilder builder, string text)
    {
        if (text.IndexOfAny(XmlSpecial) < 0)
        {
            return builder.Append(text);
        }

        return builder.Append(text
            .Replace("&", "&amp;")
            .Replace("<", "&lt;")
            .Replace(">", "&gt;")
            .Replace("\r", " ")
            .Replace("\n", " "));
    }

    /// <summary>Appends a number in invariant form.</summary>
    public static StringBuilder AppendNumber(this StringBuilder builder, int value) =>
        builder.Append(value.ToString(CultureInfo.InvariantCulture));

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
