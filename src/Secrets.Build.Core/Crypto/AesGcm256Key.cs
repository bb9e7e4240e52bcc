using System.Security.Cryptography;
using NSec.Cryptography;

namespace Secrets.Build.Core.Crypto;

/// <summary>
/// An AES-256-GCM key imported once (<see cref="AesGcm256.ImportKey(ReadOnlySpan{byte})"/>) to
/// encrypt or decrypt every value of a store. Produces exactly the bytes of the one-shot methods
/// of <see cref="AesGcm256"/>. Dispose it as soon as the values are done: that wipes the key copy.
/// </summary>
internal sealed class AesGcm256Key : IDisposable
{
    private readonly Key imported;
    private bool disposed;

    internal AesGcm256Key(Key imported) => this.imported = imported;

    /// <summary>Encrypts <paramref name="plaintext"/> and returns the ciphertext followed by the 16-byte tag.</summary>
    /// <param name="nonce">A 12-byte nonce never reused with this key (<see cref="AesGcm256.NewNonce"/>).</param>
    /// <param name="plaintext">The data to encrypt.</param>
    /// <param name="associatedData">Data bound to the ciphertext but not encrypted.</param>
    public byte[] Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        AesGcm256.CheckNonce(nonce);
        var result = new byte[plaintext.Length + AesGcm256.TagSize];
        AeadAlgorithm.Aes256Gcm.Encrypt(imported, nonce, associatedData, plaintext, result);
        return result;
    }

    /// <summary>
    /// Verifies and decrypts. Returns false (and an empty <paramref name="plaintext"/>) when the key,
    /// nonce, associated data or any byte of the ciphertext or tag is wrong.
    /// </summary>
    /// <param name="nonce">The 12-byte nonce used to encrypt.</param>
    /// <param name="ciphertextWithTag">Ciphertext followed by the 16-byte tag.</param>
    /// <param name="associatedData">The associated data given to encrypt.</param>
    /// <param name="plaintext">The decrypted data when the result is true.</param>
    public bool TryDecrypt(
        ReadOnlySpan<byte> nonce,
        ReadOnlySpan<byte> ciphertextWithTag,
        ReadOnlySpan<byte> associatedData,
        out byte[] plaintext)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        AesGcm256.CheckNonce(nonce);
        plaintext = [];
        if (ciphertextWithTag.Length < AesGcm256.TagSize)
        {
            // Too short to hold a tag: a truncated value, which is simply not authentic.
            return false;
        }

        var buffer = SensitiveBuffers.Track(new byte[ciphertextWithTag.Length - AesGcm256.TagSize]);
        if (!AeadAlgorithm.Aes256Gcm.Decrypt(imported, nonce, associatedData, ciphertextWithTag, buffer))
        {
            CryptographicOperations.ZeroMemory(buffer);
            return false;
        }

        plaintext = buffer;
        return true;
    }

    /// <summary>Wipes the imported key.</summary>
    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            imported.Dispose();
        }
    }
}
