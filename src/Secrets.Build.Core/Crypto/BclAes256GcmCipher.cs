using System.Security.Cryptography;

namespace Secrets.Build.Core.Crypto;

/// <summary>
/// AES-256-GCM from the .NET class library (OpenSSL, CNG or CommonCrypto underneath). Used where
/// libsodium has no hardware AES; it produces exactly the bytes <see cref="NSecAes256GcmCipher"/> does.
/// </summary>
internal sealed class BclAes256GcmCipher : IAes256GcmCipher
{
    public static BclAes256GcmCipher Instance { get; } = new();

    public bool IsSupported => AesGcm.IsSupported && AesGcm.TagByteSizes.MaxSize >= AesGcm256.TagSize;

    public IAes256GcmKey ImportKey(ReadOnlySpan<byte> key) => new ImportedKey(new AesGcm(key, AesGcm256.TagSize));

    private sealed class ImportedKey(AesGcm aes) : IAes256GcmKey
    {
        public void Encrypt(
            ReadOnlySpan<byte> nonce,
            ReadOnlySpan<byte> plaintext,
            ReadOnlySpan<byte> associatedData,
            Span<byte> destination) =>
            aes.Encrypt(
                nonce,
                plaintext,
                destination[..plaintext.Length],
                destination.Slice(plaintext.Length, AesGcm256.TagSize),
                associatedData);

        public bool TryDecrypt(
            ReadOnlySpan<byte> nonce,
            ReadOnlySpan<byte> ciphertextWithTag,
            ReadOnlySpan<byte> associatedData,
            Span<byte> destination)
        {
            var ciphertextLength = ciphertextWithTag.Length - AesGcm256.TagSize;
            try
            {
                aes.Decrypt(
                    nonce,
                    ciphertextWithTag[..ciphertextLength],
                    ciphertextWithTag[ciphertextLength..],
                    destination[..ciphertextLength],
                    associatedData);
                return true;
            }
            catch (AuthenticationTagMismatchException)
            {
                // AesGcm already clears the destination on a mismatch; the caller sees only "false".
                return false;
            }
        }

        public void Dispose() => aes.Dispose();
    }
}
