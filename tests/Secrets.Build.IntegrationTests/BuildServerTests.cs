using Secrets.Build.IntegrationTests.Infrastructure;

namespace Secrets.Build.IntegrationTests;

/// <summary>On a build server the committed store decrypts with a key from the environment; nothing is generated.</summary>
[Collection(PackageCollection.Name)]
public sealed class BuildServerTests(PackageFixture package)
{
    private const string KeyVariable = "SECRETS_BUILD_KEY_DEVELOPMENT";

    [Fact]
    public void CI_build_with_the_key_in_the_environment_decrypts_the_committed_store()
    {
        var workspace = new TestWorkspace(package, "ci-with-key");
        workspace.WriteSchema();
        var project = workspace.AddProject("App");
        Assert.True(workspace.Build(project).Succeeded);
        var developerValues = workspace.ReadEnvFile();
        var key = ReadOnlyKey(workspace);
        DeleteLocalState(workspace);

        // The build server: a clone with the store, the key only in its environment.
        workspace.Environment["CI"] = "true";
        workspace.Environment[KeyVariable] = key;
        workspace.Environment["SECRETS_BUILD_KEY_DIR"] = Path.Combine(workspace.ConfigHome, "empty-keys");
        var result = workspace.Build(project);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(developerValues, workspace.ReadEnvFile());
        SecretAssert.NotInText(result.Output, new Dictionary<string, string> { ["the key"] = key }, "the build log");
    }

    [Fact]
    public void CI_build_without_the_key_fails_with_one_error_naming_the_variable_and_changes_nothing()
    {
        var workspace = new TestWorkspace(package, "ci-without-key");
        workspace.WriteSchema();
        var project = workspace.AddProject("App");
        Assert.True(workspace.Build(project).Succeeded);
        DeleteLocalState(workspace);
        workspace.Environment["CI"] = "true";
        workspace.Environment["SECRETS_BUILD_KEY_DIR"] = Path.Combine(workspace.ConfigHome, "empty-keys");
        var before = workspace.Snapshot();

        var result = workspace.Build(project);

        Assert.False(result.Succeeded, result.ToString());
        Assert.Contains(KeyVariable, result.Output, StringComparison.Ordinal);
        Assert.Contains("error SECB258", result.Output, StringComparison.Ordinal);
        // The two ways out for a job that was never meant to decrypt this environment.
        Assert.Contains("-p:SecretsEnabled=false", result.Output, StringComparison.Ordinal);
        Assert.Contains("SECRETS_ENVIRONMENT", result.Output, StringComparison.Ordinal);
        Assert.Equal(before, workspace.Snapshot());

        // The README's test-only job: the same clone builds with provisioning off.
        var testOnly = workspace.Build(project, "-p:SecretsEnabled=false");

        Assert.True(testOnly.Succeeded, testOnly.ToString());
    }

    [Fact]
    public void CI_build_never_generates_a_store_that_is_not_committed()
    {
        var workspace = new TestWorkspace(package, "ci-no-store");
        workspace.WriteSchema();
        var project = workspace.AddProject("App");
        workspace.Environment["CI"] = "true";

        var result = workspace.Build(project);

        Assert.False(result.Succeeded, result.ToString());
        Assert.Contains("error SECB284", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace.StorePath()), "A build server generated a store.");
        // Only real places: no key file named after a store id that was never made.
        Assert.DoesNotContain(".development.key", result.Output, StringComparison.Ordinal);
        Assert.Contains(workspace.KeyDirectory, result.Output, StringComparison.Ordinal);
    }

    /// <summary>The developer's key, as they would paste it into the build server's secret settings.</summary>
    // What the README's Build servers section says: MSBuild leaves the key variable out of its logs
    // unless MSBUILDLOGALLENVIRONMENTVARIABLES=1 tells it to log every variable.
    [Fact]
    public void The_key_variable_reaches_the_binary_log_only_when_MSBuild_logs_every_environment_variable()
    {
        var (workspace, project) = ProvisionedTemplate.For(package).Copy("ci-binlog");
        var key = ReadOnlyKey(workspace);
        workspace.Environment[KeyVariable] = key;
        workspace.Environment["SECRETS_BUILD_KEY_DIR"] = Path.Combine(workspace.ConfigHome, "empty-keys");
        var theKey = new Dictionary<string, string> { ["the key"] = key };
        var quiet = Path.Combine(workspace.Directory, "quiet.binlog");
        var everything = Path.Combine(workspace.Directory, "everything.binlog");

        Assert.True(workspace.Build(project, "-bl:" + quiet).Succeeded);
        workspace.Environment["MSBUILDLOGALLENVIRONMENTVARIABLES"] = "1";
        Assert.True(workspace.Build(project, "-bl:" + everything).Succeeded);

        SecretAssert.NotInBinaryLog(quiet, theKey);
        Assert.Throws<Xunit.Sdk.FalseException>(() => SecretAssert.NotInBinaryLog(everything, theKey));
    }

    private static string ReadOnlyKey(TestWorkspace workspace)
    {
        var keys = Directory.GetFiles(workspace.KeyDirectory, "*.key", SearchOption.AllDirectories);
        Assert.Single(keys);
        return File.ReadAllText(keys[0]).Trim();
    }

    /// <summary>What a fresh clone lacks: the plaintext outputs and obj/ (the store and metadata are committed).</summary>
    private static void DeleteLocalState(TestWorkspace workspace)
    {
        File.Delete(workspace.EnvFilePath());
        File.Delete(workspace.ComposeOverridePath());
        File.Delete(workspace.KubernetesManifestPath());
        Directory.Delete(Path.Combine(workspace.Directory, "App", "obj"), recursive: true);
        Directory.Delete(Path.Combine(workspace.Directory, "App", "bin"), recursive: true);
    }
}
