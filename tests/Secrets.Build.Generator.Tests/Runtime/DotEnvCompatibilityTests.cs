extern alias core;

using Secrets.Build.Generator.Tests.Support;
using EnvFileRenderer = core::Secrets.Build.Core.Outputs.EnvFileRenderer;
using EnvSafe = core::Secrets.Build.Core.Schema.Alphabets;

namespace Secrets.Build.Generator.Tests.Runtime;

/// <summary>The generated reader reads back exactly what the build's .env writer writes.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class DotEnvCompatibilityTests
{
    private static readonly string[] Variables =
    {
        "DB_PASSWORD", "DB_PORT", "FEATURE_ENABLED", "SERVICE_URL", "SESSION_KEY", "ENCRYPTION_KEY", "JWT_KEY", "OPENAI_API_KEY",
    };

    public static TheoryData<string> WrittenValues() => new()
    {
        EnvSafe.EnvSafe,                          // every unquoted character
        "has space and $dollar #hash \"dq\" `tick` \\back", // single-quoted
        "it's",                                   // double-quoted (contains ')
        "first line\nsecond line\nthird",         // single-quoted across lines
        "it's\non two lines",                     // double-quoted across lines
        "  leading and trailing  ",
        "x",
    };

    [Theory]
    [MemberData(nameof(WrittenValues))]
    public void Reads_back_what_the_env_writer_writes(string value)
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        scope.WriteEnvFile(EnvFileRenderer.Render(
            new[] { ("DB_PORT", "5432"), ("DB_PASSWORD", value), ("OPENAI_API_KEY", "after-the-value") },
            scope.Name));
        using var secrets = new LoadedAppSecrets();

        Assert.Equal(value, secrets.Get("DbPassword"));
        Assert.Equal(5432, secrets.Get("DbPort"));
        Assert.Equal("after-the-value", secrets.Get("OpenaiApiKey"));
    }

    [Fact]
    public void A_line_after_an_unclosed_quote_is_still_read()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        scope.WriteEnvFile("DB_PASSWORD='never closed\nDB_PORT=5432\n");
        using var secrets = new LoadedAppSecrets();

        Assert.Equal(5432, secrets.Get("DbPort"));
        var error = Assert.ThrowsAny<InvalidOperationException>(() => secrets.Get("DbPassword"));
        Assert.Contains("line 1 opens a quote", error.Message);
        Assert.DoesNotContain("never closed", error.Message);
    }

    [Fact]
    public void Line_numbers_count_the_lines_inside_quoted_values()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        scope.WriteEnvFile("DB_PORT='1\n2\n3'\nOPENAI_API_KEY=ok\nDB_PASSWORD=\"open\n");
        using var secrets = new LoadedAppSecrets();

        Assert.Equal("ok", secrets.Get("OpenaiApiKey"));
        var error = Assert.ThrowsAny<InvalidOperationException>(() => secrets.Get("DbPassword"));
        Assert.Contains("line 5 opens a quote", error.Message);
    }
}
