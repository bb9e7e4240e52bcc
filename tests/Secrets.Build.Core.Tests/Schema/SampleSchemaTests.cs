using Secrets.Build.Core.Schema;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Tests.Schema;

public sealed class SampleSchemaTests
{
    [Fact]
    public void The_reference_stack_declares_21_valid_secrets()
    {
        var result = SchemaFile.Load(TestPaths.SampleSchema);

        Assert.Empty(result.Diagnostics);
        var schema = Assert.IsType<SecretsSchema>(result.Schema);
        Assert.Equal("multimodal-stack", schema.ProjectName);
        Assert.Equal(21, schema.Secrets.Length);
        Assert.Equal(new[] { "development", "staging", "production" }, schema.Environments);
        Assert.All(schema.Secrets.Where(s => !s.IsExternal),
            s => Assert.True(s.Generation.EntropyBits >= (s.Generation.MinimumEntropyBits ?? 128), s.Name));
    }

    [Fact]
    public void The_reference_stack_respects_the_limits_its_services_impose()
    {
        var schema = SchemaFile.Load(TestPaths.SampleSchema).Schema!;
        var byName = schema.Secrets.ToDictionary(s => s.Name);

        Assert.True(byName["MINIO_SECRET_KEY"].Generation.GeneratedLength <= 40);
        Assert.True(byName["MINIO_ROOT_PASSWORD"].Generation.GeneratedLength >= 8);
        Assert.Equal("sk-", byName["LITELLM_MASTER_KEY"].Generation.Prefix);
        Assert.Equal(GenerationKind.External, byName["OPENAI_API_KEY"].Generation.Kind);
        Assert.Equal(SecretValueType.Bytes, byName["ENCRYPTION_KEY"].Type);
        Assert.Equal(30, schema.RotationDaysFor(byName["JWT_SECRET_KEY"]));
        Assert.Equal(365, schema.RotationDaysFor(byName["ENCRYPTION_KEY"]));
        Assert.Equal("PostgresPassword", byName["POSTGRES_PASSWORD"].PropertyName);
        Assert.Contains("postgres", byName["POSTGRES_PASSWORD"].Services);
    }

    [Fact]
    public void A_missing_schema_file_is_a_diagnostic()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "secrets.schema.json");

        var result = SchemaFile.Load(path);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SECB115", diagnostic.Code);
        Assert.Equal(path, diagnostic.Location!.File);
        Assert.Null(result.Schema);
    }
}
