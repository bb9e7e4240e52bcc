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

    public void Encrypt(
        ReadOnlySpan<byte> key,
        ReadOnlySpan<byte> nonce,
        ReadOnlySpan<byte> plaintext,
        ReadOnlySpan<byte> associatedData,
        Span<byte> destination)
    {
        // Key.Import copies the key into libsodium's guarded memory; disposing wipes that copy.
        using var nsecKey = ImportKey(key);
        AeadAlgorithm.Aes256Gcm.Encrypt(nsecKey, nonce, associatedData, plaintext, destination);
    }

    public bool TryDecrypt(
        ReadOnlySpan<byte> key,
        ReadOnlySpan<byte> nonce,
        ReadOnlySpan<byte> ciphertextWithTag,
        ReadOnlySpan<byte> associatedData,
        Span<byte> destination)
    {
        using var nsecKey = ImportKey(key);
        return AeadAlgorithm.Aes256Gcm.Decrypt(nsecKey, nonce, associatedData, ciphertextWithTag, destination);
    }

    private static Key ImportKey(ReadOnlySpan<byte> key) =>
        Key.Import(AeadAlgorithm.Aes256Gcm, key, KeyBlobFormat.RawSymmetricKey);
}
