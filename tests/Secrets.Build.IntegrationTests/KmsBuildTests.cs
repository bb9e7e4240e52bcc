using Secrets.Build.Core.Tests.Kms;
using Secrets.Build.IntegrationTests.Infrastructure;
using Secrets.Build.IntegrationTests.Lifecycle;

namespace Secrets.Build.IntegrationTests;

/// <summary>
/// Real <c>dotnet build</c>s of a project whose store AWS KMS wraps: moto's KMS server on a free
/// port, reached by the packed task through the AWS SDK's standard variables only
/// (<c>AWS_ENDPOINT_URL_KMS</c>, access keys, region) in the build's environment.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class KmsBuildTests(PackageFixture package)
{
    [MotoFact]
    public void A_kms_only_build_writes_no_key_file_a_fresh_clone_builds_through_kms_and_keys_are_added_and_removed_by_target()
    {
        using var moto = MotoServer.Start();
        var (first, second) = (moto.CreateKey(), moto.CreateKey());
        using var workspace = new TestWorkspace(package, "kms-only");
        workspace.WriteSchema();
        var project = workspace.AddProject("App");
        PointAt(workspace, moto);

        var build = workspace.Build(project, "-p:SecretsKmsKeys=" + first, "-p:SecretsDebug=true");

        LifecycleAssert.Succeeded(build);
        Assert.Contains($"The store was opened with the aws-kms key {first}.", build.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workspace.KeyDirectory) && Directory.EnumerateFiles(workspace.KeyDirectory, "*.key").Any(), "A KMS-only build wrote a key file.");
        Assert.Contains("\"kind\": \"aws-kms\"", File.ReadAllText(workspace.StorePath()), StringComparison.Ordinal);
        var values = workspace.ReadEnvFile();

        using var clone = workspace.CloneAs("kms-clone");
        Directory.Delete(Path.Combine(clone.Directory, "App", "obj"), recursive: true);
        PointAt(clone, moto);
        var cloned = clone.Build(Path.Combine(clone.Directory, "App", "App.csproj"), "-p:SecretsGenerate=false", "-p:SecretsDebug=true");

        LifecycleAssert.Succeeded(cloned);
        Assert.Contains($"The store was opened with the aws-kms key {first}.", cloned.Output, StringComparison.Ordinal);
        Assert.Equal(values, clone.ReadEnvFile());

        var added = workspace.RunTarget(project, "AddSecretsKmsKey;ListSecretsKmsKeys", "-p:SecretsKmsKey=" + second);
        LifecycleAssert.Succeeded(added);
        Assert.Contains("aws-kms " + second, added.Output, StringComparison.Ordinal);

        var removed = workspace.RunTarget(project, "RemoveSecretsKmsKey;VerifySecretsAudit", "-p:SecretsKmsKey=" + first);
        LifecycleAssert.Succeeded(removed);
        Assert.Contains("warning SECB742", removed.Output, StringComparison.Ordinal);
        Assert.Contains("The audit trail of 'development' verifies.", removed.Output, StringComparison.Ordinal);
        var trail = LifecycleAssert.AuditTrail(workspace);
        Assert.Contains("\"kms-key-added\"", trail, StringComparison.Ordinal);
        Assert.Contains("\"kms-key-removed\"", trail, StringComparison.Ordinal);
        Assert.DoesNotContain(first, File.ReadAllText(workspace.StorePath()).Split("retiredKeys")[0], StringComparison.Ordinal);

        foreach (var result in new[] { build, cloned, added, removed })
        {
            Assert.DoesNotContain(MotoServer.ChildSecretAccessKey, result.Output, StringComparison.Ordinal);
            LifecycleAssert.NoValueIn(result, values);
        }
    }

    private static void PointAt(TestWorkspace workspace, MotoServer moto) =>
        moto.ChildVariables.ToList().ForEach(v => workspace.Environment[v.Key] = v.Value);
}
