using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Secrets.Build.Core.Crypto;

/// <summary>HKDF-SHA256 and HMAC-SHA256 through NSec (libsodium).</summary>
internal static class KeyDerivation
{
    /// <summary>HMAC-SHA256 output length in bytes.</summary>
    public const int HmacSize = 32;

    // HMAC-SHA256's block size: RFC 2104 zero-pads shorter keys to it and hashes longer ones.
    private const int Sha256BlockSize = 64;

    // The only HMAC-SHA256 key length NSec imports.
    private const int MacAlgorithmKeySize = 32;

    /// <summary>
    /// HKDF-SHA256 (RFC 5869): extract with <paramref name="salt"/>, expand with the UTF-8 bytes of
    /// <paramref name="info"/> to <paramref name="length"/> bytes (at most 8160).
    /// </summary>
    /// <param name="inputKey">The input keying material, e.g. a random data key.</param>
    /// <param name="salt">Optional salt; empty means RFC 5869's default of zeros.</param>
    /// <param name="info">What the derived key is for, so keys for different purposes never coincide.</param>
    /// <param name="length">Bytes to derive.</param>
    public static byte[] Hkdf(ReadOnlySpan<byte> inputKey, ReadOnlySpan<byte> salt, string info, int length)
    {
        ArgumentNullException.ThrowIfNull(info);
        return Hkdf(inputKey, salt, Encoding.UTF8.GetBytes(info), length);
    }

    /// <summary>HKDF-SHA256 with binary context information (RFC 5869's test vectors use such).</summary>
    internal static byte[] Hkdf(ReadOnlySpan<byte> inputKey, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info, int length)
    {
        var hkdf = KeyDerivationAlgorithm.HkdfSha256;
        if (length <= 0 || length > hkdf.MaxCount)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"HKDF-SHA256 derives 1 to {hkdf.MaxCount} bytes.");
        }

        return SensitiveBuffers.Track(hkdf.DeriveBytes(inputKey, salt, info, length));
    }

    /// <summary>HMAC-SHA256 (RFC 2104) of <paramref name="data"/> under <paramref name="key"/>; 32 bytes.</summary>
    /// <param name="key">The MAC key; any length (32 bytes is what this library always uses).</param>
    /// <param name="data">The message to authenticate.</param>
    public static byte[] HmacSha256(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        var mac = new byte[HmacSize];
        if (key.Length is > MacAlgorithmKeySize and <= Sha256BlockSize)
        {
            // NSec takes exactly 32-byte HMAC keys. Keys up to 32 bytes and keys over the block size
            // map onto 32 bytes exactly as RFC 2104 prescribes (below); 33..64-byte keys cannot, so
            // they go to the class library's HMAC, which computes the same function.
            System.Security.Cryptography.HMACSHA256.HashData(key, data, mac);
            return mac;
        }

        var normalizedKey = NormalizeKey(key);
        try
        {
            using var nsecKey = NSec.Cryptography.Key.Import(
                MacAlgorithm.HmacSha256, normalizedKey, KeyBlobFormat.RawSymmetricKey);
            MacAlgorithm.HmacSha256.Mac(nsecKey, data, mac);
            return mac;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(normalizedKey);
        }
    }

    /// <summary>
    /// RFC 2104 section 2: a key longer than the block size is replaced by its hash; a shorter key is
    /// padded with zeros to the block size. So zero-padding a short key to 32 bytes, or hashing a long
    /// one to 32 bytes, gives the very same HMAC that the original key gives.
    /// </summary>
    private static byte[] NormalizeKey(ReadOnlySpan<byte> key)
    {
        var normalized = new byte[MacAlgorithmKeySize];
        if (key.Length > Sha256BlockSize)
        {
            NSec.Cryptography.HashAlgorithm.Sha256.Hash(key, normalized);
        }
        else
        {
            key.CopyTo(normalized);
        }

        return normalized;
    }
}
