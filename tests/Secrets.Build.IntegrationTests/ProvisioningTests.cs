using Secrets.Build.IntegrationTests.Infrastructure;

namespace Secrets.Build.IntegrationTests;

/// <summary>A developer's loop: the first build provisions, later builds cost nothing and keep every value.</summary>
[Collection(PackageCollection.Name)]
public sealed class ProvisioningTests(PackageFixture package)
{
    private const string SkippedMessage = "Skipping target \"ProvisionSecrets\" because all output files are up-to-date";

    [Fact]
    public void First_build_creates_store_metadata_outputs_and_key_with_private_modes()
    {
        var workspace = new TestWorkspace(package, "first-build");
        workspace.WriteSchema();
        var project = workspace.AddProject("App");

        var result = workspace.Build(project);

        Assert.True(result.Succeeded, result.ToString());
        var values = workspace.ReadEnvFile();
        foreach (var name in TestSchemas.GeneratedNames)
        {
            Assert.True(values.TryGetValue(name, out var value) && value.Length >= 16, $"{name} was not generated into .env.development.");
        }

        SecretAssert.HasMode(Path.Combine(workspace.Directory, "secrets"), SecretAssert.PrivateDirectory);
        foreach (var file in new[] { workspace.StorePath(), workspace.MetadataPath(), workspace.EnvFilePath(), workspace.ComposeOverridePath(), workspace.KubernetesManifestPath() })
        {
            Assert.True(File.Exists(file), $"{Path.GetFileName(file)} was not written.");
            SecretAssert.HasMode(file, SecretAssert.PrivateFile);
        }

        SecretAssert.HasMode(workspace.KeyDirectory, SecretAssert.PrivateDirectory);
        var keys = Directory.GetFiles(workspace.KeyDirectory, "*", SearchOption.AllDirectories);
        Assert.NotEmpty(keys);
        Assert.All(keys, key => SecretAssert.HasMode(key, SecretAssert.PrivateFile));
    }

    [Fact]
    public void Second_build_skips_the_target_and_keeps_every_file_byte_identical()
    {
        var workspace = new TestWorkspace(package, "no-op");
        workspace.WriteSchema();
        var project = workspace.AddProject("App");
        var first = workspace.Build(project);
        Assert.True(first.Succeeded, first.ToString());
        var before = workspace.Snapshot();
        var storeWritten = File.GetLastWriteTimeUtc(workspace.StorePath());

        var second = workspace.Build(project, "-v:d");

        Assert.True(second.Succeeded, second.ToString());
        Assert.Contains(SkippedMessage, second.Output, StringComparison.Ordinal);
        Assert.Equal(before, workspace.Snapshot());
        Assert.Equal(storeWritten, File.GetLastWriteTimeUtc(workspace.StorePath()));
    }

    [Fact]
    public void Deleted_output_is_restored_from_the_store_with_the_same_values()
    {
        var workspace = new TestWorkspace(package, "deleted-output");
        workspace.WriteSchema();
        var project = workspace.AddProject("App");
        Assert.True(workspace.Build(project).Succeeded);
        var values = workspace.ReadEnvFile();

        File.Delete(workspace.EnvFilePath());
        var result = workspace.Build(project);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(values, workspace.ReadEnvFile());
    }

    [Fact]
    public void Values_never_reach_the_diagnostic_log_or_the_binary_log()
    {
        var workspace = new TestWorkspace(package, "no-leak");
        workspace.WriteSchema();
        var project = workspace.AddProject("App");
        var binlog = Path.Combine(workspace.Directory, "build.binlog");

        var result = workspace.Build(project, "-v:diag", "-bl:" + binlog, "-p:SecretsDebug=true");

        Assert.True(result.Succeeded, result.ToString());
        var values = workspace.ReadEnvFile();
        Assert.True(values.Count(pair => pair.Value.Length >= 12) >= TestSchemas.GeneratedNames.Length, "Too few values to make the scan meaningful.");
        SecretAssert.NotInText(result.Output, values, "the -v:diag console log");
        SecretAssert.NotInBinaryLog(binlog, values);
    }

    [Fact]
    public void External_secret_is_captured_from_the_environment_and_recaptured_when_it_changes()
    {
        var workspace = new TestWorkspace(package, "external");
        workspace.WriteSchema();
        var project = workspace.AddProject("App");
        workspace.Environment[TestSchemas.ExternalName] = "pk_test_" + Guid.NewGuid().ToString("N");

        var first = workspace.Build(project);
        Assert.True(first.Succeeded, first.ToString());
        Assert.Equal(workspace.Environment[TestSchemas.ExternalName], workspace.ReadEnvFile()[TestSchemas.ExternalName]);
        var generated = TestSchemas.GeneratedNames.ToDictionary(name => name, name => workspace.ReadEnvFile()[name]);

        workspace.Environment[TestSchemas.ExternalName] = "pk_test_" + Guid.NewGuid().ToString("N");
        var second = workspace.Build(project);

        Assert.True(second.Succeeded, second.ToString());
        var values = workspace.ReadEnvFile();
        Assert.Equal(workspace.Environment[TestSchemas.ExternalName], values[TestSchemas.ExternalName]);
        Assert.All(generated, pair => Assert.Equal(pair.Value, values[pair.Key]));
    }

    [Fact]
    public void SECRETS_ENVIRONMENT_selects_the_environment_case_insensitively_and_files_use_lower_case()
    {
        var workspace = new TestWorkspace(package, "environment-variable");
        workspace.WriteSchema();
        var project = workspace.AddProject("App");
        workspace.Environment["SECRETS_ENVIRONMENT"] = "Staging";

        var result = workspace.Build(project);

        Assert.True(result.Succeeded, result.ToString());
        Assert.True(File.Exists(workspace.StorePath("staging")), "secrets/.env.staging.json was not written.");
        Assert.True(File.Exists(workspace.EnvFilePath("staging")), ".env.staging was not written.");
        Assert.False(File.Exists(workspace.EnvFilePath()), "The development environment was provisioned too.");
    }

    [Fact]
    public void Production_generates_nothing_by_default()
    {
        var workspace = new TestWorkspace(package, "production");
        workspace.WriteSchema();
        var project = workspace.AddProject("App");

        var result = workspace.Build(project, "-p:SecretsEnvironment=production");

        Assert.False(result.Succeeded, result.ToString());
        Assert.Matches(@"error SECB\d{3}", result.Output);
        Assert.False(File.Exists(workspace.StorePath("production")), "A production store was generated.");
        Assert.False(File.Exists(workspace.EnvFilePath("production")), "Production outputs were written without values.");
    }

    [Fact]
    public void Dotnet_clean_keeps_the_store_the_metadata_and_the_keys()
    {
        var workspace = new TestWorkspace(package, "clean");
        workspace.WriteSchema();
        var project = workspace.AddProject("App");
        Assert.True(workspace.Build(project).Succeeded);
        var keys = Directory.GetFiles(workspace.KeyDirectory, "*", SearchOption.AllDirectories).ToDictionary(path => path, File.ReadAllBytes);
        var store = File.ReadAllBytes(workspace.StorePath());
        var metadata = File.ReadAllBytes(workspace.MetadataPath());

        var clean = workspace.DotNet("clean", project, "-nodeReuse:false");

        Assert.True(clean.Succeeded, clean.ToString());
        Assert.Equal(store, File.ReadAllBytes(workspace.StorePath()));
        Assert.Equal(metadata, File.ReadAllBytes(workspace.MetadataPath()));
        Assert.All(keys, pair => Assert.Equal(pair.Value, File.ReadAllBytes(pair.Key)));
    }
}
