using System.Security.Cryptography;
using Secrets.Build.Core.Crypto;

namespace Secrets.Build.Core.Tests.Crypto;

public sealed class HmacSha256KeyTests
{
    [Fact]
    public void An_imported_key_gives_the_one_shot_macs()
    {
        var key = RandomNumberGenerator.GetBytes(KeyDerivation.HmacSize);
        using var imported = new HmacSha256Key(key);
        for (var length = 0; length < 300; length += 37)
        {
            var data = RandomNumberGenerator.GetBytes(length);
            Assert.Equal(KeyDerivation.HmacSha256(key, data), imported.Mac(data));
        }
    }

    [Fact]
    public void Rfc4231_test_case_2_with_its_key_zero_padded_to_32_bytes()
    {
        // RFC 2104 zero-pads short keys, so "Jefe" padded to 32 bytes is the same key.
        var key = new byte[KeyDerivation.HmacSize];
        "Jefe"u8.CopyTo(key);
        using var imported = new HmacSha256Key(key);

        Assert.Equal(
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            Convert.ToHexStringLower(imported.Mac("what do ya want for nothing?"u8)));
    }

    [Fact]
    public void Other_key_lengths_are_refused() =>
        Assert.Throws<ArgumentException>(() => new HmacSha256Key(new byte[16]));
}
