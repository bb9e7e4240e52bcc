using System.Security.Cryptography;
using System.Text;
using Secrets.Build.Core.Keys;

namespace Secrets.Build.Core.Tests.Keys;

public sealed class KeyIdTests
{
    [Fact]
    public void Is_the_first_8_bytes_of_an_HMAC_of_a_fixed_label()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var expected = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes("secrets-build key id"));

        Assert.Equal(Convert.ToHexStringLower(expected, 0, 8), KeyId.For(key));
    }

    [Fact]
    public void Is_stable_per_key_and_different_across_keys()
    {
        var ids = new HashSet<string>();
        for (var i = 0; i < 500; i++)
        {
            var key = RandomNumberGenerator.GetBytes(32);
            var id = KeyId.For(key);
            Assert.Matches("^[0-9a-f]{16}$", id);
            Assert.Equal(id, KeyId.For((byte[])key.Clone()));
            Assert.True(ids.Add(id));
        }
    }

    [Fact]
    public void Does_not_reveal_the_key()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var id = KeyId.For(key);

        Assert.DoesNotContain(id, Convert.ToHexStringLower(key));
        Assert.DoesNotContain(Convert.ToHexStringLower(key, 0, 4), id);
    }
}
