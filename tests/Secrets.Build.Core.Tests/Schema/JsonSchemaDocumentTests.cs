using System.Text.Json;
using Json.Schema;
using Secrets.Build.Core.Schema;

namespace Secrets.Build.Core.Tests.Schema;

/// <summary>The JSON Schema shipped for editors accepts what the parser accepts and flags what it refuses.</summary>
public sealed class JsonSchemaDocumentTests
{
    private static readonly JsonSchema Document =
        JsonSchema.FromText(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "build", "secrets.schema.v1.json")));

    private static bool EditorAccepts(string json) =>
        Document.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;

    [Fact]
    public void The_sample_schema_is_valid_for_editors_and_the_parser()
    {
        var json = File.ReadAllText(TestPaths.SampleSchema);

        Assert.True(EditorAccepts(json));
        Assert.NotNull(SchemaParser.Parse(json, null).Schema);
    }

    [Theory]
    [InlineData("{ 'project': 'app', 'secrets': { 'K': { 'category': 'api_keys', 'lenght': 3 } } }")]
    [InlineData("{ 'project': 'app', 'secrets': { 'bad-name': { 'category': 'api_keys' } } }")]
    [InlineData("{ 'project': 'App Name', 'secrets': {} }")]
    [InlineData("{ 'project': 'app', 'secrets': { 'K': { 'category': 'api_keys', 'generate': { 'kind': 'hex', 'length': 3 } } } }")]
    [InlineData("{ 'project': 'app', 'secrets': { 'K': { 'category': 'api_keys', 'external': true, 'generate': { 'kind': 'hex' } } } }")]
    [InlineData("{ 'project': 'app', 'secrets': { 'K': { 'category': 'api_keys', 'generate': { 'kind': 'password', 'alphabet': 'ab$' } } } }")]
    [InlineData("{ 'project': 'app', 'secrets': { 'K': { 'category': 'api_keys', 'type': 'float' } } }")]
    public void Mistakes_the_parser_refuses_are_flagged_in_the_editor(string json)
    {
        json = json.Replace('\'', '"');

        Assert.False(EditorAccepts(json));
        Assert.Null(SchemaParser.Parse(json, null).Schema);
    }
}
