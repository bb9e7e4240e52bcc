using System.Buffers.Text;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Generation;
using Secrets.Build.Core.Schema;

namespace Secrets.Build.Core.Tests.Generation;

public sealed class SecretGeneratorTests
{
    private const int Samples = 2_000;

    [Fact]
    public void Passwords_have_the_length_and_only_characters_of_the_alphabet()
    {
        var rule = Rule(GenerationKind.Password, length: 32, alphabet: Alphabets.EnvSafe);

        foreach (var value in Many(rule))
        {
            Assert.Equal(32, value.Length);
            Assert.True(Alphabets.IsEnvSafe(value));
        }
    }

    [Fact]
    public void Tokens_start_with_their_prefix_followed_by_the_alphabet()
    {
        var rule = Rule(GenerationKind.Token, length: 48, alphabet: Alphabets.Alphanumeric, prefix: "sk-");

        foreach (var value in Many(rule))
        {
            Assert.StartsWith("sk-", value);
            Assert.Equal(51, value.Length);
            Assert.All(value[3..], c => Assert.Contains(c, Alphabets.Alphanumeric));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(32)]
    [InlineData(33)]
    public void Hex_is_lower_case_and_decodes_to_the_byte_count(int bytes)
    {
        foreach (var value in Many(Rule(GenerationKind.Hex, bytes: bytes)))
        {
            Assert.Matches("^[0-9a-f]+$", value);
            Assert.Equal(bytes, Convert.FromHexString(value).Length);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    public void Base64_is_padded_standard_base64_of_the_byte_count(int bytes)
    {
        foreach (var value in Many(Rule(GenerationKind.Base64, bytes: bytes)))
        {
            Assert.Matches("^[A-Za-z0-9+/]+={0,2}$", value);
            Assert.Equal(0, value.Length % 4);
            Assert.Equal(bytes, Convert.FromBase64String(value).Length);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    public void Base64url_is_unpadded_url_safe_base64_of_the_byte_count(int bytes)
    {
        foreach (var value in Many(Rule(GenerationKind.Base64Url, bytes: bytes)))
        {
            Assert.Matches("^[A-Za-z0-9_-]+$", value);
            Assert.Equal(bytes, Base64Url.DecodeFromChars(value).Length);
        }
    }

    [Fact]
    public void Uuids_are_version_4_with_the_RFC_variant_and_122_random_bits()
    {
        var everSet = new bool[128];
        var everClear = new bool[128];
        foreach (var value in Many(Rule(GenerationKind.Uuid)))
        {
            Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", value);
            var bits = Convert.FromHexString(value.Replace("-", string.Empty, StringComparison.Ordinal));
            for (var bit = 0; bit < 128; bit++)
            {
                var set = (bits[bit / 8] >> (7 - (bit % 8)) & 1) == 1;
                everSet[bit] |= set;
                everClear[bit] |= !set;
            }
        }

        // Bits 48-51 are the version (0100), 64-65 the variant (10); each of the other 122 bits
        // takes both values (a stuck bit would show with probability 1 - 2^-1999).
        int[] fixedBits = [48, 49, 50, 51, 64, 65];
        for (var bit = 0; bit < 128; bit++)
        {
            if (fixedBits.Contains(bit))
            {
                Assert.False(everSet[bit] && everClear[bit], $"bit {bit} should be fixed");
            }
            else
            {
                Assert.True(everSet[bit] && everClear[bit], $"bit {bit} should vary");
            }
        }

        Assert.Equal(122, Rule(GenerationKind.Uuid).EntropyBits);
    }

    // Keyed by a description: a theory's parameters are public, the rule type is not.
    private static readonly Dictionary<string, GenerationRule> Kinds = new()
    {
        ["password 32"] = Rule(GenerationKind.Password, length: 32, alphabet: Alphabets.EnvSafe),
        ["token 48 with prefix"] = Rule(GenerationKind.Token, length: 48, alphabet: Alphabets.Alphanumeric, prefix: "sk-"),
        ["hex 32 bytes"] = Rule(GenerationKind.Hex, bytes: 32),
        ["base64 32 bytes"] = Rule(GenerationKind.Base64, bytes: 32),
        ["base64 31 bytes"] = Rule(GenerationKind.Base64, bytes: 31),
        ["base64url 32 bytes"] = Rule(GenerationKind.Base64Url, bytes: 32),
        ["base64url 30 bytes"] = Rule(GenerationKind.Base64Url, bytes: 30),
        ["uuid"] = Rule(GenerationKind.Uuid),
    };

    public static TheoryData<string> EveryKind => [.. Kinds.Keys];

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Generated_length_predicts_the_actual_length_and_values_never_repeat(string kind)
    {
        var rule = Kinds[kind];
        var values = Many(rule).ToList();

        Assert.All(values, v => Assert.Equal(rule.GeneratedLength, v.Length));
        Assert.Equal(values.Count, values.Distinct().Count());
    }

    [Fact]
    public void Entropy_is_computed_per_kind()
    {
        Assert.Equal(32 * Math.Log2(73), Rule(GenerationKind.Password, length: 32, alphabet: Alphabets.EnvSafe).EntropyBits, 9);
        Assert.Equal(48 * Math.Log2(62), Rule(GenerationKind.Token, length: 48, alphabet: Alphabets.Alphanumeric, prefix: "sk-").EntropyBits, 9);
        Assert.Equal(256, Rule(GenerationKind.Hex, bytes: 32).EntropyBits);
        Assert.Equal(256, Rule(GenerationKind.Base64, bytes: 32).EntropyBits);
        Assert.Equal(128, Rule(GenerationKind.Base64Url, bytes: 16).EntropyBits);
        Assert.Equal(122, Rule(GenerationKind.Uuid).EntropyBits);
        Assert.Equal(0, GenerationRule.External.EntropyBits);

        // A prefix is fixed text and adds length but no entropy.
        Assert.Equal(
            Rule(GenerationKind.Password, length: 20, alphabet: Alphabets.Alphanumeric).EntropyBits,
            Rule(GenerationKind.Token, length: 20, alphabet: Alphabets.Alphanumeric, prefix: "sk-").EntropyBits);
    }

    [Fact]
    public void Generated_lengths_per_kind()
    {
        Assert.Equal(32, Rule(GenerationKind.Password, length: 32, alphabet: "ab").GeneratedLength);
        Assert.Equal(51, Rule(GenerationKind.Token, length: 48, alphabet: "ab", prefix: "sk-").GeneratedLength);
        Assert.Equal(64, Rule(GenerationKind.Hex, bytes: 32).GeneratedLength);
        Assert.Equal(44, Rule(GenerationKind.Base64, bytes: 32).GeneratedLength);
        Assert.Equal(43, Rule(GenerationKind.Base64Url, bytes: 32).GeneratedLength);
        Assert.Equal(36, Rule(GenerationKind.Uuid).GeneratedLength);
        Assert.Equal(0, GenerationRule.External.GeneratedLength);
    }

    [Fact]
    public void Respects_MinIO_limits_when_the_rule_fits_them()
    {
        // MinIO: secret key at most 40 characters, root password at least 8.
        var secretKey = Rule(GenerationKind.Password, length: 40, alphabet: Alphabets.Alphanumeric) with { MaxLength = 40, MinLength = 8 };

        Assert.All(Many(secretKey), v => Assert.InRange(v.Length, 8, 40));
    }

    [Fact]
    public void External_secrets_are_never_generated()
    {
        var error = Assert.Throws<SecretsException>(() => SecretGenerator.Generate(GenerationRule.External, "OPENAI_API_KEY"));

        Assert.Equal(DiagnosticCodes.GenerationExternal, error.Code);
        Assert.Contains("OPENAI_API_KEY", error.Message);
    }

    // Keyed by the reason the error names: a theory's parameters are public, the rule type is not.
    private static readonly Dictionary<string, GenerationRule> Impossible = new()
    {
        ["length"] = Rule(GenerationKind.Password, length: 0, alphabet: Alphabets.EnvSafe),
        ["fewer than two"] = Rule(GenerationKind.Password, length: 16, alphabet: "a"),
        ["repeats"] = Rule(GenerationKind.Password, length: 16, alphabet: "abca"),
        ["Multilingual"] = Rule(GenerationKind.Password, length: 16, alphabet: "ab\uD83D\uDE00"),
        ["fewer than two (token)"] = Rule(GenerationKind.Token, length: 16, alphabet: "", prefix: "sk-"),
        ["0 bytes"] = Rule(GenerationKind.Hex, bytes: 0),
        ["-1 bytes"] = Rule(GenerationKind.Base64, bytes: -1),
        ["maxLength of 40"] = Rule(GenerationKind.Password, length: 41, alphabet: Alphabets.Alphanumeric) with { MaxLength = 40 },
        ["minLength of 8"] = Rule(GenerationKind.Hex, bytes: 2) with { MinLength = 8 },
    };

    public static TheoryData<string> ImpossibleRules => [.. Impossible.Keys];

    [Theory]
    [MemberData(nameof(ImpossibleRules))]
    public void Impossible_rules_are_refused_with_the_reason(string key)
    {
        var rule = Impossible[key];
        var reason = key.Split(" (")[0];
        var error = Assert.Throws<SecretsException>(() => SecretGenerator.Generate(rule, "MINIO_ROOT_PASSWORD"));

        Assert.Equal(DiagnosticCodes.GenerationRuleInvalid, error.Code);
        Assert.Contains(reason, error.Message);
        Assert.Contains("MINIO_ROOT_PASSWORD", error.Message);
        Assert.False(string.IsNullOrEmpty(error.Diagnostics[0].Fix));
    }

    private static IEnumerable<string> Many(GenerationRule rule) =>
        Enumerable.Range(0, Samples).Select(_ => SecretGenerator.Generate(rule));

    private static GenerationRule Rule(
        GenerationKind kind, int length = 0, int bytes = 0, string alphabet = "", string prefix = "") =>
        new(kind, length, bytes, alphabet, prefix, null, null, null);
}
