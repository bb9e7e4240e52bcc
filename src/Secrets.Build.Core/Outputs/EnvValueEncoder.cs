using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Schema;

namespace Secrets.Build.Core.Outputs;

/// <summary>
/// Writes one value in the single form that docker compose v2 (compose-go), node's <c>dotenv</c>
/// and bash (<c>set -a; . ./.env</c>) all read back unchanged, or explains why none exists.
/// Written by hand because no library targets the intersection of the three dialects.
/// </summary>
/// <remarks>
/// What each reader does, and so why the rules are what they are:
/// <list type="bullet">
/// <item>Unquoted: compose expands <c>$</c> and cuts at <c> #</c>; dotenv cuts at <c>#</c> and trims;
/// bash splits on spaces and expands <c>$</c>, quotes and backslashes. Only <see cref="Alphabets.EnvSafe"/> is safe.</item>
/// <item>Single quotes: literal in all three, across lines too. bash has no escape for <c>'</c> inside them, dotenv keeps
/// <c>\'</c> as two characters while compose reads it as <c>'</c>, and compose reads a backslash before the
/// closing quote as an escaped quote. So: no <c>'</c> and no trailing backslash.</item>
/// <item>Double quotes: bash expands <c>$ ` \</c>, compose expands <c>$</c> and backslash escapes, dotenv expands
/// only <c>\n</c> and <c>\r</c>. So they are used only for a value with <c>'</c> and none of <c>" $ ` \</c>.</item>
/// <item>Carriage returns: dotenv turns every CR into LF before parsing; NUL cannot exist in a bash variable.</item>
/// </list>
/// </remarks>
internal static class EnvValueEncoder
{
    /// <summary>The text after <c>NAME=</c>, or null with the reason (never containing the value).</summary>
    public static string? TryEncode(string value, out string? reason)
    {
        reason = null;
        if (Alphabets.IsEnvSafe(value))
        {
            return value;
        }

        if (value.Contains('\0'))
        {
            reason = "it contains a NUL character, which no shell variable can hold";
            return null;
        }

        if (value.Contains('\r'))
        {
            reason = "it contains a carriage return, which node's dotenv turns into a line feed";
            return null;
        }

        if (HasLoneSurrogate(value))
        {
            reason = "it is not valid Unicode (a lone surrogate), so it has no UTF-8 form";
            return null;
        }

        if (!value.Contains('\''))
        {
            if (value.EndsWith('\\'))
            {
                reason = "it ends with a backslash, which docker compose reads as escaping the closing quote";
                return null;
            }

            return "'" + value + "'";
        }

        if (value.IndexOfAny(['"', '$', '`', '\\']) < 0)
        {
            return "\"" + value + "\"";
        }

        reason = "it contains a single quote together with one of \" $ ` \\, which docker compose, dotenv and bash would each read differently";
        return null;
    }

    /// <summary>The value as <c>TryEncode</c> writes it, or SECB301 naming the variable and the reason.</summary>
    public static string Encode(string name, string value)
    {
        return TryEncode(value, out var reason) ?? throw new SecretsException(SecretsDiagnostic.Error(
            DiagnosticCodes.EnvValueNotRepresentable,
            $"The value of {name} cannot be written to a .env file: {reason}.",
            $"Change the value of {name} (re-import or re-enter it) so that it avoids those characters."));
    }

    private static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }
}
