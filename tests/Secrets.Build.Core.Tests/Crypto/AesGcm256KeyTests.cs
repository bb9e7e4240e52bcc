using System.Security.Cryptography;
using Secrets.Build.Core.Crypto;

namespace Secrets.Build.Core.Tests.Crypto;

/// <summary>A key imported once must behave exactly like the one-shot methods.</summary>
public sealed class AesGcm256KeyTests
{
    [Fact]
    public void An_imported_key_produces_the_one_shot_bytes_for_many_values()
    {
        var key = RandomNumberGenerator.GetBytes(AesGcm256.KeySize);
        using var imported = AesGcm256.ImportKey(key);
        for (var length = 0; length < 200; length += 13)
        {
            var nonce = AesGcm256.NewNonce();
            var plaintext = RandomNumberGenerator.GetBytes(length);
            var aad = RandomNumberGenerator.GetBytes(length % 17);

            var encrypted = imported.Encrypt(nonce, plaintext, aad);

            Assert.Equal(AesGcm256.Encrypt(key, nonce, plaintext, aad), encrypted);
            Assert.True(imported.TryDecrypt(nonce, encrypted, aad, out var decrypted));
            Assert.Equal(plaintext, decrypted);
        }
    }

    [Fact]
    public void An_imported_key_rejects_a_flipped_bit_and_a_truncated_value()
    {
        using var imported = AesGcm256.ImportKey(RandomNumberGenerator.GetBytes(AesGcm256.KeySize));
        var nonce = AesGcm256.NewNonce();
        var encrypted = imported.Encrypt(nonce, "value"u8, "aad"u8);
        encrypted[0] ^= 1;

        Assert.False(imported.TryDecrypt(nonce, encrypted, "aad"u8, out var tampered));
        Assert.Empty(tampered);
        Assert.False(imported.TryDecrypt(nonce, encrypted.AsSpan(0, AesGcm256.TagSize - 1), "aad"u8, out var truncated));
        Assert.Empty(truncated);
    }

    [Fact]
    public void Wrong_sizes_and_use_after_dispose_throw()
    {
        Assert.Throws<ArgumentException>(() => AesGcm256.ImportKey(new byte[16]));
        var imported = AesGcm256.ImportKey(new byte[AesGcm256.KeySize]);
        Assert.Throws<ArgumentException>(() => imported.Encrypt(new byte[8], "value"u8, default));

        imported.Dispose();

        Assert.Throws<ObjectDisposedException>(() => imported.Encrypt(AesGcm256.NewNonce(), "value"u8, default));
    }
}
