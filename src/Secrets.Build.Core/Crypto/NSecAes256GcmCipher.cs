using NSec.Cryptography;

namespace Secrets.Build.Core.Crypto;

/// <summary>
/// AES-256-GCM from libsodium through NSec. libsodium only offers it on CPUs with hardware AES
/// (AES-NI / ARMv8 crypto extensions), which is what <see cref="IsSupported"/> reports.
/// </summary>
internal sealed class NSecAes256GcmCipher : IAes256GcmCipher
{
    public static NSecAes256GcmCipher Instance { get; } = new();

    public bool IsSupported => Aes256Gcm.IsSupported;

    // Key.Import copies the key into libsodium's guarded memory (its own mmap'd, mlock'ed pages:
    // far dearer than the encryption itself); disposing wipes and unmaps that copy.
    public IAes256GcmKey ImportKey(ReadOnlySpan<byte> key) =>
        new ImportedKey(Key.Import(AeadAlgorithm.Aes256Gcm, key, KeyBlobFormat.RawSymmetricKey));

    private sealed class ImportedKey(Key key) : IAes256GcmKey
    {
        public void Encrypt(
            ReadOnlySpan<byte> nonce,
            ReadOnlySpan<byte> plaintext,
            ReadOnlySpan<byte> associatedData,
            Span<byte> destination) =>
            AeadAlgorithm.Aes256Gcm.Encrypt(key, nonce, associatedData, plaintext, destination);

        public bool TryDecrypt(
            ReadOnlySpan<byte> nonce,
            ReadOnlySpan<byte> ciphertextWithTag,
            ReadOnlySpan<byte> associatedData,
            Span<byte> destination) =>
            AeadAlgorithm.Aes256Gcm.Decrypt(key, nonce, associatedData, ciphertextWithTag, destination);

        public void Dispose() => key.Dispose();
    }
}
