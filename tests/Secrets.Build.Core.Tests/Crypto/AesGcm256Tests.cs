using System.Security.Cryptography;
using Secrets.Build.Core.Crypto;

namespace Secrets.Build.Core.Tests.Crypto;

public sealed class AesGcm256Tests
{
    private const string GcmKey = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308";
    private const string GcmIv = "cafebabefacedbaddecaf888";
    private const string GcmPlaintext =
        "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72" +
        "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255";
    private const string GcmCiphertext =
        "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa" +
        "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad";

    /// <summary>
    /// McGrew and Viega, "The Galois/Counter Mode of Operation (GCM)", test cases 13 to 16:
    /// the 256-bit-key cases (key, IV, plaintext, AAD, ciphertext, tag).
    /// </summary>
    public static TheoryData<string, string, string, string, string, string, string> Vectors => new()
    {
        { "13", new string('0', 64), new string('0', 24), "", "", "", "530f8afbc74536b9a963b4f1c4cb738b" },
        { "14", new string('0', 64), new string('0', 24), new string('0', 32), "", "cea7403d4d606b6e074ec5d3baf39d18", "d0d1c8a799996bf0265b98b5d48ab919" },
        { "15", GcmKey, GcmIv, GcmPlaintext, "", GcmCiphertext, "b094dac5d93471bdec1a502270e3cc6c" },
        { "16", GcmKey, GcmIv, GcmPlaintext[..120], "feedfacedeadbeeffeedfacedeadbeefabaddad2", GcmCiphertext[..120], "76fc6ece0f4e1768cddf8853bb2d551b" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Encryption_matches_the_published_vectors(
        string testCase, string key, string iv, string plaintext, string aad, string ciphertext, string tag)
    {
        Assert.NotNull(testCase);
        var encrypted = AesGcm256.Encrypt(Hex(key), Hex(iv), Hex(plaintext), Hex(aad));
        Assert.Equal(ciphertext + tag, Convert.ToHexStringLower(encrypted));

        Assert.True(AesGcm256.TryDecrypt(Hex(key), Hex(iv), encrypted, Hex(aad), out var decrypted));
        Assert.Equal(plaintext, Convert.ToHexStringLower(decrypted));
    }

    [Fact]
    public void The_class_library_decrypts_what_it_writes_and_writes_the_same_bytes()
    {
        // The class library's AesGcm is the independent reference for the bytes libsodium writes.
        for (var length = 0; length < 300; length += 7)
        {
            var key = RandomNumberGenerator.GetBytes(AesGcm256.KeySize);
            var nonce = AesGcm256.NewNonce();
            var plaintext = RandomNumberGenerator.GetBytes(length);
            var aad = RandomNumberGenerator.GetBytes(length % 41);

            var written = AesGcm256.Encrypt(key, nonce, plaintext, aad);
            using var reference = new AesGcm(key, AesGcm256.TagSize);
            var expected = new byte[length + AesGcm256.TagSize];
            reference.Encrypt(nonce, plaintext, expected.AsSpan(0, length), expected.AsSpan(length), aad);
            Assert.Equal(expected, written);

            var decrypted = new byte[length];
            reference.Decrypt(nonce, written.AsSpan(0, length), written.AsSpan(length), decrypted, aad);
            Assert.Equal(plaintext, decrypted);
        }
    }

    [Fact]
    public void Any_changed_input_fails_to_decrypt()
    {
        var key = RandomNumberGenerator.GetBytes(AesGcm256.KeySize);
        var nonce = AesGcm256.NewNonce();
        var aad = "store|production|POSTGRES_PASSWORD|1"u8.ToArray();
        var sealedValue = AesGcm256.Encrypt(key, nonce, "value"u8, aad);

        for (var i = 0; i < sealedValue.Length; i++)
        {
            var flipped = (byte[])sealedValue.Clone();
            flipped[i] ^= 0x01;
            Assert.False(AesGcm256.TryDecrypt(key, nonce, flipped, aad, out var nothing));
            Assert.Empty(nothing);
        }

        var otherKey = RandomNumberGenerator.GetBytes(AesGcm256.KeySize);
        Assert.False(AesGcm256.TryDecrypt(otherKey, nonce, sealedValue, aad, out _));
        Assert.False(AesGcm256.TryDecrypt(key, AesGcm256.NewNonce(), sealedValue, aad, out _));
        Assert.False(AesGcm256.TryDecrypt(key, nonce, sealedValue, "store|staging|POSTGRES_PASSWORD|1"u8, out _));
        Assert.False(AesGcm256.TryDecrypt(key, nonce, sealedValue[..^1], aad, out _));
        Assert.False(AesGcm256.TryDecrypt(key, nonce, sealedValue[..5], aad, out _));
        Assert.True(AesGcm256.TryDecrypt(key, nonce, sealedValue, aad, out var value));
        Assert.Equal("value"u8.ToArray(), value);
    }

    [Fact]
    public void The_public_entry_point_round_trips()
    {
        var key = RandomNumberGenerator.GetBytes(AesGcm256.KeySize);
        var nonce = AesGcm256.NewNonce();
        var sealedValue = AesGcm256.Encrypt(key, nonce, "hello"u8, "aad"u8);

        Assert.Equal(5 + AesGcm256.TagSize, sealedValue.Length);
        Assert.True(AesGcm256.TryDecrypt(key, nonce, sealedValue, "aad"u8, out var plaintext));
        Assert.Equal("hello"u8.ToArray(), plaintext);
    }

    [Fact]
    public void Wrong_key_or_nonce_sizes_are_programming_errors()
    {
        Assert.Throws<ArgumentException>(() => AesGcm256.Encrypt(new byte[16], new byte[12], "x"u8, default));
        Assert.Throws<ArgumentException>(() => AesGcm256.Encrypt(new byte[32], new byte[16], "x"u8, default));
        Assert.Throws<ArgumentException>(() => AesGcm256.TryDecrypt(new byte[31], new byte[12], new byte[20], default, out _));
    }

    [Fact]
    public void Nonces_are_fresh()
    {
        var nonces = Enumerable.Range(0, 1000).Select(_ => Convert.ToHexString(AesGcm256.NewNonce())).ToHashSet();
        Assert.Equal(1000, nonces.Count);
        Assert.All(nonces, n => Assert.Equal(AesGcm256.NonceSize * 2, n.Length));
    }

    private static byte[] Hex(string hex) => Convert.FromHexString(hex);
}
