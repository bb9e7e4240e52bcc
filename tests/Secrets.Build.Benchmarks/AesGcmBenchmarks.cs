using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Secrets.Build.Core.Crypto;

namespace Secrets.Build.Benchmarks;

/// <summary>
/// The two AES-256-GCM implementations side by side, on one secret-sized value (64 bytes, a
/// base64url value of 48 random bytes) with the kind of associated data the store binds. The
/// one-shot calls import the key each time; the "key imported once" ones are what the store pays
/// per value since it imports its data key once.
/// </summary>
[Config(typeof(ShortRunConfig))]
public class AesGcmBenchmarks
{
    private readonly byte[] key = RandomNumberGenerator.GetBytes(AesGcm256.KeySize);
    private readonly byte[] nonce = AesGcm256.NewNonce();
    private readonly byte[] plaintext = RandomNumberGenerator.GetBytes(64);
    private readonly byte[] associatedData = "secb/v1/development/SERVICE_SECRET_00001/1"u8.ToArray();
    private IAes256GcmCipher cipher = NSecAes256GcmCipher.Instance;
    private byte[] ciphertext = [];
    private AesGcm256Key? importedKey;

    [Params("NSec", "BCL")]
    public string Implementation { get; set; } = "NSec";

    [GlobalSetup]
    public void SelectCipher()
    {
        cipher = Implementation == "NSec" ? NSecAes256GcmCipher.Instance : BclAes256GcmCipher.Instance;
        if (!cipher.IsSupported)
        {
            throw new PlatformNotSupportedException($"{Implementation} AES-256-GCM does not run on this machine.");
        }

        ciphertext = AesGcm256.Encrypt(cipher, key, nonce, plaintext, associatedData);
        importedKey = AesGcm256.ImportKey(cipher, key);
    }

    [GlobalCleanup]
    public void DisposeKey() => importedKey?.Dispose();

    [Benchmark(Description = "AES-256-GCM encrypt 64 B")]
    public byte[] Encrypt() => AesGcm256.Encrypt(cipher, key, nonce, plaintext, associatedData);

    [Benchmark(Description = "AES-256-GCM decrypt+verify 64 B")]
    public byte[] Decrypt() =>
        AesGcm256.TryDecrypt(cipher, key, nonce, ciphertext, associatedData, out var decrypted)
            ? decrypted
            : throw new CryptographicException("The benchmark's own ciphertext did not verify.");

    [Benchmark(Description = "encrypt 64 B, key imported once")]
    public byte[] EncryptWithImportedKey() => importedKey!.Encrypt(nonce, plaintext, associatedData);

    [Benchmark(Description = "decrypt+verify 64 B, key imported once")]
    public byte[] DecryptWithImportedKey() =>
        importedKey!.TryDecrypt(nonce, ciphertext, associatedData, out var decrypted)
            ? decrypted
            : throw new CryptographicException("The benchmark's own ciphertext did not verify.");
}
