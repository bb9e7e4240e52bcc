using Secrets.Build.Core.Diagnostics;
using System.Security.Cryptography;
using NSec.Cryptography;

namespace Secrets.Build.Core.Crypto;

/// <summary>
/// AES-256-GCM authenticated encryption, from libsodium through NSec. libsodium offers it only on
/// CPUs with hardware AES (AES-NI / ARMv8 crypto extensions); elsewhere every call says so.
/// </summary>
internal static class AesGcm256
{
    /// <summary>Key length in bytes (256 bits).</summary>
    public const int KeySize = 32;

    /// <summary>Nonce length in bytes (96 bits, the size GCM is specified for).</summary>
    public const int NonceSize = 12;

    /// <summary>Authentication tag length in bytes (128 bits, the full GCM tag).</summary>
    public const int TagSize = 16;

    private static readonly bool Supported = Aes256Gcm.IsSupported;

    /// <summary>Encrypts <paramref name="plaintext"/> and returns the ciphertext followed by the 16-byte tag.</summary>
    /// <param name="key">A 32-byte key.</param>
    /// <param name="nonce">A 12-byte nonce that is never reused with the same key (use <see cref="NewNonce"/>).</param>
    /// <param name="plaintext">The data to encrypt.</param>
    /// <param name="associatedData">Data bound to the ciphertext but not encrypted; decryption needs exactly the same bytes.</param>
    public static byte[] Encrypt(
        ReadOnlySpan<byte> key,
        ReadOnlySpan<byte> nonce,
        ReadOnlySpan<byte> plaintext,
        ReadOnlySpan<byte> associatedData)
    {
        using var imported = ImportKey(key);
        return imported.Encrypt(nonce, plaintext, associatedData);
    }

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
        out byte[] plaintext)
    {
        using var imported = ImportKey(key);
        return imported.TryDecrypt(nonce, ciphertextWithTag, associatedData, out plaintext);
    }

    /// <summary>A fresh random 12-byte nonce from <see cref="RandomNumberGenerator"/>.</summary>
    /// <remarks>Random 96-bit nonces are safe for far more than the 2^32 messages per key NIST SP 800-38D allows.</remarks>
    public static byte[] NewNonce() => RandomNumberGenerator.GetBytes(NonceSize);

    /// <summary>
    /// Imports <paramref name="key"/> once to encrypt or decrypt many values with it: the one-shot
    /// methods import the key on every call, which costs more than encrypting a secret.
    /// </summary>
    /// <param name="key">A 32-byte key; the returned object holds its own copy, wiped on dispose.</param>
    public static AesGcm256Key ImportKey(ReadOnlySpan<byte> key)
    {
        CheckKey(key);
        if (!Supported)
        {
            throw new SecretsException(SecretsDiagnostic.Error(
                DiagnosticCodes.NoHardwareAes,
                "This machine cannot encrypt or decrypt the store: libsodium offers AES-256-GCM only on CPUs with hardware AES (x86-64 AES-NI and PCLMULQDQ, or the ARMv8 cryptography extensions), and this CPU has neither.",
                "Build on a machine whose CPU has hardware AES; a virtual machine may need its CPU features passed through (for example QEMU's -cpu host)."));
        }

        // Key.Import copies the key into libsodium's guarded memory (its own mmap'd, mlock'ed pages:
        // far dearer than the encryption itself); disposing wipes and unmaps that copy.
        return new AesGcm256Key(Key.Import(AeadAlgorithm.Aes256Gcm, key, KeyBlobFormat.RawSymmetricKey));
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
}
