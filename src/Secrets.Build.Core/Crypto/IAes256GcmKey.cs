namespace Secrets.Build.Core.Crypto;

/// <summary>An AES-256-GCM key imported into one implementation; disposing wipes the imported copy.</summary>
internal interface IAes256GcmKey : IDisposable
{
    /// <summary>Writes ciphertext followed by the 16-byte tag into <paramref name="destination"/>.</summary>
    void Encrypt(
        ReadOnlySpan<byte> nonce,
        ReadOnlySpan<byte> plaintext,
        ReadOnlySpan<byte> associatedData,
        Span<byte> destination);

    /// <summary>
    /// Verifies the tag and writes the plaintext into <paramref name="destination"/>.
    /// False when the key, nonce, associated data or ciphertext do not match.
    /// </summary>
    bool TryDecrypt(
        ReadOnlySpan<byte> nonce,
        ReadOnlySpan<byte> ciphertextWithTag,
        ReadOnlySpan<byte> associatedData,
        Span<byte> destination);
}
