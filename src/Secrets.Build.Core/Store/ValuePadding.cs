using System.Security.Cryptography;
using Secrets.Build.Core.Crypto;

namespace Secrets.Build.Core.Store;

/// <summary>
/// Pads each value before encryption (ISO/IEC 7816-4: a 0x80 byte, then zeros, up to a
/// multiple of <see cref="BlockSize"/>), so a committed ciphertext shows a length bucket
/// rather than the exact length of a user's password.
/// </summary>
internal static class ValuePadding
{
    public const int BlockSize = 32;

    public static byte[] Pad(ReadOnlySpan<byte> value)
    {
        var padded = SensitiveBuffers.Track(new byte[(value.Length / BlockSize + 1) * BlockSize]);
        value.CopyTo(padded);
        padded[value.Length] = 0x80;
        return padded;
    }

    /// <summary>The value without its padding; false when the padding is malformed.</summary>
    public static bool TryUnpad(byte[] padded, out byte[] value)
    {
        value = [];
        if (padded.Length == 0 || padded.Length % BlockSize != 0)
        {
            return false;
        }

        // A plain loop: the span search's generic code is JIT-compiled in every build process.
        var marker = padded.Length - 1;
        while (marker >= 0 && padded[marker] == 0)
        {
            marker--;
        }

        var valid = marker >= 0 && padded[marker] == 0x80 && padded.Length - marker <= BlockSize;
        if (valid)
        {
            value = SensitiveBuffers.Track(padded[..marker]);
        }

        CryptographicOperations.ZeroMemory(padded);
        return valid;
    }
}
