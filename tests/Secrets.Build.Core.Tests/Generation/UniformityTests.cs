using System.Security.Cryptography;
using Secrets.Build.Core.Generation;
using Secrets.Build.Core.Schema;

namespace Secrets.Build.Core.Tests.Generation;

/// <summary>
/// Statistical proof that every character of an alphabet is equally likely, overall and at each
/// position of a value. The threshold (p &lt; 1e-6) makes a false failure practically impossible,
/// while the modulo bias these tests guard against is detected with overwhelming certainty
/// (see <see cref="The_test_detects_modulo_bias"/>).
/// </summary>
public sealed class UniformityTests
{
    private const int Samples = 20_000;
    private const int Length = 24;

    public static TheoryData<string> AlphabetsUnderTest => new()
    {
        Alphabets.EnvSafe,      // 73 characters: not a power of two, where modulo bias would show
        Alphabets.Alphanumeric, // 62 characters, the token default
        "abc",                  // a tiny alphabet: rejection most of the time
        "0123456789abcdef",     // a power of two: the bit-mask path
    };

    [Theory]
    [MemberData(nameof(AlphabetsUnderTest))]
    public void Every_character_is_equally_likely_overall_and_at_every_position(string alphabet)
    {
        var rule = Password(alphabet, Length);
        var perPosition = new long[Length, alphabet.Length];
        var overall = new long[alphabet.Length];

        for (var sample = 0; sample < Samples; sample++)
        {
            var value = SecretGenerator.Generate(rule);
            for (var position = 0; position < Length; position++)
            {
                var index = alphabet.IndexOf(value[position]);
                perPosition[position, index]++;
                overall[index]++;
            }
        }

        var overallStatistic = ChiSquare.Statistic(overall);
        Assert.True(
            ChiSquare.LooksUniform(overall),
            $"chi-square {overallStatistic:F1} over {alphabet.Length} characters exceeds {ChiSquare.CriticalValueAtOneInAMillion(alphabet.Length - 1):F1}");
        for (var position = 0; position < Length; position++)
        {
            var counts = Enumerable.Range(0, alphabet.Length).Select(i => perPosition[position, i]).ToArray();
            Assert.True(ChiSquare.LooksUniform(counts), $"position {position}: chi-square {ChiSquare.Statistic(counts):F1}");
        }
    }

    [Fact]
    public void The_test_detects_modulo_bias()
    {
        // What a naive generator would do: a random byte modulo the alphabet size.
        var alphabet = Alphabets.EnvSafe;
        var counts = new long[alphabet.Length];
        var bytes = RandomNumberGenerator.GetBytes(Samples * Length);
        foreach (var b in bytes)
        {
            counts[b % alphabet.Length]++;
        }

        Assert.False(ChiSquare.LooksUniform(counts));
    }

    [Fact]
    public void Hex_and_base64_digits_are_uniform()
    {
        var hexCounts = new long[16];
        var base64UrlCounts = new long[64];
        const string base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var hex = Rule(GenerationKind.Hex, bytes: 30);
        var base64Url = Rule(GenerationKind.Base64Url, bytes: 30); // 30 bytes = 40 characters, no partial final character

        for (var sample = 0; sample < Samples / 4; sample++)
        {
            foreach (var c in SecretGenerator.Generate(hex))
            {
                hexCounts[Convert.ToInt32(c.ToString(), 16)]++;
            }

            foreach (var c in SecretGenerator.Generate(base64Url))
            {
                base64UrlCounts[base64UrlAlphabet.IndexOf(c)]++;
            }
        }

        Assert.True(ChiSquare.LooksUniform(hexCounts));
        Assert.True(ChiSquare.LooksUniform(base64UrlCounts));
    }

    [Theory]
    [InlineData(2, 27.631)]
    [InlineData(15, 56.493)]
    [InlineData(61, 128.524)]
    [InlineData(63, 131.370)]
    [InlineData(72, 144.020)]
    public void The_critical_value_is_at_or_just_above_the_exact_quantile(int degreesOfFreedom, double exact)
    {
        // Exact upper 1e-6 quantiles of the chi-square distribution (R: qchisq(1e-6, df, lower.tail = FALSE)).
        // The approximation may only err upwards, i.e. towards never failing a fair generator.
        Assert.InRange(ChiSquare.CriticalValueAtOneInAMillion(degreesOfFreedom), exact, exact * 1.10);
    }

    private static GenerationRule Password(string alphabet, int length) =>
        new(GenerationKind.Password, length, 0, alphabet, string.Empty, null, null, null);

    private static GenerationRule Rule(GenerationKind kind, int bytes) =>
        new(kind, 0, bytes, string.Empty, string.Empty, null, null, null);
}
