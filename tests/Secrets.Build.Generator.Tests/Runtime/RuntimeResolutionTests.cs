using Microsoft.Extensions.Configuration;
using Secrets.Build.Generator.Tests.Support;

namespace Secrets.Build.Generator.Tests.Runtime;

/// <summary>
/// Loads the emitted code and exercises what an application sees: variables first, then the
/// .env file found upward from the base directory, typed values, and errors without values.
/// These tests change process environment variables, so they run one at a time.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class RuntimeResolutionTests
{
    private static readonly string[] Variables =
    {
        "DB_PASSWORD", "DB_PORT", "FEATURE_ENABLED", "SERVICE_URL", "SESSION_KEY", "ENCRYPTION_KEY", "JWT_KEY", "OPENAI_API_KEY",
    };

    // Distinctive values, so a leak into a message is found by a plain search.
    private const string Password = "Pw-4f7a9c2e-LEAKCHECK";
    private const string ApiKey = "sk-openai-LEAKCHECK-91b3";

    private static readonly byte[] KeyBytes = Enumerable.Range(0, 32).Select(i => (byte)(i * 7 + 250)).ToArray();

    private static string ValidFile() => string.Join("\n",
        "# Written by Secrets.Build",
        "DB_PASSWORD=" + Password,
        "DB_PORT=5432",
        "FEATURE_ENABLED=true",
        "SERVICE_URL=https://billing.internal:8443/api",
        "SESSION_KEY=" + Convert.ToHexString(KeyBytes).ToLowerInvariant(),
        "ENCRYPTION_KEY=" + Convert.ToBase64String(KeyBytes),
        "JWT_KEY=" + Convert.ToBase64String(KeyBytes).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
        "OPENAI_API_KEY=" + ApiKey,
        "");

    [Fact]
    public void Reads_every_type_from_the_env_file_in_the_base_directory()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        scope.WriteEnvFile(ValidFile());
        using var secrets = new LoadedAppSecrets();

        Assert.Equal(Password, secrets.Get("DbPassword"));
        Assert.Equal(5432, secrets.Get("DbPort"));
        Assert.Equal(true, secrets.Get("FeatureEnabled"));
        Assert.Equal(new Uri("https://billing.internal:8443/api"), secrets.Get("ServiceUrl"));
        Assert.Equal(KeyBytes, secrets.Get("SessionKey"));
        Assert.Equal(KeyBytes, secrets.Get("EncryptionKey"));
        Assert.Equal(KeyBytes, secrets.Get("JwtKey"));
        Assert.Equal(scope.Name, secrets.Get("Environment"));
        Assert.Null(secrets.ValidationFailure());
    }

    [Fact]
    public void The_process_environment_variable_wins_over_the_file()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        scope.WriteEnvFile(ValidFile());
        scope.Set("DB_PASSWORD", "from-the-environment");
        scope.Set("DB_PORT", "6543");
        using var secrets = new LoadedAppSecrets();

        Assert.Equal("from-the-environment", secrets.Get("DbPassword"));
        Assert.Equal(6543, secrets.Get("DbPort"));
        Assert.Equal(ApiKey, secrets.Get("OpenaiApiKey"));
    }

    [Fact]
    public void Finds_the_file_in_a_folder_above_the_base_directory()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        var parent = Directory.GetParent(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar))!.Parent!.FullName;
        scope.WriteEnvFile(ValidFile(), parent);
        using var secrets = new LoadedAppSecrets();

        Assert.Equal(Password, secrets.Get("DbPassword"));
    }

    [Fact]
    public void Without_SECRETS_ENVIRONMENT_the_build_environment_is_used()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        scope.Set("SECRETS_ENVIRONMENT", null);
        using var secrets = new LoadedAppSecrets();

        Assert.Equal("development", secrets.Get("Environment"));
        Assert.Equal("development", secrets.Constant("BuildEnvironment"));
    }

    [Fact]
    public void Reads_the_dotenv_forms_the_build_and_compose_write()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        scope.WriteEnvFile(string.Join("\r\n",
            "# comment line",
            "",
            "   # indented comment",
            "export DB_PASSWORD='lit$eral #not-a-comment \\n'",
            "OPENAI_API_KEY=\"dq \\\"quoted\\\" \\\\ $x\"",
            "DB_PORT = 5432   # trailing comment",
            "FEATURE_ENABLED=false",
            "SERVICE_URL=https://example.org/a#fragment",
            "not a line",
            ""));
        using var secrets = new LoadedAppSecrets();

        Assert.Equal("lit$eral #not-a-comment \\n", secrets.Get("DbPassword"));
        Assert.Equal("dq \"quoted\" \\ $x", secrets.Get("OpenaiApiKey"));
        Assert.Equal(5432, secrets.Get("DbPort"));
        Assert.Equal(false, secrets.Get("FeatureEnabled"));
        Assert.Equal(new Uri("https://example.org/a#fragment"), secrets.Get("ServiceUrl"));
    }

    [Fact]
    public void A_missing_secret_throws_naming_variable_type_and_where_it_looked()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        using var secrets = new LoadedAppSecrets();

        var error = Assert.ThrowsAny<InvalidOperationException>(() => secrets.Get("DbPort"));

        Assert.Equal("AppSecretsException", error.GetType().Name);
        Assert.Contains("DB_PORT", error.Message);
        Assert.Contains("(int)", error.Message);
        Assert.Contains("environment variable DB_PORT", error.Message);
        Assert.Contains(scope.FileName, error.Message);
        Assert.Contains(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar) + ",", error.Message);
        Assert.Contains("Fix:", error.Message);
        Assert.Equal(new[] { "DB_PORT" }, secrets.SecretNamesOf(error));
    }

    [Fact]
    public void A_malformed_secret_throws_without_its_value()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        var file = scope.WriteEnvFile(ValidFile().Replace("DB_PORT=5432", "DB_PORT=LEAKCHECK-not-a-number"));
        using var secrets = new LoadedAppSecrets();

        var error = Assert.ThrowsAny<InvalidOperationException>(() => secrets.Get("DbPort"));

        Assert.Contains("DB_PORT", error.Message);
        Assert.Contains("not a valid int", error.Message);
        Assert.Contains(file, error.Message);
        Assert.DoesNotContain("LEAKCHECK", error.Message);
    }

    [Fact]
    public void An_empty_external_secret_says_it_is_supplied_by_you_not_that_it_is_invalid()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        var file = scope.WriteEnvFile(ValidFile().Replace("OPENAI_API_KEY=" + ApiKey, "OPENAI_API_KEY="));
        using var secrets = new LoadedAppSecrets();

        var error = Assert.ThrowsAny<InvalidOperationException>(() => secrets.Get("OpenaiApiKey"));

        Assert.Contains("OPENAI_API_KEY (string) is empty in '" + file + "'", error.Message);
        Assert.Contains("supplied by you (external)", error.Message);
        Assert.DoesNotContain("not a valid", error.Message);
    }

    [Fact]
    public void Validate_reports_every_missing_or_malformed_secret_at_once_without_values()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        scope.WriteEnvFile(ValidFile()
            .Replace("FEATURE_ENABLED=true", "FEATURE_ENABLED=LEAKCHECK-yes")
            .Replace("SESSION_KEY=", "SESSION_KEY=zz")
            .Replace("OPENAI_API_KEY=" + ApiKey + "\n", ""));
        using var secrets = new LoadedAppSecrets();

        var error = secrets.ValidationFailure();

        Assert.NotNull(error);
        Assert.Equal(new[] { "FEATURE_ENABLED", "SESSION_KEY", "OPENAI_API_KEY" }, secrets.SecretNamesOf(error));
        Assert.Contains("3 of 8 secrets", error.Message);
        Assert.Contains("not a valid bool", error.Message);
        Assert.Contains("not a valid byte[] (hex)", error.Message);
        Assert.Contains("OPENAI_API_KEY (string) is not set", error.Message);
        Assert.Contains("supplied by you", error.Message);
        Assert.DoesNotContain("LEAKCHECK", error.Message);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_with_its_line_and_never_the_value()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        scope.WriteEnvFile(ValidFile() + "DB_PASSWORD='LEAKCHECK-unclosed\n");
        using var secrets = new LoadedAppSecrets();

        var error = Assert.ThrowsAny<InvalidOperationException>(() => secrets.Get("DbPassword"));

        Assert.Contains("line 10", error.Message);
        Assert.DoesNotContain("LEAKCHECK", error.Message);
    }

    [Fact]
    public void Inspect_tells_source_and_length_but_no_value()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        var file = scope.WriteEnvFile(ValidFile());
        scope.Set("DB_PASSWORD", Password);
        using var secrets = new LoadedAppSecrets();

        var statuses = ((System.Collections.IEnumerable)secrets.Call("Inspect")!).Cast<object>().ToList();

        Assert.Equal(8, statuses.Count);
        var first = statuses[0];
        Assert.Equal("environment variable DB_PASSWORD", Property(first, "Source"));
        Assert.Equal(Password.Length, Property(first, "Length"));
        Assert.Equal(true, Property(first, "IsValid"));
        Assert.Equal(file, Property(statuses[7], "Source"));
        foreach (var status in statuses)
        {
            foreach (var property in status.GetType().GetProperties())
            {
                Assert.DoesNotContain("LEAKCHECK", property.GetValue(status)?.ToString() ?? string.Empty);
            }
        }
    }

    [Fact]
    public void Values_are_read_once()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        scope.Set("DB_PASSWORD", "first");
        using var secrets = new LoadedAppSecrets();
        Assert.Equal("first", secrets.Get("DbPassword"));

        scope.Set("DB_PASSWORD", "second");

        Assert.Equal("first", secrets.Get("DbPassword"));
    }

    [Fact]
    public void Threads_reading_at_the_same_time_all_see_the_same_values()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        scope.WriteEnvFile(ValidFile());
        using var secrets = new LoadedAppSecrets();
        using var start = new Barrier(8);
        var reads = new string?[8];

        // Dedicated threads, released together, so the first reads race for the lazy load.
        var threads = Enumerable.Range(0, reads.Length)
            .Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                try
                {
                    reads[i] = (string?)secrets.Get("DbPassword");
                }
                catch (Exception e)
                {
                    // Recorded rather than thrown: an exception on a thread would end the test run.
                    reads[i] = e.GetType().Name;
                }
            }))
            .ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.All(reads, read => Assert.Equal(Password, read));
    }

    [Fact]
    public void An_environment_name_that_is_not_a_file_name_reads_no_file_and_says_why()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        scope.Set("SECRETS_ENVIRONMENT", "../../etc");
        using var secrets = new LoadedAppSecrets();

        var error = Assert.ThrowsAny<InvalidOperationException>(() => secrets.Get("DbPassword"));

        Assert.Contains("SECRETS_ENVIRONMENT is not a valid environment name", error.Message);
    }

    [Fact]
    public void Byte_arrays_are_copies_the_caller_cannot_corrupt()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        scope.WriteEnvFile(ValidFile());
        using var secrets = new LoadedAppSecrets();

        var first = (byte[])secrets.Get("EncryptionKey")!;
        Array.Clear(first);

        Assert.Equal(KeyBytes, secrets.Get("EncryptionKey"));
    }

    [Fact]
    public void AddAppSecrets_puts_resolved_values_into_configuration_by_variable_name()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        scope.WriteEnvFile(ValidFile().Replace("DB_PORT=5432", "DB_PORT=not-a-number"));
        using var secrets = new LoadedAppSecrets();
        var extensions = secrets.Assembly.GetType("Contoso.Shop.AppSecretsConfigurationExtensions", throwOnError: true)!;

        var builder = new ConfigurationBuilder();
        extensions.GetMethod("AddAppSecrets")!.Invoke(null, new object?[] { builder, null });
        var configuration = builder.Build();

        Assert.Equal(Password, configuration["DB_PASSWORD"]);
        Assert.Equal(ApiKey, configuration["OPENAI_API_KEY"]);
        Assert.Null(configuration["DB_PORT"]);
    }

    private static object? Property(object instance, string name) => instance.GetType().GetProperty(name)!.GetValue(instance);
}

/// <summary>Tests that change process-wide environment variables never run side by side.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}
