using System.Security.Cryptography;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Store;

public sealed class ValuePaddingTests : IDisposable
{
    private readonly StoreTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public void Every_length_across_block_boundaries_round_trips()
    {
        for (var length = 0; length <= 3 * ValuePadding.BlockSize + 1; length++)
        {
            var value = RandomNumberGenerator.GetBytes(length);
            var padded = ValuePadding.Pad(value);

            Assert.Equal(0, padded.Length % ValuePadding.BlockSize);
            Assert.True(padded.Length > length);
            Assert.True(ValuePadding.TryUnpad(padded, out var back));
            Assert.Equal(value, back);
        }
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 1, 2, 3 })]
    public void Malformed_padding_is_refused(byte[] padded)
    {
        Assert.False(ValuePadding.TryUnpad(padded, out _));
        Assert.False(ValuePadding.TryUnpad(new byte[ValuePadding.BlockSize], out _));
    }

    [Fact]
    public void Values_of_different_lengths_in_one_bucket_have_equal_ciphertext_lengths()
    {
        using (var store = SecretStore.Create(_kit.Paths, _kit.Key))
        {
            store.Set("SHORT", "a", SecretSource.External, StoreTestKit.Now, null);
            store.Set("LONGER", "a somewhat longer pw", SecretSource.External, StoreTestKit.Now, null);
            store.Set("LONGEST", new string('x', 40), SecretSource.External, StoreTestKit.Now, null);
            store.Save();
        }

        var secrets = StoreTestKit.ReadJson(_kit.Paths.StorePath)["secrets"]!;
        int Length(string name) => Convert.FromBase64String((string)secrets[name]!["ciphertext"]!).Length;
        Assert.Equal(Length("SHORT"), Length("LONGER"));
        Assert.True(Length("LONGEST") > Length("LONGER"));

        using var reopened = SecretStore.Open(_kit.Paths, _kit.Key);
        Assert.Equal("a", reopened.Reveal("SHORT"));
        Assert.Equal(new string('x', 40), reopened.Reveal("LONGEST"));
    }
}
