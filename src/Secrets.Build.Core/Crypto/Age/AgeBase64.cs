namespace Secrets.Build.Core.Crypto.Age;

/// <summary>
/// The base64 age uses everywhere in its header: the standard alphabet without padding, and
/// canonical only (unused trailing bits zero), so one value has exactly one spelling and a
/// header MAC cannot be dodged by re-spelling a field.
/// </summary>
internal static class AgeBase64
{
    public static string Encode(ReadOnlySpan<byte> data) => Convert.ToBase64String(data).TrimEnd('=');

    public static bool TryDecode(string text, out byte[] data)
    {
        data = [];
        if (text.Length % 4 == 1 || text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '+' or '/')))
        {
            return false;
        }

        var padded = text + new string('=', (4 - (text.Length % 4)) % 4);
        byte[] decoded;
        try
        {
            decoded = Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return false;
        }

        if (Encode(decoded) != text)
        {
            return false;
        }

        data = decoded;
        return true;
    }
}
