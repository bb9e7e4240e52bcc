using Secrets.Build.IntegrationTests.Infrastructure;

namespace Secrets.Build.IntegrationTests.Lifecycle;

/// <summary><c>dotnet msbuild -t:RotateSecrets -p:SecretsRotate=...</c> on a provisioned workspace.</summary>
[Collection(PackageCollection.Name)]
public sealed class RotateSecretsTargetTests(PackageFixture package)
{
    [Fact]
    public void Rotates_the_selected_category_only_rewrites_the_outputs_and_audits_it()
    {
        var (workspace, project) = ProvisionedTemplate.For(package).Copy("rotate");
        var before = workspace.ReadEnvFile();

        var missing = workspace.RunTarget(project, "RotateSecrets");
        LifecycleAssert.FailedWith(missing, "SECB405");
        Assert.Equal(before, workspace.ReadEnvFile());

        var unknown = workspace.RunTarget(project, "RotateSecrets", "-p:SecretsRotate=no_such_category");
        Assert.Contains("SECB503", unknown.Output, StringComparison.Ordinal);
        Assert.Equal(before, workspace.ReadEnvFile());

        // MSBuild splits -p: on ';' and ','; %3B is the escaped ';' that survives any shell.
        var rotate = workspace.RunTarget(project, "RotateSecrets", "-p:SecretsRotate=database_passwords%3BSIGNING_KEY");

        LifecycleAssert.Succeeded(rotate);
        var after = workspace.ReadEnvFile();
        Assert.NotEqual(before["DATABASE_PASSWORD"], after["DATABASE_PASSWORD"]);
        Assert.NotEqual(before["SIGNING_KEY"], after["SIGNING_KEY"]);
        Assert.Equal(before["CACHE_TOKEN"], after["CACHE_TOKEN"]);
        Assert.Contains("DATABASE_PASSWORD is now version 2", rotate.Output, StringComparison.Ordinal);
        LifecycleAssert.NoValueIn(rotate, before, after);

        var audit = LifecycleAssert.AuditTrail(workspace);
        Assert.Contains("\"event\":\"rotated\",\"secret\":\"DATABASE_PASSWORD\"", audit, StringComparison.Ordinal);
        Assert.Contains("msbuild:RotateSecrets", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("\"secret\":\"CACHE_TOKEN\",\"version\":2", audit, StringComparison.Ordinal);
    }
}
