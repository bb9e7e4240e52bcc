using Secrets.Build.Generator.Tests.Support;

namespace Secrets.Build.Generator.Tests.Runtime;

/// <summary>
/// Which environment AppSecrets reads: SECRETS_ENVIRONMENT, then the .NET hosting variables mapped
/// onto the schema's names, then the build's environment.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class EnvironmentSelectionTests
{
    private static readonly string[] Variables = { "DB_PASSWORD", "CONNECTIONSTRINGS__DEFAULT", "OPENAI_API_KEY" };

    [Fact]
    public void ASPNETCORE_ENVIRONMENT_Production_reads_the_production_file_not_the_build_environment()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        scope.Set("SECRETS_ENVIRONMENT", null);
        scope.Set("ASPNETCORE_ENVIRONMENT", "Production");
        scope.WriteFile(".env.development", "DB_PASSWORD=from-development\n");
        scope.WriteFile(".env.production", "DB_PASSWORD=from-production\n");
        using var secrets = new LoadedAppSecrets();

        Assert.Equal("production", secrets.Get("Environment"));
        Assert.Equal("from-production", secrets.Get("DbPassword"));
    }

    [Fact]
    public void DOTNET_ENVIRONMENT_is_read_in_any_case()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        scope.Set("SECRETS_ENVIRONMENT", null);
        scope.Set("DOTNET_ENVIRONMENT", "STAGING");
        using var secrets = new LoadedAppSecrets();

        Assert.Equal("staging", secrets.Get("Environment"));
    }

    [Fact]
    public void ASPNETCORE_ENVIRONMENT_wins_over_DOTNET_ENVIRONMENT_as_in_ASP_NET_Core()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        scope.Set("SECRETS_ENVIRONMENT", null);
        scope.Set("DOTNET_ENVIRONMENT", "Development");
        scope.Set("ASPNETCORE_ENVIRONMENT", "Staging");
        using var secrets = new LoadedAppSecrets();

        Assert.Equal("staging", secrets.Get("Environment"));
    }

    [Fact]
    public void SECRETS_ENVIRONMENT_wins_over_the_hosting_variables()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        scope.Set("ASPNETCORE_ENVIRONMENT", "Production");
        scope.Set("DOTNET_ENVIRONMENT", "Production");
        using var secrets = new LoadedAppSecrets();

        Assert.Equal(scope.Name, secrets.Get("Environment"));
    }

    [Fact]
    public void A_hosting_environment_the_schema_does_not_declare_leaves_the_build_environment()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        scope.Set("SECRETS_ENVIRONMENT", null);
        scope.Set("ASPNETCORE_ENVIRONMENT", "Testing");
        using var secrets = new LoadedAppSecrets();

        Assert.Equal("development", secrets.Get("Environment"));
    }

    [Theory]
    [InlineData("Production", "prod")]
    [InlineData("Development", "dev")]
    [InlineData("QA", "qa")]
    public void The_standard_names_map_to_the_short_names_a_schema_declares(string hosting, string expected)
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        scope.Set("SECRETS_ENVIRONMENT", null);
        scope.Set("DOTNET_ENVIRONMENT", hosting);
        using var secrets = new LoadedAppSecrets(TestModels.Conventions());

        Assert.Equal(expected, secrets.Get("Environment"));
    }

    [Fact]
    public void A_missing_secret_names_the_variable_that_chose_the_environment()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        scope.Set("SECRETS_ENVIRONMENT", null);
        scope.Set("ASPNETCORE_ENVIRONMENT", "Production");
        using var secrets = new LoadedAppSecrets();

        var error = Assert.ThrowsAny<InvalidOperationException>(() => secrets.Get("DbPassword"));

        Assert.Contains("environment 'production' (from ASPNETCORE_ENVIRONMENT=Production)", error.Message);
        Assert.Contains(".env.production", error.Message);
    }
}
