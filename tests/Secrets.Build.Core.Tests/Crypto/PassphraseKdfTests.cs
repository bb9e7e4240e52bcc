using System.Text;
using Secrets.Build.Core.Crypto;

namespace Secrets.Build.Core.Tests.Crypto;

public sealed class PassphraseKdfTests
{
    private static readonly byte[] Salt = Encoding.ASCII.GetBytes("saltsaltsaltsalt");

    // Expected values computed with the Argon2 reference implementation's command line tool:
    //   echo -n "correct horse battery staple" | argon2 saltsaltsaltsalt -id -t 2 -k 19456 -p 1 -l 32 -r
    [Fact]
    public void Default_parameters_match_the_reference_implementation()
    {
        var key = PassphraseKdf.DeriveKey("correct horse battery staple", Salt, Argon2Parameters.Default);
        Assert.Equal("40a1eb839b5ac8b19c37e6341d53cd681ab290e54b53194c919c9c5c4d6e5913", Convert.ToHexStringLower(key));
    }

    [Fact]
    public void Small_parameters_match_the_reference_implementation()
    {
        //   ... | argon2 saltsaltsaltsalt -id -t 1 -k 64 -p 1 -l 32 -r
        var key = PassphraseKdf.DeriveKey("correct horse battery staple", Salt, new Argon2Parameters(64, 1, 1));
        Assert.Equal("4d4842a15e981fcb61b59a50a91a7426f410e5962088b0342d80292831baaad3", Convert.ToHexStringLower(key));
    }

    [Fact]
    public void A_passphrase_is_normalized_so_composed_and_decomposed_forms_agree()
    {
        //   printf 'caf\xc3\xa9' | argon2 saltsaltsaltsalt -id -t 1 -k 64 -p 1 -l 32 -r   (NFC "café")
        const string expected = "6647ce20824110d76b21b8f94faa92027a2ddbf050443b4f2839839163880e47";
        var parameters = new Argon2Parameters(64, 1, 1);

        Assert.Equal(expected, Convert.ToHexStringLower(PassphraseKdf.DeriveKey("caf\u00e9", Salt, parameters)));
        Assert.Equal(expected, Convert.ToHexStringLower(PassphraseKdf.DeriveKey("cafe\u0301", Salt, parameters)));
    }

    [Fact]
    public void Salt_and_every_parameter_change_the_key()
    {
        var parameters = new Argon2Parameters(64, 1, 1);
        var baseline = PassphraseKdf.DeriveKey("passphrase", Salt, parameters);

        Assert.NotEqual(baseline, PassphraseKdf.DeriveKey("passphrase", PassphraseKdf.NewSalt(), parameters));
        Assert.NotEqual(baseline, PassphraseKdf.DeriveKey("passphrase", Salt, parameters with { MemoryKiB = 128 }));
        Assert.NotEqual(baseline, PassphraseKdf.DeriveKey("passphrase", Salt, parameters with { Iterations = 2 }));
        Assert.NotEqual(baseline, PassphraseKdf.DeriveKey("passphrasf", Salt, parameters));
        Assert.Equal(baseline, PassphraseKdf.DeriveKey("passphrase", Salt, parameters));
    }

    [Fact]
    public void The_default_meets_OWASP_minimum()
    {
        Assert.Equal(new Argon2Parameters(19456, 2, 1), Argon2Parameters.Default);
        Assert.True(Argon2Parameters.Default.MeetsOwaspMinimum);
        Assert.False(new Argon2Parameters(64, 1, 1).MeetsOwaspMinimum);
        Assert.Null(Argon2Parameters.Default.Problem);
    }

    [Theory]
    [InlineData(4, 2, 1, "memory")]
    [InlineData(Argon2Parameters.MaxMemoryKiB + 1, 2, 1, "memory")]
    [InlineData(19456, 0, 1, "iterations")]
    [InlineData(19456, Argon2Parameters.MaxIterations + 1, 1, "iterations")]
    [InlineData(19456, 2, 4, "parallelism")]
    public void Unusable_parameters_are_refused_with_the_reason(int memory, int iterations, int parallelism, string named)
    {
        var parameters = new Argon2Parameters(memory, iterations, parallelism);

        Assert.Contains(named, parameters.Problem);
        var error = Assert.Throws<ArgumentException>(() => PassphraseKdf.DeriveKey("x", Salt, parameters));
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void The_salt_must_be_16_bytes()
    {
        Assert.Throws<ArgumentException>(() => PassphraseKdf.DeriveKey("x", new byte[8], Argon2Parameters.Default));
        Assert.Equal(PassphraseKdf.SaltSize, PassphraseKdf.NewSalt().Length);
    }
}
