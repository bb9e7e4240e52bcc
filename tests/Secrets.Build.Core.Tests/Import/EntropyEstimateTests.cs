using Secrets.Build.Core.Generation;
using Secrets.Build.Core.Import;
using Secrets.Build.Core.Schema;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Tests.Import;

public sealed class EntropyEstimateTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 9.4)]
    [InlineData("abababababababababababababababab", 18.8)]
    [InlineData("changeme", 37.6)]
    public void Plain_values_score_low(string value, double expected) =>
        Assert.Equal(expected, EntropyEstimate.Bits(value), 1);

    [Fact]
    public void Values_generated_from_every_rule_of_the_sample_schema_meet_their_minimum()
    {
        var schema = SchemaFile.Load(TestPaths.SampleSchema).Schema!;
        foreach (var secret in schema.Secrets.Where(s => !s.IsExternal))
        {
            var minimum = secret.Generation.MinimumEntropyBits ?? schema.MinimumEntropyBits;
            for (var i = 0; i < 200; i++)
            {
                var value = SecretGenerator.Generate(secret.Generation, secret.Name);
                Assert.True(EntropyEstimate.Bits(value, secret.Generation.Alphabet) >= minimum, $"{secret.Name} scored below {minimum}.");
            }
        }
    }
}
