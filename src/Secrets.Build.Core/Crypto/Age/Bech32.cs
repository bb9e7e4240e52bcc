namespace Secrets.Build.Core.Crypto.Age;

/// <summary>
/// Bech32 (BIP 173, checksum constant 1; not Bech32m), the text form of age's keys:
/// <c>age1…</c> recipients and <c>AGE-SECRET-KEY-1…</c> identities. Written by hand because it
/// is some fifty lines and no maintained NuGet package implements plain Bech32 without a
/// cryptocurrency stack around it. Like age, and unlike BIP 173, it sets no 90-character limit.
/// </summary>
internal static class Bech32
{
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private const int ChecksumLength = 6;
    private static readonly uint[] Generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

    /// <summary>Encodes <paramref name="data"/> under the lower-case human-readable part <paramref name="hrp"/>; the result is lower case.</summary>
    public static string Encode(string hrp, ReadOnlySpan<byte> data)
    {
        var lowerHrp = hrp.ToLowerInvariant();
        var values = ToFiveBit(data);
        var checksum = Checksum(lowerHrp, values);
        var chars = new char[lowerHrp.Length + 1 + values.Count + ChecksumLength];
        lowerHrp.CopyTo(chars);
        chars[lowerHrp.Length] = '1';
        var at = lowerHrp.Length + 1;
        foreach (var value in values.Concat(checksum))
        {
            chars[at++] = Charset[value];
        }

        return new string(chars);
    }

    /// <summary>
    /// Decodes a Bech32 string: all lower or all upper case, a valid checksum, and padding bits
    /// that are zero. Returns false for anything else, never a partial result.
    /// </summary>
    public static bool TryDecode(string text, out string hrp, out byte[] data)
    {
        hrp = string.Empty;
        data = [];
        if (string.IsNullOrEmpty(text) || text.Any(c => c is < (char)33 or > (char)126))
        {
            return false;
        }

        var lower = text.ToLowerInvariant();
        if (lower != text && text.ToUpperInvariant() != text)
        {
            return false;
        }

        var separator = lower.LastIndexOf('1');
        if (separator < 1 || separator + 1 + ChecksumLength > lower.Length)
        {
            return false;
        }

        var values = new List<byte>(lower.Length - separator - 1);
        foreach (var c in lower.AsSpan(separator + 1))
        {
            var value = Charset.IndexOf(c);
            if (value < 0)
            {
                return false;
            }

            values.Add((byte)value);
        }

        var candidateHrp = lower[..separator];
        if (Polymod(ExpandHrp(candidateHrp).Concat(values)) != 1)
        {
            return false;
        }

        if (!TryToEightBit(values.Take(values.Count - ChecksumLength).ToList(), out var bytes))
        {
            return false;
        }

        hrp = candidateHrp;
        data = bytes;
        return true;
    }

    private static List<byte> Checksum(string hrp, List<byte> values)
    {
        var polymod = Polymod(ExpandHrp(hrp).Concat(values).Concat(new byte[ChecksumLength])) ^ 1;
        var checksum = new List<byte>(ChecksumLength);
        for (var i = 0; i < ChecksumLength; i++)
        {
            checksum.Add((byte)((polymod >> (5 * (5 - i))) & 31));
        }

        return checksum;
    }

    private static uint Polymod(IEnumerable<byte> values)
    {
        uint checksum = 1;
        foreach (var value in values)
        {
            var top = checksum >> 25;
            checksum = ((checksum & 0x1ffffff) << 5) ^ value;
            for (var i = 0; i < 5; i++)
            {
                if (((top >> i) & 1) != 0)
                {
                    checksum ^= Generator[i];
                }
            }
        }

        return checksum;
    }

    private static IEnumerable<byte> ExpandHrp(string hrp) =>
        hrp.Select(c => (byte)(c >> 5)).Append((byte)0).Concat(hrp.Select(c => (byte)(c & 31)));

    private static List<byte> ToFiveBit(ReadOnlySpan<byte> data)
    {
        var result = new List<byte>((data.Length * 8 + 4) / 5);
        int accumulator = 0, bits = 0;
        foreach (var b in data)
        {
            accumulator = (accumulator << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                result.Add((byte)((accumulator >> bits) & 31));
            }
        }

        if (bits > 0)
        {
            result.Add((byte)((accumulator << (5 - bits)) & 31));
        }

        return result;
    }

    private static bool TryToEightBit(List<byte> values, out byte[] bytes)
    {
        bytes = [];
        var result = new List<byte>(values.Count * 5 / 8);
        int accumulator = 0, bits = 0;
        foreach (var value in values)
        {
            accumulator = ((accumulator << 5) | value) & 0xfff;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                result.Add((byte)((accumulator >> bits) & 0xff));
            }
        }

        // Leftover bits must be fewer than five and all zero, or two strings would decode to the same bytes.
        if (bits >= 5 || ((accumulator << (8 - bits)) & 0xff) != 0)
        {
            return false;
        }

        bytes = [.. result];
        return true;
    }
}
