using System.Security.Cryptography;
using System.Text;
using Secrets.Build.Core.Crypto;

namespace Secrets.Build.Core.Tests.Crypto;

public sealed class KeyDerivationTests
{
    /// <summary>RFC 5869 appendix A, test cases 1 to 3 (HKDF-SHA256): IKM, salt, info, L, OKM.</summary>
    public static TheoryData<string, string, string, int, string> HkdfVectors => new()
    {
        {
            Repeat("0b", 22),
            "000102030405060708090a0b0c",
            "f0f1f2f3f4f5f6f7f8f9",
            42,
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"
        },
        {
            Range(0x00, 80),
            Range(0x60, 80),
            Range(0xb0, 80),
            82,
            "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c" +
            "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71" +
            "cc30c58179ec3e87c14c01d5c1f3434f1d87"
        },
        {
            Repeat("0b", 22),
            "",
            "",
            42,
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"
        },
    };

    /// <summary>RFC 4231 section 4 (HMAC-SHA256): key, data, MAC. Test case 5 truncates its output, so it is left out.</summary>
    public static TheoryData<string, string, string> HmacVectors => new()
    {
        { Repeat("0b", 20), Text("Hi There"), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7" },
        { Text("Jefe"), Text("what do ya want for nothing?"), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" },
        { Repeat("aa", 20), Repeat("dd", 50), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe" },
        { Range(0x01, 25), Repeat("cd", 50), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b" },
        { Repeat("aa", 131), Text("Test Using Larger Than Block-Size Key - Hash Key First"), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54" },
        {
            Repeat("aa", 131),
            Text("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
        },
    };

    [Theory]
    [MemberData(nameof(HkdfVectors))]
    public void Hkdf_matches_RFC_5869(string ikm, string salt, string info, int length, string okm)
    {
        var derived = KeyDerivation.Hkdf(Hex(ikm), Hex(salt), Hex(info).AsSpan(), length);
        Assert.Equal(okm, Convert.ToHexStringLower(derived));
    }

    [Fact]
    public void Hkdf_with_text_info_uses_its_UTF8_bytes()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var salt = RandomNumberGenerator.GetBytes(16);
        const string info = "secrets-build store mac";

        var derived = KeyDerivation.Hkdf(key, salt, info, 32);

        var expected = HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, salt, Encoding.UTF8.GetBytes(info));
        Assert.Equal(expected, derived);
        Assert.NotEqual(derived, KeyDerivation.Hkdf(key, salt, "secrets-build fingerprint", 32));
    }

    [Fact]
    public void Hkdf_rejects_lengths_it_cannot_produce()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KeyDerivation.Hkdf(new byte[32], default, "x", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => KeyDerivation.Hkdf(new byte[32], default, "x", 255 * 32 + 1));
    }

    [Theory]
    [MemberData(nameof(HmacVectors))]
    public void Hmac_matches_RFC_4231(string key, string data, string mac)
    {
        Assert.Equal(mac, Convert.ToHexStringLower(KeyDerivation.HmacSha256(Hex(key), Hex(data))));
    }

    [Fact]
    public void Hmac_agrees_with_the_class_library_for_every_key_length()
    {
        // Covers the three ways a key reaches libsodium: zero-padded, as is, hashed (and 33..64 via the class library).
        for (var keyLength = 0; keyLength <= 140; keyLength++)
        {
            var key = RandomNumberGenerator.GetBytes(keyLength);
            var data = RandomNumberGenerator.GetBytes(keyLength * 3);
            Assert.Equal(HMACSHA256.HashData(key, data), KeyDerivation.HmacSha256(key, data));
        }
    }

    private static string Text(string text) => Convert.ToHexStringLower(Encoding.ASCII.GetBytes(text));

    private static string Repeat(string hexByte, int count) => string.Concat(Enumerable.Repeat(hexByte, count));

    private static string Range(int first, int count) =>
        Convert.ToHexStringLower(Enumerable.Range(first, count).Select(b => (byte)b).ToArray());

    private static byte[] Hex(string hex) => Convert.FromHexString(hex);
}
