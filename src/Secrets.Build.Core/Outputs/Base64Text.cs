namespace Secrets.Build.Core.Outputs;

/// <summary>
/// Standard base64 with padding (RFC 4648 section 4), written as UTF-8 bytes. A plain loop of our
/// own: the framework's vectorized encoder is generic code that its ReadyToRun image does not
/// hold, so every build JIT-compiled it to encode a handful of values.
/// </summary>
internal static class Base64Text
{
    private static ReadOnlySpan<byte> Alphabet => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"u8;

    /// <summary>The encoded length of <paramref name="byteCount"/> bytes.</summary>
    public static int EncodedLength(int byteCount) => (byteCount + 2) / 3 * 4;

    /// <summary>Encodes <paramref name="bytes"/> into <paramref name="destination"/> (at least <see cref="EncodedLength"/> long); returns the bytes written.</summary>
    public static int Encode(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        var alphabet = Alphabet;
        var written = 0;
        var i = 0;
        for (; i + 3 <= bytes.Length; i += 3)
        {
            var group = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
            destination[written] = alphabet[group >> 18];
            destination[written + 1] = alphabet[(group >> 12) & 0x3F];
            destination[written + 2] = alphabet[(group >> 6) & 0x3F];
            destination[written + 3] = alphabet[group & 0x3F];
            written += 4;
        }

        var left = bytes.Length - i;
        if (left > 0)
        {
            var group = (bytes[i] << 16) | (left == 2 ? bytes[i + 1] << 8 : 0);
            destination[written] = alphabet[group >> 18];
            destination[written + 1] = alphabet[(group >> 12) & 0x3F];
            destination[written + 2] = left == 2 ? alphabet[(group >> 6) & 0x3F] : (byte)'=';
            destination[written + 3] = (byte)'=';
            written += 4;
        }

        return written;
    }
}
