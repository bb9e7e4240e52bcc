using Microsoft.CodeAnalysis;
using Secrets.Build.Core.Schema;
using Secrets.Build.Generator.Tests.Support;

namespace Secrets.Build.Generator.Tests.Driver;

/// <summary>Schema problems surface in the IDE with a SECB code, at their place in the JSON file.</summary>
public sealed class SchemaDiagnosticsTests
{
    [Fact]
    public void A_schema_error_keeps_the_core_code_and_points_into_the_json_file()
    {
        var broken = IncrementalGenerationTests.BrokenSchema();
        var expected = SchemaParser.Parse(broken, GeneratorHarness.SchemaPath).Diagnostics.First();

        var (result, _) = GeneratorHarness.ForSchema(broken).Run();

        var diagnostic = result.Diagnostics.First();
        Assert.Equal(expected.Code, diagnostic.Id);
        Assert.StartsWith("SECB1", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.SchemaPath, span.Path);
        Assert.Equal(expected.Location!.Line - 1, span.StartLinePosition.Line);
        Assert.Equal(expected.Location.Column - 1, span.StartLinePosition.Character);
        // The comma is missing after "version": 1 (line 3); JSON notices at the next token, line 4 ("project").
        Assert.Equal(3, span.StartLinePosition.Line);
        Assert.Contains(expected.Message, diagnostic.GetMessage());
        Assert.Empty(result.GeneratedSources);
    }

    [Theory]
    [InlineData("ENVIRONMENT")] // rejected by the core parser
    [InlineData("INSPECT")] // members only the generated code declares
    [InlineData("BUILD_ENVIRONMENT")]
    [InlineData("SECRET_DESCRIPTOR")]
    [InlineData("APP_SECRETS")]
    public void A_secret_named_like_an_AppSecrets_member_is_an_error_at_its_declaration(string name)
    {
        var schema = GeneratorHarness.SampleSchema.Replace("\"REDIS_PASSWORD\"", $"\"{name}\"");
        var declarationLine = schema.Split('\n').ToList().FindIndex(line => line.Contains($"\"{name}\""));

        var (result, _) = GeneratorHarness.ForSchema(schema).Run();

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SECB105", diagnostic.Id);
        Assert.Contains(name, diagnostic.GetMessage());
        Assert.Contains("Fix:", diagnostic.GetMessage());
        Assert.Equal(declarationLine, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(result.GeneratedSources);
    }

    [Theory]
    [InlineData("POSTGRES_PASSWORD__PREVIOUS", "SECB119")] // the variable a rotation of POSTGRES_PASSWORD writes
    [InlineData("ASPNETCORE_ENVIRONMENT", "SECB120")] // a variable AppSecrets reads to choose the environment
    public void A_secret_named_like_a_variable_the_tool_writes_or_reads_is_an_error_at_its_declaration(string name, string code)
    {
        var schema = GeneratorHarness.SampleSchema.Replace("\"REDIS_PASSWORD\"", $"\"{name}\"");
        var declarationLine = schema.Split('\n').ToList().FindIndex(line => line.Contains($"\"{name}\""));

        var (result, _) = GeneratorHarness.ForSchema(schema).Run();

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(code, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(name, diagnostic.GetMessage());
        Assert.Contains("Fix:", diagnostic.GetMessage());
        Assert.Equal(declarationLine, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(result.GeneratedSources);
    }

    [Fact]
    public void Two_schemas_are_an_error_naming_both()
    {
        var harness = GeneratorHarness.Create(new[]
        {
            new TestAdditionalText("/src/App/a/secrets.schema.json", GeneratorHarness.SampleSchema),
            new TestAdditionalText("/src/App/b/secrets.schema.json", GeneratorHarness.SampleSchema),
        });

        var (result, _) = harness.Run();

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SECB150", diagnostic.Id);
        Assert.Equal("/src/App/b/secrets.schema.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("/src/App/a/secrets.schema.json", diagnostic.GetMessage());
    }

    [Fact]
    public void An_unreadable_schema_is_an_error()
    {
        var harness = GeneratorHarness.Create(new[] { new TestAdditionalText(GeneratorHarness.SchemaPath, null) });

        var (result, _) = harness.Run();

        Assert.Equal("SECB151", Assert.Single(result.Diagnostics).Id);
        Assert.Empty(result.GeneratedSources);
    }
}
