namespace Secrets.Build.Core.Schema;

/// <summary>The character sets generation draws from.</summary>
internal static class Alphabets
{
    /// <summary>
    /// Every character docker compose, node's dotenv, bash <c>set -a; . file</c> and kubectl's
    /// <c>--from-env-file</c> all read unquoted and unchanged: letters, digits and
    /// <c>- _ . + / = : @ % , ^</c>. Never <c>$ # ' " \</c>, space or backtick.
    /// </summary>
    public const string EnvSafe =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.+/=:@%,^";

    /// <summary>Letters and digits: for tokens and keys that other systems parse.</summary>
    public const string Alphanumeric =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>True when every character of <paramref name="value"/> is in <see cref="EnvSafe"/>.</summary>
    public static bool IsEnvSafe(string value)
    {
        foreach (var c in value)
        {
            if (c >= EnvSafeTable.Length || !EnvSafeTable[c])
            {
                return false;
            }
        }

        return true;
    }

    // One lookup per character instead of a search of EnvSafe: every value of every build is checked.
    private static readonly bool[] EnvSafeTable = BuildTable(EnvSafe);

    private static bool[] BuildTable(string characters)
    {
        var table = new bool[128];
        foreach (var c in characters)
        {
            table[c] = true;
        }

        return table;
    }
}
