namespace Secrets.Build.Core.Crypto;

/// <summary>
/// One implementation of AES-256-GCM. Two exist (libsodium through NSec, and the .NET
/// class library) so that tests can prove both produce the same bytes.
/// </summary>
internal interface IAes256GcmCipher
{
    /// <summary>True when this implementation can run on the current machine.</summary>
    bool IsSupported { get; }

    /// <summary>Writes ciphertext followed by the 16-byte tag into <paramref name="destination"/>.</summary>
    void Encrypt(
        ReadOnlySpan<byte> key,
        ReadOnlySpan<byte> nonce,
        ReadOnlySpan<byte> plaintext,
        ReadOnlySpan<byte> associatedData,
        Span<byte> destination);

    /// <summary>
    /// Verifies the tag and writes the plaintext into <paramref name="destination"/>.
    /// False when the key, nonce, associated data or ciphertext do not match.
    /// </summary>
    bool TryDecrypt(
        ReadOnlySpan<byte> key,
        ReadOnlySpan<byte> nonce,
        ReadOnlySpan<byte> ciphertextWithTag,
        ReadOnlySpan<byte> associatedData,
        Span<byte> destination);
}
