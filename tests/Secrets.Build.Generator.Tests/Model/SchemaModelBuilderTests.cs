using System.Collections.Immutable;
using Secrets.Build.Core.Schema;
using Secrets.Build.Generator.Model;
using Secrets.Build.Generator.Tests.Support;

namespace Secrets.Build.Generator.Tests.Model;

/// <summary>The parser step: schema text to the emitter's model, without a driver.</summary>
public sealed class SchemaModelBuilderTests
{
    private static AppSecretsModel BuildSample(string environment = "") => SchemaModelBuilder.Build(
        ImmutableArray.Create(new SchemaFile("/repo/app/secrets.schema.json", GeneratorHarness.SampleSchema)),
        new BuildSettings("Contoso.Shop", environment),
        CancellationToken.None).Model!;

    [Fact]
    public void Maps_types_encodings_and_rotation_periods_from_the_schema()
    {
        var model = BuildSample();

        Assert.Equal(21, model.Secrets.Count);
        var encryptionKey = model.Secrets.Single(s => s.Name == "ENCRYPTION_KEY");
        Assert.Equal(new SecretModel("ENCRYPTION_KEY", "EncryptionKey", "256-bit key for application-level data encryption.", "encryption_keys",
            SecretType.Bytes, TextEncoding.Base64, 365, false, "32 random bytes as base64"), encryptionKey);
        var openAi = model.Secrets.Single(s => s.Name == "OPENAI_API_KEY");
        Assert.True(openAi.IsExternal);
        Assert.Equal(180, openAi.RotationDays);
        // A hex-generated secret read as a string stays text: only byte[] secrets are decoded.
        Assert.Equal(TextEncoding.Text, model.Secrets.Single(s => s.Name == "QDRANT_API_KEY").Encoding);
        Assert.Equal("development", model.BuildEnvironment);
        Assert.Equal("secrets.schema.json", model.SchemaFileName);
    }

    [Fact]
    public void The_same_text_gives_an_equal_model_and_a_different_secret_does_not()
    {
        var first = BuildSample();
        var second = BuildSample();
        var renamed = SchemaModelBuilder.Build(
            ImmutableArray.Create(new SchemaFile("/repo/app/secrets.schema.json", GeneratorHarness.SampleSchema.Replace("KIBANA_PASSWORD", "KIBANA_SYSTEM_PASSWORD"))),
            new BuildSettings("Contoso.Shop", ""),
            CancellationToken.None).Model;

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, renamed);
    }

    [Fact]
    public void The_model_does_not_depend_on_where_the_schema_lives()
    {
        var here = BuildSample();
        var elsewhere = SchemaModelBuilder.Build(
            ImmutableArray.Create(new SchemaFile("C:\\work\\other\\secrets.schema.json", GeneratorHarness.SampleSchema)),
            new BuildSettings("Contoso.Shop", ""),
            CancellationToken.None).Model;

        Assert.Equal(here, elsewhere);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("internal", false)]
    [InlineData("Public", true)]
    [InlineData(" public ", true)]
    public void Generated_types_are_internal_unless_SecretsGeneratedAccessibility_is_public(string accessibility, bool isPublic)
    {
        var result = SchemaModelBuilder.Build(
            ImmutableArray.Create(new SchemaFile("/repo/app/secrets.schema.json", GeneratorHarness.SampleSchema)),
            new BuildSettings("Contoso.Shop", "", accessibility),
            CancellationToken.None);

        Assert.Equal(isPublic, result.Model!.IsPublic);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void An_accessibility_other_than_internal_or_public_warns_and_stays_internal()
    {
        var result = SchemaModelBuilder.Build(
            ImmutableArray.Create(new SchemaFile("/repo/app/secrets.schema.json", GeneratorHarness.SampleSchema)),
            new BuildSettings("Contoso.Shop", "", "protected"),
            CancellationToken.None);

        Assert.False(result.Model!.IsPublic);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("SECB121", warning.Id);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("'protected'", warning.Message);
    }

    [Fact]
    public void The_schema_environments_reach_the_model_with_the_defaults_when_none_are_declared()
    {
        var undeclared = SchemaModelBuilder.Build(
            ImmutableArray.Create(new SchemaFile("/repo/app/secrets.schema.json",
                GeneratorHarness.SampleSchema.Replace("\"environments\": [\"development\", \"staging\", \"production\"],", string.Empty))),
            new BuildSettings("Contoso.Shop", ""),
            CancellationToken.None).Model!;
        Assert.Equal(new[] { "development", "staging", "production" }, undeclared.Environments);

        var declared = SchemaModelBuilder.Build(
            ImmutableArray.Create(new SchemaFile("/repo/app/secrets.schema.json",
                GeneratorHarness.SampleSchema.Replace("[\"development\", \"staging\", \"production\"]", "[\"dev\", \"prod\"]"))),
            new BuildSettings("Contoso.Shop", "dev"),
            CancellationToken.None).Model!;
        Assert.Equal(new[] { "dev", "prod" }, declared.Environments);
    }
}
