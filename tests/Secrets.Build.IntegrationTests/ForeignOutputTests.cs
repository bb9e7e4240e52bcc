using Secrets.Build.IntegrationTests.Infrastructure;
using Secrets.Build.IntegrationTests.Lifecycle;

namespace Secrets.Build.IntegrationTests;

/// <summary>Files under the outputs' names that Secrets.Build did not write (a Vite .env.development) are never written over.</summary>
[Collection(PackageCollection.Name)]
public sealed class ForeignOutputTests(PackageFixture package)
{
    private const string ViteFile = "VITE_API_URL=http://localhost:5173\nDATABASE_PASSWORD=imported-Password-0123456789-abcdefXYZ\n";

    [Fact]
    public void A_foreign_env_file_stops_the_first_build_with_SECB310_and_nothing_is_written()
    {
        var workspace = new TestWorkspace(package, "foreign-env");
        workspace.WriteSchema();
        var project = workspace.AddProject("App");
        File.WriteAllText(workspace.EnvFilePath(), ViteFile);

        var build = workspace.Build(project);

        LifecycleAssert.FailedWith(build, "SECB310");
        Assert.Contains("-t:ImportSecrets -p:SecretsImportFrom=.env.development", build.Output, StringComparison.Ordinal);
        Assert.Contains("SecretsReplaceForeignOutputs=true", build.Output, StringComparison.Ordinal);
        Assert.Equal(ViteFile, File.ReadAllText(workspace.EnvFilePath()));
        Assert.False(File.Exists(workspace.StorePath()));
        Assert.False(File.Exists(workspace.ComposeOverridePath()));
        // Refused before a key was made: nothing is left behind in the key folder either.
        Assert.Empty(Directory.Exists(workspace.KeyDirectory) ? Directory.GetFiles(workspace.KeyDirectory) : []);
    }

    [Fact]
    public void ReplaceForeignOutputs_moves_the_file_to_a_backup_before_writing()
    {
        var workspace = new TestWorkspace(package, "foreign-replace");
        workspace.WriteSchema();
        var project = workspace.AddProject("App");
        File.WriteAllText(workspace.KubernetesManifestPath(), "apiVersion: v1\nkind: ConfigMap\n");

        var build = workspace.Build(project, "-p:SecretsReplaceForeignOutputs=true");

        LifecycleAssert.Succeeded(build);
        var backup = Assert.Single(Directory.GetFiles(Path.Combine(workspace.Directory, "secrets", "backup"), "k8s-secrets-development.yaml", SearchOption.AllDirectories));
        Assert.Equal("apiVersion: v1\nkind: ConfigMap\n", File.ReadAllText(backup));
        Assert.StartsWith("# Secrets.Build:", File.ReadAllText(workspace.KubernetesManifestPath()), StringComparison.Ordinal);
        Assert.Contains("secrets/backup/", File.ReadAllText(Path.Combine(workspace.Directory, ".gitignore")), StringComparison.Ordinal);
    }

    [Fact]
    public void ImportSecrets_adopts_the_foreign_env_file_and_sets_it_aside()
    {
        var workspace = new TestWorkspace(package, "foreign-import");
        workspace.WriteSchema();
        var project = workspace.AddProject("App");
        LifecycleAssert.Succeeded(workspace.DotNet("restore", project));
        File.WriteAllText(workspace.EnvFilePath(), ViteFile);

        // As the SECB310 fix says it: relative to the folder the command runs in, as no App/.env.development exists.
        var import = workspace.RunTarget(project, "ImportSecrets", "-p:SecretsImportFrom=.env.development");

        LifecycleAssert.Succeeded(import);
        Assert.Equal("imported-Password-0123456789-abcdefXYZ", workspace.ReadEnvFile()["DATABASE_PASSWORD"]);
        var backup = Assert.Single(Directory.GetFiles(Path.Combine(workspace.Directory, "secrets", "backup"), ".env.development", SearchOption.AllDirectories));
        Assert.Equal(ViteFile, File.ReadAllText(backup));
        LifecycleAssert.Succeeded(workspace.Build(project));
    }

    [Fact]
    public void A_foreign_manifest_stops_RotateSecrets_before_any_value_changes()
    {
        var (workspace, project) = ProvisionedTemplate.For(package).Copy("foreign-rotate");
        var store = File.ReadAllBytes(workspace.StorePath());
        File.WriteAllText(workspace.ComposeOverridePath(), "services: {}\n");

        var rotate = workspace.RunTarget(project, "RotateSecrets", "-p:SecretsRotate=all");

        LifecycleAssert.FailedWith(rotate, "SECB310");
        Assert.Equal(store, File.ReadAllBytes(workspace.StorePath()));
        Assert.Equal("services: {}\n", File.ReadAllText(workspace.ComposeOverridePath()));
    }
}
