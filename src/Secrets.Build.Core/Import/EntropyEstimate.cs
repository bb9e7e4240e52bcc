namespace Secrets.Build.Core.Import;

/// <summary>
/// A deliberately simple strength estimate for a value nobody generated: an effective length
/// times the bits per character of its pool. The pool is the character classes the value uses
/// (lower case 26, upper case 26, digits 10, other printable ASCII 33, anything else 128), or the
/// rule's alphabet when every character comes from it. The effective length is capped at twice
/// the number of distinct characters, so <c>aaaaaaaa</c> or <c>abababab</c> count for little while
/// random values (which use many distinct characters) keep their full length. It overrates
/// human-chosen words (<c>Summer2024!</c>), so it only flags values too short or too plain to
/// ever meet a rule; it is not a proof of strength.
/// </summary>
internal static class EntropyEstimate
{
    public static double Bits(string value, string? alphabet = null)
    {
        if (value.Length == 0)
        {
            return 0;
        }

        bool lower = false, upper = false, digit = false, symbol = false, other = false;
        foreach (var c in value)
        {
            lower |= char.IsAsciiLetterLower(c);
            upper |= char.IsAsciiLetterUpper(c);
            digit |= char.IsAsciiDigit(c);
            symbol |= c is >= '!' and <= '~' && !char.IsAsciiLetterOrDigit(c);
            other |= c > '~' || c < '!';
        }

        var pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 33 : 0) + (other ? 128 : 0);
        if (!string.IsNullOrEmpty(alphabet) && value.All(c => alphabet.Contains(c, StringComparison.Ordinal)))
        {
            pool = Math.Max(pool, alphabet.Distinct().Count());
        }

        var effectiveLength = Math.Min(value.Length, 2 * value.Distinct().Count());
        return pool <= 1 ? 0 : effectiveLength * Math.Log2(pool);
    }
}
