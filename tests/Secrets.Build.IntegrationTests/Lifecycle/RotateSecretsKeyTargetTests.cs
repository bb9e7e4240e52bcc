using Secrets.Build.IntegrationTests.Infrastructure;

namespace Secrets.Build.IntegrationTests.Lifecycle;

/// <summary><c>RotateSecretsKey</c>: new key, same values, and the old key no longer opens the store.</summary>
[Collection(PackageCollection.Name)]
public sealed class RotateSecretsKeyTargetTests(PackageFixture package)
{
    [Fact]
    public void Replaces_the_key_file_keeps_every_value_and_the_old_key_opens_nothing()
    {
        var (workspace, project) = ProvisionedTemplate.For(package).Copy("rotate-key");
        var values = workspace.ReadEnvFile();
        var oldKeys = Directory.GetFiles(workspace.KeyDirectory).ToDictionary(path => path, File.ReadAllBytes);
        var store = File.ReadAllBytes(workspace.StorePath());

        // The audit trail, MACed under the old key's chain key, still verifies after the switch.
        var result = workspace.RunTarget(project, "RotateSecretsKey;VerifySecretsAudit");

        LifecycleAssert.Succeeded(result);
        Assert.Contains("re-encrypted under key", result.Output, StringComparison.Ordinal);
        Assert.Contains("The audit trail of 'development' verifies.", result.Output, StringComparison.Ordinal);
        Assert.NotEqual(store, File.ReadAllBytes(workspace.StorePath()));
        var keyFiles = Directory.GetFiles(workspace.KeyDirectory, "*.key");
        var keyFile = Assert.Single(keyFiles);
        Assert.False(oldKeys.TryGetValue(keyFile, out var oldBytes) && oldBytes.SequenceEqual(File.ReadAllBytes(keyFile)), "The key file was not replaced.");
        SecretAssert.HasMode(keyFile, SecretAssert.PrivateFile);

        // Outputs come back from the store under the new key with the same values.
        File.Delete(workspace.EnvFilePath());
        var provision = workspace.RunTarget(project, "ProvisionSecrets");
        LifecycleAssert.Succeeded(provision);
        Assert.Equal(values.Where(p => p.Key != TestSchemas.ExternalName), workspace.ReadEnvFile().Where(p => p.Key != TestSchemas.ExternalName));

        // Put the old key back under its original name: it must not open the rotated store.
        foreach (var file in Directory.GetFiles(workspace.KeyDirectory))
        {
            File.Delete(file);
        }

        foreach (var (path, bytes) in oldKeys)
        {
            File.WriteAllBytes(path, bytes);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, SecretAssert.PrivateFile);
            }
        }

        File.Delete(workspace.EnvFilePath());
        var withOldKey = workspace.RunTarget(project, "ProvisionSecrets");
        Assert.False(withOldKey.Succeeded, withOldKey.ToString());
        Assert.Matches(@"error SECB2\d\d", withOldKey.Output);
        Assert.False(File.Exists(workspace.EnvFilePath()), "Outputs were written with a retired key.");
        LifecycleAssert.NoValueIn(result, values);
    }
}
