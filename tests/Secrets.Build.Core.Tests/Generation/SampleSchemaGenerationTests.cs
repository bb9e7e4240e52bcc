using Secrets.Build.Core.Generation;
using Secrets.Build.Core.Schema;

namespace Secrets.Build.Core.Tests.Generation;

/// <summary>Every generated secret of the reference stack, produced from its parsed rule.</summary>
public sealed class SampleSchemaGenerationTests
{
    private static readonly SecretsSchema Schema =
        SchemaParser.Parse(File.ReadAllText(TestPaths.SampleSchema), TestPaths.SampleSchema).Schema
        ?? throw new InvalidOperationException("The sample schema does not parse.");

    [Fact]
    public void Every_generated_secret_fits_its_rule_and_every_env_reader()
    {
        var generated = Schema.Secrets.Where(s => !s.IsExternal).ToList();
        Assert.NotEmpty(generated);

        foreach (var secret in generated)
        {
            var rule = secret.Generation;
            var value = SecretGenerator.Generate(rule, secret.Name);

            Assert.Equal(rule.GeneratedLength, value.Length);
            Assert.StartsWith(rule.Prefix, value);
            Assert.True(Alphabets.IsEnvSafe(value), $"{secret.Name} is not .env-safe");
            Assert.InRange(value.Length, rule.MinLength ?? 0, rule.MaxLength ?? int.MaxValue);
            Assert.True(rule.EntropyBits >= (rule.MinimumEntropyBits ?? Schema.MinimumEntropyBits), $"{secret.Name} is too weak");
        }
    }

    [Fact]
    public void MinIO_and_LiteLLM_limits_hold()
    {
        string Make(string name) =>
            SecretGenerator.Generate(Schema.Secrets.Single(s => s.Name == name).Generation, name);

        Assert.InRange(Make("MINIO_SECRET_KEY").Length, 8, 40);
        Assert.True(Make("MINIO_ROOT_PASSWORD").Length >= 8);
        Assert.StartsWith("sk-", Make("LITELLM_MASTER_KEY"));
    }

    [Fact]
    public void External_secrets_of_the_sample_are_refused()
    {
        foreach (var secret in Schema.Secrets.Where(s => s.IsExternal))
        {
            Assert.Throws<Secrets.Build.Core.Diagnostics.SecretsException>(() => SecretGenerator.Generate(secret.Generation, secret.Name));
        }
    }
}
