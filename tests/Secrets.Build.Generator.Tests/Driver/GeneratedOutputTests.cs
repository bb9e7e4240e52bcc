using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Secrets.Build.Generator.Tests.Support;

namespace Secrets.Build.Generator.Tests.Driver;

/// <summary>What the generator adds to a compilation, run the way the compiler runs it.</summary>
public sealed class GeneratedOutputTests
{
    [Fact]
    public void The_sample_schema_gives_a_typed_property_per_secret_that_compiles_cleanly()
    {
        var harness = GeneratorHarness.ForSchema(GeneratorHarness.SampleSchema);

        var (result, output) = harness.Run();

        Assert.Empty(result.Diagnostics);
        Assert.Empty(Compiler.Problems(output));
        var appSecrets = output.GetTypeByMetadataName("Contoso.Shop.AppSecrets")!;
        var secretProperties = appSecrets.GetMembers().OfType<IPropertySymbol>()
            .Where(p => p.Name is not ("Descriptors" or "Environment"))
            .ToList();
        Assert.Equal(21, secretProperties.Count);
        Assert.Equal("string", secretProperties.Single(p => p.Name == "PostgresPassword").Type.ToDisplayString());
        Assert.Equal("byte[]", secretProperties.Single(p => p.Name == "EncryptionKey").Type.ToDisplayString());
        Assert.Contains("PostgreSQL database password.", secretProperties.Single(p => p.Name == "PostgresPassword").GetDocumentationCommentXml());
    }

    [Fact]
    public void No_schema_means_no_source_and_no_diagnostic()
    {
        var harness = GeneratorHarness.Create(Array.Empty<TestAdditionalText>());

        var (result, _) = harness.Run();

        Assert.Empty(result.GeneratedSources);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void An_additional_file_without_the_metadata_is_not_the_schema()
    {
        var harness = GeneratorHarness.Create(
            Array.Empty<TestAdditionalText>(),
            otherFiles: new[] { new TestAdditionalText(GeneratorHarness.SchemaPath, GeneratorHarness.SampleSchema) });

        var (result, _) = harness.Run();

        Assert.Empty(result.GeneratedSources);
    }

    [Fact]
    public void AddAppSecrets_is_emitted_only_when_configuration_is_referenced()
    {
        var without = GeneratorHarness.ForSchema(GeneratorHarness.SampleSchema).Run();
        var with = GeneratorHarness.ForSchema(GeneratorHarness.SampleSchema, references: ReferenceSets.Net100.AddRange(ReferenceSets.Configuration)).Run();

        Assert.DoesNotContain(without.Result.GeneratedSources, s => s.HintName == "AppSecrets.Configuration.g.cs");
        Assert.Contains(with.Result.GeneratedSources, s => s.HintName == "AppSecrets.Configuration.g.cs");
        Assert.Empty(Compiler.Problems(with.Output));
    }

    [Fact]
    public void The_build_environment_comes_from_SecretsEnvironment()
    {
        var (result, _) = GeneratorHarness.ForSchema(GeneratorHarness.SampleSchema, environment: "Staging").Run();

        Assert.Empty(result.Diagnostics);
        Assert.Contains("public const string BuildEnvironment = \"staging\";", result.GeneratedSources[0].SourceText.ToString());
    }

    [Fact]
    public void An_undeclared_environment_is_a_warning_and_still_generates()
    {
        var (result, _) = GeneratorHarness.ForSchema(GeneratorHarness.SampleSchema, environment: "qa").Run();

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("SECB153", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Descriptor.DefaultSeverity);
        Assert.Equal(GeneratorHarness.SchemaPath, warning.Location.GetLineSpan().Path);
        Assert.NotEmpty(result.GeneratedSources);
    }

    [Fact]
    public void Without_a_root_namespace_AppSecrets_is_global()
    {
        var (result, output) = GeneratorHarness.ForSchema(GeneratorHarness.SampleSchema, rootNamespace: "").Run();

        Assert.Empty(result.Diagnostics);
        Assert.NotNull(output.GetTypeByMetadataName("AppSecrets"));
    }

    [Theory]
    [InlineData("My-App.2nd")]
    [InlineData("Contoso.class")]
    public void An_invalid_root_namespace_is_a_warning_and_AppSecrets_goes_global(string rootNamespace)
    {
        var (result, output) = GeneratorHarness.ForSchema(GeneratorHarness.SampleSchema, rootNamespace: rootNamespace).Run();

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("SECB152", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Descriptor.DefaultSeverity);
        Assert.NotNull(output.GetTypeByMetadataName("AppSecrets"));
        Assert.Empty(Compiler.Problems(output).Where(p => !p.Contains("SECB152")));
    }

    [Fact]
    public void A_CSharp7_consumer_gets_code_without_nullable_annotations()
    {
        var harness = GeneratorHarness.Create(
            new[] { new TestAdditionalText(GeneratorHarness.SchemaPath, GeneratorHarness.SampleSchema) },
            references: ReferenceSets.NetStandard20,
            languageVersion: LanguageVersion.CSharp7_3);

        var (result, output) = harness.Run();

        Assert.All(result.GeneratedSources, s => Assert.DoesNotContain("#nullable", s.SourceText.ToString()));
        Assert.Empty(Compiler.Problems(output));
    }
}
