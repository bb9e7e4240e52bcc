namespace Secrets.Build.Core.Import;

/// <summary>
/// A deliberately simple strength estimate for a value nobody generated: its length times the
/// bits of the character classes it uses (lower case 26, upper case 26, digits 10, other printable
/// ASCII 33, anything else 128), where a character equal to the one before adds nothing. It
/// overrates human-chosen words (<c>Summer2024!</c>), so it only flags values too short or too plain
/// to ever meet a rule; it is not a proof of strength.
/// </summary>
internal static class EntropyEstimate
{
    public static double Bits(string value)
    {
        if (value.Length == 0)
        {
            return 0;
        }

        bool lower = false, upper = false, digit = false, symbol = false, other = false;
        var counted = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            lower |= char.IsAsciiLetterLower(c);
            upper |= char.IsAsciiLetterUpper(c);
            digit |= char.IsAsciiDigit(c);
            symbol |= c is >= '!' and <= '~' && !char.IsAsciiLetterOrDigit(c);
            other |= c > '~' || c < '!';
            if (i == 0 || c != value[i - 1])
            {
                counted++;
            }
        }

        var pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 33 : 0) + (other ? 128 : 0);
        return pool <= 1 ? 0 : counted * Math.Log2(pool);
    }
}
