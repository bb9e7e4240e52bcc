using NSec.Cryptography;
using Secrets.Build.Core.Crypto.Age;

namespace Secrets.Build.Core.Tests.Recipients;

public sealed class AgeKeyTests
{
    // RFC 7748 section 6.1: Alice's private scalar, her public key, Bob's public key and the shared secret.
    private const string AlicePrivate = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
    private const string AlicePublic = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
    private const string BobPublic = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
    private const string Shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

    // Alice's scalar written as an age identity, and what `age-keygen -y` (age 1.1.1) prints for it.
    private const string AliceIdentity = "AGE-SECRET-KEY-1WURK6ZNNRZJH60QKC9E9RVNXGH05CTU8A0QFJ243WLA628DE9S4QRFH26J";
    private const string AliceRecipient = "age1s5s0qzvfxzn4gayt0hwtg0hhtgxm7wsdycup4a8t5j5ca25mfe4qt4hs7q";

    [Fact]
    public void NSec_X25519_reproduces_the_RFC_7748_vector()
    {
        var algorithm = KeyAgreementAlgorithm.X25519;
        using var alice = Key.Import(algorithm, Convert.FromHexString(AlicePrivate), KeyBlobFormat.RawPrivateKey);
        Assert.Equal(AlicePublic, Convert.ToHexStringLower(alice.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
        using var shared = algorithm.Agree(alice, PublicKey.Import(algorithm, Convert.FromHexString(BobPublic), KeyBlobFormat.RawPublicKey),
            new SharedSecretCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        Assert.NotNull(shared);
        Assert.Equal(Shared, Convert.ToHexStringLower(shared.Export(SharedSecretBlobFormat.RawSharedSecret)));
    }

    [Fact]
    public void An_identity_of_the_RFC_7748_scalar_has_the_RFC_public_key_as_its_recipient()
    {
        Assert.True(AgeIdentity.TryParse(AliceIdentity, "test", out var identity));
        using (identity)
        {
            Assert.Equal(AliceRecipient, identity.Recipient.Text);
            Assert.Equal(AlicePublic, Convert.ToHexStringLower(identity.Recipient.PublicKey));
            Assert.Equal(AliceIdentity, identity.ToSecretText());
        }
    }

    [Fact]
    public void A_recipient_parses_to_its_key_and_prints_the_same_text()
    {
        var recipient = AgeRecipient.Parse(AliceRecipient);
        Assert.Equal(AlicePublic, Convert.ToHexStringLower(recipient.PublicKey));
        Assert.Equal(AliceRecipient, recipient.ToString());
        Assert.Equal(16, recipient.Fingerprint.Length);
        Assert.Equal(recipient, AgeRecipient.Parse("  " + AliceRecipient + "\n"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("age1")]
    [InlineData("AGE1S5S0QZVFXZN4GAYT0HWTG0HHTGXM7WSDYCUP4A8T5J5CA25MFE4QT4HS7Q")]
    [InlineData("age1s5s0qzvfxzn4gayt0hwtg0hhtgxm7wsdycup4a8t5j5ca25mfe4qt4hs7p")]
    [InlineData("age1qyqszqgpqyqszqgpqyqszqgpqyqszqgp9tgq5c")]
    [InlineData("sbk1:q2Z0m8")]
    [InlineData(AliceIdentity)]
    public void Refuses_what_is_not_an_X25519_recipient(string text) =>
        Assert.False(AgeRecipient.TryParse(text, out _));

    [Fact]
    public void Refuses_a_lower_case_or_damaged_identity()
    {
        Assert.False(AgeIdentity.TryParse(AliceIdentity.ToLowerInvariant(), "test", out _));
        Assert.False(AgeIdentity.TryParse(AliceIdentity[..^1] + "Q", "test", out _));
        Assert.False(AgeIdentity.TryParse(AliceRecipient, "test", out _));
    }

    [Fact]
    public void ToString_shows_the_recipient_and_never_the_private_key()
    {
        Assert.True(AgeIdentity.TryParse(AliceIdentity, "identity.txt", out var identity));
        Assert.DoesNotContain(AliceIdentity, identity.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(AliceRecipient, identity.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_an_identity_file_with_comments_and_names_a_bad_line_without_its_content()
    {
        var text = $"# created: 2026-01-01T00:00:00Z\n# public key: {AliceRecipient}\n{AliceIdentity}\n";
        Assert.True(AgeIdentityFile.TryParse(text, "file", out var identities, out _));
        Assert.Equal(AliceRecipient, Assert.Single(identities).Recipient.Text);

        Assert.False(AgeIdentityFile.TryParse(text + "AGE-SECRET-KEY-1BROKEN\n", "file", out var none, out var badLine));
        Assert.Empty(none);
        Assert.Equal(4, badLine);
    }
}
