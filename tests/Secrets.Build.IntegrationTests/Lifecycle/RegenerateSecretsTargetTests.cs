using Secrets.Build.IntegrationTests.Infrastructure;

namespace Secrets.Build.IntegrationTests.Lifecycle;

/// <summary><c>RegenerateSecrets</c> destroys values, so it demands the environment's name typed again.</summary>
[Collection(PackageCollection.Name)]
public sealed class RegenerateSecretsTargetTests(PackageFixture package)
{
    [Fact]
    public void Refuses_without_confirmation_and_with_it_backs_up_then_generates_new_values()
    {
        var (workspace, project) = ProvisionedTemplate.For(package).Copy("regenerate");
        var before = workspace.ReadEnvFile();
        var snapshot = workspace.Snapshot();

        var unconfirmed = workspace.RunTarget(project, "RegenerateSecrets");
        var wrongName = workspace.RunTarget(project, "RegenerateSecrets", "-p:SecretsConfirmRegenerate=production");

        LifecycleAssert.FailedWith(unconfirmed, "SECB554");
        LifecycleAssert.FailedWith(wrongName, "SECB554");
        Assert.Equal(snapshot, workspace.Snapshot());

        var confirmed = workspace.RunTarget(project, "RegenerateSecrets", "-p:SecretsConfirmRegenerate=development");

        LifecycleAssert.Succeeded(confirmed);
        var after = workspace.ReadEnvFile();
        Assert.All(TestSchemas.GeneratedNames, name => Assert.NotEqual(before[name], after[name]));
        var backups = Directory.GetDirectories(Path.Combine(workspace.Directory, "secrets", "backup"));
        var backup = Assert.Single(backups);
        SecretAssert.HasMode(backup, SecretAssert.PrivateDirectory);
        Assert.True(File.Exists(Path.Combine(backup, ".env.development.json")) || Directory.GetFiles(backup, ".env.development.json", SearchOption.AllDirectories).Length == 1,
            "The previous store was not backed up.");
        LifecycleAssert.NoValueIn(confirmed, before, after);
    }
}
