using System.Text;
using Secrets.Build.Core.Crypto.Age;

namespace Secrets.Build.Core.Tests.Recipients;

public sealed class Bech32Tests
{
    // Valid Bech32 strings from BIP 173's test vectors.
    [Theory]
    [InlineData("A12UEL5L", "a")]
    [InlineData("a12uel5l", "a")]
    [InlineData("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw", "abcdef")]
    [InlineData("split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w", "split")]
    [InlineData("?1ezyfcl", "?")]
    public void Accepts_the_valid_strings_of_BIP_173(string text, string hrp)
    {
        Assert.True(Bech32.TryDecode(text, out var decodedHrp, out _));
        Assert.Equal(hrp, decodedHrp);
    }

    // Invalid strings from BIP 173: bad checksum, mixed case, no separator, empty hrp, bad character.
    [Theory]
    [InlineData("A1G7SGD8")]
    [InlineData("A12UeL5L")]
    [InlineData("pzry9x0s0muk")]
    [InlineData("1pzry9x0s0muk")]
    [InlineData("x1b4n0q5v")]
    [InlineData("li1dgmt3")]
    [InlineData("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxx")]
    public void Refuses_the_invalid_strings_of_BIP_173(string text) =>
        Assert.False(Bech32.TryDecode(text, out _, out _));

    [Fact]
    public void Encodes_the_data_of_a_BIP_173_vector_back_to_the_same_string()
    {
        Assert.True(Bech32.TryDecode("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw", out var hrp, out var data));
        // "qpzry9x8gf2tvdw0s3jn54khce6mua7l" is the values 0..31: 160 bits, exactly 20 bytes.
        Assert.Equal(20, data.Length);
        Assert.Equal("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw", Bech32.Encode(hrp, data));
    }

    [Fact]
    public void Round_trips_random_data_of_every_length_up_to_64_bytes()
    {
        var random = new Random(7);
        for (var length = 0; length <= 64; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            var text = Bech32.Encode("age", data);
            Assert.True(Bech32.TryDecode(text, out var hrp, out var decoded), text);
            Assert.Equal("age", hrp);
            Assert.Equal(data, decoded);
        }
    }

    [Fact]
    public void Refuses_a_string_whose_last_character_was_changed()
    {
        var valid = Bech32.Encode("age", [0xff]);
        Assert.True(Bech32.TryDecode(valid, out _, out var decoded));
        Assert.Equal([0xff], decoded);
        Assert.False(Bech32.TryDecode(valid[..^1] + (valid[^1] == 'q' ? 'p' : 'q'), out _, out _));
    }
}
