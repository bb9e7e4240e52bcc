using System.Security.Cryptography;

namespace Secrets.Build.Core.Crypto;

/// <summary>
/// AES-256-GCM authenticated encryption. Uses libsodium through NSec when the CPU has hardware
/// AES, and otherwise the .NET class library's <see cref="AesGcm"/>; both produce identical bytes,
/// so a store written on one machine opens on any other.
/// </summary>
internal static class AesGcm256
{
    /// <summary>Key length in bytes (256 bits).</summary>
    public const int KeySize = 32;

    /// <summary>Nonce length in bytes (96 bits, the size GCM is specified for).</summary>
    public const int NonceSize = 12;

    /// <summary>Authentication tag length in bytes (128 bits, the full GCM tag).</summary>
    public const int TagSize = 16;

    // Null only where neither implementation runs; every call then says so (instead of a TypeInitializationException).
    private static readonly IAes256GcmCipher? SelectedCipher = SelectCipher();

    /// <summary>True when encryption runs in libsodium (NSec); false when it falls back to <see cref="AesGcm"/>.</summary>
    public static bool UsesNSec => SelectedCipher is NSecAes256GcmCipher;

    private static IAes256GcmCipher Cipher => SelectedCipher ?? throw new PlatformNotSupportedException(
        "AES-256-GCM is available neither in libsodium (no hardware AES) nor in the platform's crypto library.");

    /// <summary>Encrypts <paramref name="plaintext"/> and returns the ciphertext followed by the 16-byte tag.</summary>
    /// <param name="key">A 32-byte key.</param>
    /// <param name="nonce">A 12-byte nonce that is never reused with the same key (use <see cref="NewNonce"/>).</param>
    /// <param name="plaintext">The data to encrypt.</param>
    /// <param name="associatedData">Data bound to the ciphertext but not encrypted; decryption needs exactly the same bytes.</param>
    public static byte[] Encrypt(
        ReadOnlySpan<byte> key,
        ReadOnlySpan<byte> nonce,
        ReadOnlySpan<byte> plaintext,
        ReadOnlySpan<byte> associatedData) =>
        Encrypt(Cipher, key, nonce, plaintext, associatedData);

    /// <summary>
    /// Verifies and decrypts. Returns false (and an empty <paramref name="plaintext"/>) when the key,
    /// nonce, associated data or any byte of the ciphertext or tag is wrong.
    /// </summary>
    /// <param name="key">The 32-byte key used to encrypt.</param>
    /// <param name="nonce">The 12-byte nonce used to encrypt.</param>
    /// <param name="ciphertextWithTag">Ciphertext followed by the 16-byte tag, as <see cref="Encrypt(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/> returns it.</param>
    /// <param name="associatedData">The associated data given to encrypt.</param>
    /// <param name="plaintext">The decrypted data when the result is true.</param>
    public static bool TryDecrypt(
        ReadOnlySpan<byte> key,
        ReadOnlySpan<byte> nonce,
        ReadOnlySpan<byte> ciphertextWithTag,
        ReadOnlySpan<byte> associatedData,
        out byte[] plaintext) =>
        TryDecrypt(Cipher, key, nonce, ciphertextWithTag, associatedData, out plaintext);

    /// <summary>A fresh random 12-byte nonce from <see cref="RandomNumberGenerator"/>.</summary>
    /// <remarks>Random 96-bit nonces are safe for far more than the 2^32 messages per key NIST SP 800-38D allows.</remarks>
    public static byte[] NewNonce() => RandomNumberGenerator.GetBytes(NonceSize);

    /// <summary>
    /// Imports <paramref name="key"/> once to encrypt or decrypt many values with it: the one-shot
    /// methods import the key on every call, which costs more than encrypting a secret.
    /// </summary>
    /// <param name="key">A 32-byte key; the returned object holds its own copy, wiped on dispose.</param>
    public static AesGcm256Key ImportKey(ReadOnlySpan<byte> key) => ImportKey(Cipher, key);

    internal static AesGcm256Key ImportKey(IAes256GcmCipher cipher, ReadOnlySpan<byte> key)
    {
        CheckKey(key);
        return new AesGcm256Key(cipher.ImportKey(key));
    }

    internal static byte[] Encrypt(
        IAes256GcmCipher cipher,
        ReadOnlySpan<byte> key,
        ReadOnlySpan<byte> nonce,
        ReadOnlySpan<byte> plaintext,
        ReadOnlySpan<byte> associatedData)
    {
        using var imported = ImportKey(cipher, key);
        return imported.Encrypt(nonce, plaintext, associatedData);
    }

    internal static bool TryDecrypt(
        IAes256GcmCipher cipher,
        ReadOnlySpan<byte> key,
        ReadOnlySpan<byte> nonce,
        ReadOnlySpan<byte> ciphertextWithTag,
        ReadOnlySpan<byte> associatedData,
        out byte[] plaintext)
    {
        using var imported = ImportKey(cipher, key);
        return imported.TryDecrypt(nonce, ciphertextWithTag, associatedData, out plaintext);
    }

    private static void CheckKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeySize)
        {
            throw new ArgumentException($"An AES-256-GCM key is {KeySize} bytes, not {key.Length}.", nameof(key));
        }
    }

    internal static void CheckNonce(ReadOnlySpan<byte> nonce)
    {
        if (nonce.Length != NonceSize)
        {
            throw new ArgumentException($"An AES-256-GCM nonce is {NonceSize} bytes, not {nonce.Length}.", nameof(nonce));
        }
    }

    private static IAes256GcmCipher? SelectCipher()
    {
        if (NSecAes256GcmCipher.Instance.IsSupported)
        {
            return NSecAes256GcmCipher.Instance;
        }

        return BclAes256GcmCipher.Instance.IsSupported ? BclAes256GcmCipher.Instance : null;
    }
}
