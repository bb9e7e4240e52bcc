using System.Security.Cryptography;
using Secrets.Build.Core.Keys;

namespace Secrets.Build.Core.Tests.Keys;

public sealed class KeyTextTests
{
    [Fact]
    public void Format_and_parse_round_trip()
    {
        for (var i = 0; i < 200; i++)
        {
            var key = RandomNumberGenerator.GetBytes(32);
            var text = KeyText.Format(key);

            Assert.StartsWith("sbk1:", text);
            Assert.Equal(48, text.Length);
            Assert.Matches("^sbk1:[A-Za-z0-9_-]{43}$", text);
            Assert.True(KeyText.TryParse(text, out var parsed));
            Assert.Equal(key, parsed);
        }
    }

    [Fact]
    public void A_known_key_has_a_known_text()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        Assert.Equal("sbk1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", KeyText.Format(key));
    }

    [Fact]
    public void Surrounding_whitespace_is_ignored()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var text = KeyText.Format(key);

        Assert.True(KeyText.TryParse(text + "\n", out var fromFile));
        Assert.True(KeyText.TryParse("  " + text + "\r\n", out var pasted));
        Assert.Equal(key, fromFile);
        Assert.Equal(key, pasted);
    }

    public static TheoryData<string?> Malformed()
    {
        var good = KeyText.Format(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
        return new TheoryData<string?>
        {
            null,
            "",
            good[5..],                              // no prefix
            "sbk2:" + good[5..],                    // unknown version
            "SBK1:" + good[5..],                    // prefix is case-sensitive
            good[..^1],                             // truncated
            good + "A",                             // too long
            good[..^1] + "=",                       // padding
            good[..10] + "+" + good[11..],          // standard base64 character
            good[..10] + " " + good[11..],          // inner whitespace
            good[..^1] + "9",                       // non-canonical last character (unused bits set)
            Convert.ToHexString(new byte[32]),      // hex of a key
            Convert.ToBase64String(new byte[32]),   // plain base64 of a key
        };
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Anything_else_is_refused(string? text)
    {
        Assert.False(KeyText.TryParse(text, out var key));
        Assert.Empty(key);
    }

    [Fact]
    public void Every_last_character_is_read_as_the_class_library_reads_it()
    {
        // The class library's base64url is the reference for which texts are keys and which
        // bytes they hold.
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var body = KeyText.Format(RandomNumberGenerator.GetBytes(32))[5..^1];
        foreach (var last in alphabet)
        {
            var encoded = body + last;
            var expected = ReferenceDecode(encoded);
            var canonical = expected is not null && System.Buffers.Text.Base64Url.EncodeToString(expected) == encoded;

            Assert.Equal(canonical, KeyText.TryParse("sbk1:" + encoded, out var parsed));
            Assert.Equal(canonical ? expected : [], parsed);
        }

        static byte[]? ReferenceDecode(string encoded)
        {
            try
            {
                return System.Buffers.Text.Base64Url.DecodeFromChars(encoded);
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }

    [Fact]
    public void Only_32_byte_keys_have_a_text_form()
    {
        Assert.Throws<ArgumentException>(() => KeyText.Format(new byte[16]));
    }

    [Fact]
    public void The_expected_form_describes_without_containing_a_key()
    {
        Assert.Contains("sbk1:", KeyText.ExpectedForm);
        Assert.Contains("43 base64url characters", KeyText.ExpectedForm);
    }
}
