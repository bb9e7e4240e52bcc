using Secrets.Build.Generator.Tests.Support;

namespace Secrets.Build.Generator.Tests.Runtime;

/// <summary>AppSecrets.Previous reads NAME__PREVIOUS, which the build writes during a rotation's grace period.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class PreviousValuesTests
{
    private static readonly string[] Variables =
    {
        "DB_PASSWORD", "DB_PASSWORD__PREVIOUS", "DB_PORT", "DB_PORT__PREVIOUS", "JWT_KEY", "JWT_KEY__PREVIOUS",
    };

    [Fact]
    public void Previous_values_come_from_the_env_file_and_are_typed()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        scope.WriteEnvFile("DB_PASSWORD=current\nDB_PORT=5432\nDB_PASSWORD__PREVIOUS=before\nDB_PORT__PREVIOUS=6543\n");
        using var secrets = new LoadedAppSecrets();

        Assert.Equal("current", secrets.Get("DbPassword"));
        Assert.Equal("before", secrets.GetPrevious("DbPassword"));
        Assert.Equal(6543, secrets.GetPrevious("DbPort"));
    }

    [Fact]
    public void Without_a_previous_value_the_property_is_null()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        scope.WriteEnvFile("DB_PASSWORD=current\n");
        using var secrets = new LoadedAppSecrets();

        Assert.Null(secrets.GetPrevious("DbPassword"));
        Assert.Null(secrets.GetPrevious("DbPort"));
    }

    [Fact]
    public void The_process_environment_wins_for_previous_values_too()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        scope.WriteEnvFile("DB_PASSWORD__PREVIOUS=from-file\n");
        scope.Set("DB_PASSWORD__PREVIOUS", "from-environment");
        using var secrets = new LoadedAppSecrets();

        Assert.Equal("from-environment", secrets.GetPrevious("DbPassword"));
    }
}
