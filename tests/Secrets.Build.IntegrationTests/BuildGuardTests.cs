using Secrets.Build.IntegrationTests.Infrastructure;

namespace Secrets.Build.IntegrationTests;

/// <summary>The cases where the build must do nothing, or stop with one clear error before any crypto.</summary>
[Collection(PackageCollection.Name)]
public sealed class BuildGuardTests(PackageFixture package)
{
    [Fact]
    public void Design_time_build_provisions_nothing()
    {
        var workspace = new TestWorkspace(package, "design-time");
        workspace.WriteSchema();
        var project = workspace.AddProject("App");

        // What an IDE asks for: the compile targets with DesignTimeBuild set and the compiler skipped.
        var result = workspace.DotNet(
            "msbuild", project, "-restore", "-t:Compile", "-nodeReuse:false", "-v:n",
            "-p:DesignTimeBuild=true", "-p:SkipCompilerExecution=true", "-p:ProvideCommandLineArgs=true");

        Assert.True(result.Succeeded, result.ToString());
        AssertNothingProvisioned(workspace);
        Assert.DoesNotContain("ProvisionSecretsTask", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void SecretsEnabled_false_provisions_nothing()
    {
        var workspace = new TestWorkspace(package, "disabled");
        workspace.WriteSchema();
        var project = workspace.AddProject("App");

        var result = workspace.Build(project, "-p:SecretsEnabled=false");

        Assert.True(result.Succeeded, result.ToString());
        AssertNothingProvisioned(workspace);
    }

    [Fact]
    public void MSBuild_that_cannot_load_the_tasks_fails_with_SECB401_not_a_loader_exception()
    {
        var workspace = new TestWorkspace(package, "old-msbuild");
        workspace.WriteSchema();
        var project = workspace.AddProject("App");

        // The SDK under test is new enough; raising the minimum takes the same path an SDK 8 MSBuild
        // takes. (Visual Studio's .NET Framework MSBuild is caught by MSBuildRuntimeType on that path too.)
        var result = workspace.Build(project, "-p:_SecretsMinimumMSBuildVersion=999.0");

        Assert.False(result.Succeeded, result.ToString());
        Assert.Contains("error SECB401", result.Output, StringComparison.Ordinal);
        Assert.Contains("dotnet build", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("MSB4062", result.Output, StringComparison.Ordinal); // "task could not be loaded"
        AssertNothingProvisioned(workspace);
    }

    [Fact]
    public void Visual_Studio_2026_MSBuild_runs_the_tasks_in_a_NET_task_host_and_older_ones_get_SECB401()
    {
        var workspace = new TestWorkspace(package, "vs-msbuild");
        workspace.WriteSchema();
        var project = workspace.AddProject("App");
        // MSBuildRuntimeType and MSBuildVersion cannot be set; these stand for them in the package's
        // choice, so the evaluation Visual Studio's .NET Framework MSBuild would make can be replayed here.
        string[] visualStudio2026 = ["-p:_SecretsMSBuildRuntimeType=Full", "-p:_SecretsMSBuildVersion=18.0.5"];
        string[] visualStudio2022 = ["-p:_SecretsMSBuildRuntimeType=Full", "-p:_SecretsMSBuildVersion=17.14.8"];

        // The declarations Visual Studio 2026 gets, loaded for real: TaskHostFactory with Runtime="NET" provisions.
        var build = workspace.Build(project, visualStudio2026);
        var choice = workspace.DotNet(["msbuild", project, "-getProperty:_SecretsTaskHost", "-getProperty:_SecretsTaskRuntime", .. visualStudio2026]);
        var dotnetChoice = workspace.DotNet("msbuild", project, "-getProperty:_SecretsTaskHost");
        var old = workspace.RunTarget(project, "ProvisionSecrets", visualStudio2022);

        Assert.True(choice.Succeeded, choice.ToString());
        Assert.Matches("\"_SecretsTaskHost\":\\s*\"NET\"", choice.Output);
        Assert.Matches("\"_SecretsTaskRuntime\":\\s*\"NET\"", choice.Output);
        Assert.Equal("InProcess", dotnetChoice.Output.Trim());
        Assert.True(build.Succeeded, build.ToString());
        Assert.True(File.Exists(workspace.StorePath()));
        Assert.False(old.Succeeded, old.ToString());
        Assert.Contains("error SECB401", old.Output, StringComparison.Ordinal);
        Assert.Contains("'$(MSBuildRuntimeType)' == 'Full'", old.Output, StringComparison.Ordinal);
        Assert.Contains("SecretsEnabled", old.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Project_without_a_schema_fails_with_SECB115_naming_the_folder()
    {
        var workspace = new TestWorkspace(package, "no-schema");
        var project = workspace.AddProject("App");

        var result = workspace.Build(project);

        Assert.False(result.Succeeded, result.ToString());
        Assert.Contains("error SECB115", result.Output, StringComparison.Ordinal);
        Assert.Contains(Path.GetDirectoryName(project)!, result.Output, StringComparison.Ordinal);
        Assert.Contains("SecretsEnabled=false", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_rotation_days_fail_with_SECB402_before_anything_is_written()
    {
        var workspace = new TestWorkspace(package, "bad-rotation");
        workspace.WriteSchema();
        var project = workspace.AddProject("App");

        var result = workspace.Build(project, "-p:SecretsRotationDays=soon");

        Assert.False(result.Succeeded, result.ToString());
        Assert.Contains("error SECB402", result.Output, StringComparison.Ordinal);
        Assert.Contains("SecretsRotationDays", result.Output, StringComparison.Ordinal);
        AssertNothingProvisioned(workspace);
    }

    private static void AssertNothingProvisioned(TestWorkspace workspace)
    {
        Assert.False(Directory.Exists(Path.Combine(workspace.Directory, "secrets")), "secrets/ was created.");
        Assert.False(File.Exists(workspace.EnvFilePath()), ".env.development was written.");
        Assert.False(Directory.Exists(workspace.KeyDirectory) && Directory.EnumerateFileSystemEntries(workspace.KeyDirectory).Any(), "A key was created.");
    }
}
