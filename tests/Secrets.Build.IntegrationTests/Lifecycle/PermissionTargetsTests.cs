using Secrets.Build.IntegrationTests.Infrastructure;

namespace Secrets.Build.IntegrationTests.Lifecycle;

/// <summary><c>CheckSecretsPermissions</c> reports wrong modes; <c>RepairSecretsPermissions</c> fixes them.</summary>
[Collection(PackageCollection.Name)]
public sealed class PermissionTargetsTests(PackageFixture package)
{
    [UnixFact, System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Check_reports_each_wrong_mode_with_its_chmod_and_repair_sets_600_and_700()
    {
        var (workspace, project) = ProvisionedTemplate.For(package).Copy("permissions");
        var secrets = Path.Combine(workspace.Directory, "secrets");
        File.SetUnixFileMode(workspace.EnvFilePath(), SecretAssert.PrivateFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(secrets, SecretAssert.PrivateDirectory | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);

        // One run: the check sees both, then the repair fixes both.
        var result = workspace.RunTarget(project, "CheckSecretsPermissions;RepairSecretsPermissions");

        LifecycleAssert.Succeeded(result);
        Assert.Contains("2 with a wrong mode", result.Output, StringComparison.Ordinal);
        Assert.Contains($"chmod 600 '{workspace.EnvFilePath()}'", result.Output, StringComparison.Ordinal);
        Assert.Contains("2 repaired", result.Output, StringComparison.Ordinal);
        SecretAssert.HasMode(workspace.EnvFilePath(), SecretAssert.PrivateFile);
        SecretAssert.HasMode(secrets, SecretAssert.PrivateDirectory);

        var again = workspace.RunTarget(project, "CheckSecretsPermissions");
        LifecycleAssert.Succeeded(again);
        Assert.Contains("0 with a wrong mode", again.Output, StringComparison.Ordinal);
    }
}
