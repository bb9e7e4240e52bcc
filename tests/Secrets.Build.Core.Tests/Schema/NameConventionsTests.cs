using Secrets.Build.Core.Schema;

namespace Secrets.Build.Core.Tests.Schema;

public sealed class NameConventionsTests
{
    [Theory]
    [InlineData("POSTGRES_PASSWORD", "PostgresPassword")]
    [InlineData("S3_KEY", "S3Key")]
    [InlineData("API__KEY", "ApiKey")]
    [InlineData("JWT", "Jwt")]
    [InlineData("AI_AGENTS_SECRET", "AiAgentsSecret")]
    public void Variable_names_become_pascal_case(string name, string expected) =>
        Assert.Equal(expected, NameConventions.ToPropertyName(name));

    [Fact]
    public void A_schema_with_ten_thousand_secrets_parses()
    {
        var secrets = string.Join(",\n", Enumerable.Range(0, 10_000).Select(i =>
            $"\"SECRET_{i}\": {{ \"category\": \"api_keys\", \"generate\": {{ \"kind\": \"hex\", \"bytes\": 32 }}, \"services\": [\"app\"] }}"));
        var json = "{ \"project\": \"big\", \"secrets\": {\n" + secrets + "\n} }";

        var result = SchemaParser.Parse(json, "big.json");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(10_000, result.Schema!.Secrets.Length);
        Assert.Equal(10_001, result.Schema.Secrets[^1].Location.Line);
    }
}
