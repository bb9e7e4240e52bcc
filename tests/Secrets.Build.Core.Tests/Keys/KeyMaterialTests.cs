using System.Security.Cryptography;
using Secrets.Build.Core.Keys;

namespace Secrets.Build.Core.Tests.Keys;

public sealed class KeyMaterialTests
{
    [Fact]
    public void A_raw_key_prints_its_id_and_source_but_never_the_key()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        var key = new RawKey(bytes, "environment variable SECRETS_BUILD_KEY");

        var printed = key.ToString();

        Assert.Contains(KeyId.For(bytes), printed);
        Assert.Contains("SECRETS_BUILD_KEY", printed);
        Assert.DoesNotContain(KeyText.Format(bytes)[5..], printed);
        Assert.DoesNotContain(Convert.ToBase64String(bytes), printed);
        Assert.DoesNotContain(Convert.ToHexString(bytes), printed, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_passphrase_key_never_prints_the_passphrase()
    {
        var key = new PassphraseKey("hunter2-but-longer", "environment variable SECRETS_BUILD_PASSPHRASE");

        Assert.DoesNotContain("hunter2", key.ToString());
        Assert.Contains("SECRETS_BUILD_PASSPHRASE", key.ToString());
    }

    [Fact]
    public void A_raw_key_is_32_bytes()
    {
        Assert.Throws<ArgumentException>(() => new RawKey(new byte[31], "test"));
        Assert.Throws<ArgumentException>(() => new PassphraseKey("", "test"));
    }
}
