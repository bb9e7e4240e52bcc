using System.Security.Cryptography;
using Secrets.Build.Core.Crypto.Age;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Recipients;
using Secrets.Build.Core.Store;
using Secrets.Build.IntegrationTests.Infrastructure;

namespace Secrets.Build.IntegrationTests.Lifecycle;

/// <summary>
/// What git can do to a committed store, on the machine that saw the newer state: each is refused
/// by the build and the lifecycle targets with its own code, and no byte of the store, the metadata
/// or the outputs changes.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class TrustTargetTests(PackageFixture package)
{
    // The example public key from age's documentation: valid, and nobody's secret.
    private const string Bob = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";

    [Fact]
    public void Rolling_back_after_RemoveSecretsRecipient_is_refused_on_the_machine_that_removed()
    {
        var (workspace, project) = ProvisionedTemplate.For(package).Copy("trust-offboarding");
        LifecycleAssert.Succeeded(workspace.RunTarget(project, "AddSecretsRecipient", "-p:SecretsRecipient=" + Bob, "-p:SecretsRecipientComment=Bob"));
        var withBob = Copy(workspace, ".env.development.json", ".env.development.metadata", "recipients.development.txt");
        LifecycleAssert.Succeeded(workspace.RunTarget(project, "RemoveSecretsRecipient", "-p:SecretsRecipient=" + Bob));

        // What "git checkout <old commit> -- secrets/" or a merge taken "theirs" does.
        PutBack(workspace, withBob);
        var before = Hashes(workspace);

        var build = workspace.Build(project);
        var rotate = workspace.RunTarget(project, "RotateSecrets", "-p:SecretsRotate=all");

        LifecycleAssert.FailedWith(build, "SECB700");
        LifecycleAssert.FailedWith(rotate, "SECB700");
        Assert.Contains("SecretsAcceptRollback=development", build.Output, StringComparison.Ordinal);
        Assert.Equal(before, Hashes(workspace));
    }

    [Fact]
    public void Rolling_back_after_RotateSecrets_is_refused_until_accepted_by_name_and_the_acceptance_is_audited()
    {
        var (workspace, project) = ProvisionedTemplate.For(package).Copy("trust-rotation");
        var old = Copy(workspace, ".env.development.json", ".env.development.metadata");
        LifecycleAssert.Succeeded(workspace.RunTarget(project, "RotateSecrets", "-p:SecretsRotate=all"));
        PutBack(workspace, old);
        var before = Hashes(workspace);

        var refused = workspace.Build(project);
        var wrongName = workspace.Build(project, "-p:SecretsAcceptRollback=true");

        LifecycleAssert.FailedWith(refused, "SECB700");
        LifecycleAssert.FailedWith(wrongName, "SECB700");
        Assert.Equal(before, Hashes(workspace));

        var accepted = workspace.Build(project, "-p:SecretsAcceptRollback=development");

        LifecycleAssert.Succeeded(accepted);
        Assert.Contains("warning SECB708", accepted.Output, StringComparison.Ordinal);
        Assert.Contains("\"event\":\"rollback-accepted\"", LifecycleAssert.AuditTrail(workspace), StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_made_for_this_machine_s_identity_from_public_data_is_refused_while_its_key_file_opens_no_entry()
    {
        var (workspace, project) = ProvisionedTemplate.For(package).Copy("trust-substitution");
        using var identity = AgeIdentity.Generate("laptop");
        LifecycleAssert.Succeeded(workspace.RunTarget(project, "AddSecretsRecipient", "-p:SecretsRecipient=" + identity.Recipient.Text));

        // Built from the recipient's public key and the store id alone.
        var paths = StorePaths.ForWorkspace(workspace.Directory, "development");
        var storeId = SecretStore.ReadHeader(paths).StoreId;
        File.Delete(paths.StorePath);
        File.Delete(paths.MetadataPath);
        using (var forged = SecretStore.Create(paths, new RecipientKey(identity.Recipient), storeId))
        {
            forged.Set("DATABASE_PASSWORD", "attacker-chosen-password", SecretSource.Generated, DateTimeOffset.UtcNow, null);
            forged.Save();
        }

        var before = Hashes(workspace);
        workspace.Environment["SECRETS_BUILD_IDENTITY_DEVELOPMENT"] = identity.ToSecretText();

        var build = workspace.Build(project);

        LifecycleAssert.FailedWith(build, "SECB702");
        Assert.DoesNotContain("attacker-chosen-password", File.ReadAllText(workspace.EnvFilePath()), StringComparison.Ordinal);
        Assert.Equal(before, Hashes(workspace));
    }

    [Fact]
    public void A_trail_cut_short_or_deleted_is_refused_by_the_build_and_by_VerifySecretsAudit()
    {
        var (workspace, project) = ProvisionedTemplate.For(package).Copy("trust-trail");
        var trail = Path.Combine(workspace.Directory, "secrets", ".env.development.audit.jsonl");
        var lines = File.ReadAllLines(trail);
        Assert.True(lines.Length > 1, "The template's trail has too few lines to cut.");
        File.WriteAllLines(trail, lines[..^1]);
        TouchSchema(workspace);
        var before = Hashes(workspace);

        var cut = workspace.Build(project);
        var verified = workspace.RunTarget(project, "VerifySecretsAudit");

        LifecycleAssert.FailedWith(cut, "SECB710");
        // VerifySecretsAudit reports every break as SECB406, naming the break's own code.
        LifecycleAssert.FailedWith(verified, "SECB406");
        Assert.Contains("does not verify: SECB710:", verified.Output, StringComparison.Ordinal);
        Assert.Equal(before, Hashes(workspace));

        File.Delete(trail);
        LifecycleAssert.FailedWith(workspace.Build(project), "SECB711");
        Assert.Equal(before, Hashes(workspace));
    }

    [Fact]
    public void A_vanished_store_is_refused_naming_its_id_and_RegenerateSecrets_starts_over()
    {
        var (workspace, project) = ProvisionedTemplate.For(package).Copy("trust-vanished");
        TouchSchema(workspace);
        LifecycleAssert.Succeeded(workspace.Build(project));
        var storeId = SecretStore.ReadHeader(StorePaths.ForWorkspace(workspace.Directory, "development")).StoreId;

        // What "git clean -xdf" does before the first commit of a new environment.
        foreach (var file in Directory.GetFiles(Path.Combine(workspace.Directory, "secrets"), ".env.development.*"))
        {
            File.Delete(file);
        }

        var before = Hashes(workspace);
        var keysBefore = Directory.GetFiles(workspace.KeyDirectory, "*.key");

        var build = workspace.Build(project);

        LifecycleAssert.FailedWith(build, "SECB703");
        Assert.Contains(storeId, build.Output, StringComparison.Ordinal);
        Assert.Contains("SecretsConfirmRegenerate=development", build.Output, StringComparison.Ordinal);
        Assert.Equal(before, Hashes(workspace));
        Assert.Equal(keysBefore, Directory.GetFiles(workspace.KeyDirectory, "*.key"));

        LifecycleAssert.Succeeded(workspace.RunTarget(project, "RegenerateSecrets", "-p:SecretsConfirmRegenerate=development"));
        LifecycleAssert.Succeeded(workspace.Build(project));
    }

    [Fact]
    public void A_pipeline_s_pinned_minimum_generation_stops_even_an_up_to_date_build_and_a_met_pin_builds()
    {
        var (workspace, project) = ProvisionedTemplate.For(package).Copy("trust-minimum");
        var before = Hashes(workspace);

        // Nothing changed since the template's build: the new pin alone must bring provisioning back.
        workspace.Environment["SECRETS_BUILD_MIN_GENERATION_DEVELOPMENT"] = "5";
        var pinned = workspace.Build(project);
        var property = workspace.Build(project, "-p:SecretsMinimumGeneration=1");

        LifecycleAssert.FailedWith(pinned, "SECB705");
        LifecycleAssert.FailedWith(property, "SECB705");
        Assert.Equal(before, Hashes(workspace));
        workspace.Environment["SECRETS_BUILD_MIN_GENERATION_DEVELOPMENT"] = "1";
        LifecycleAssert.Succeeded(workspace.Build(project));
    }

    /// <summary>The store, the metadata and the outputs, by name, with a SHA-256 of each (null: absent).</summary>
    private static Dictionary<string, string?> Hashes(TestWorkspace workspace) =>
        new[] { workspace.StorePath(), workspace.MetadataPath(), workspace.EnvFilePath(), workspace.ComposeOverridePath(), workspace.KubernetesManifestPath() }
            .ToDictionary(path => Path.GetFileName(path), path => File.Exists(path) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))) : null);

    private static Dictionary<string, byte[]> Copy(TestWorkspace workspace, params string[] names) =>
        names.ToDictionary(name => name, name => File.ReadAllBytes(Path.Combine(workspace.Directory, "secrets", name)));

    private static void PutBack(TestWorkspace workspace, Dictionary<string, byte[]> files)
    {
        foreach (var (name, bytes) in files)
        {
            File.WriteAllBytes(Path.Combine(workspace.Directory, "secrets", name), bytes);
        }
    }

    /// <summary>A trail change leaves no trace MSBuild's up-to-date check sees; a schema edit does.</summary>
    private static void TouchSchema(TestWorkspace workspace) =>
        File.SetLastWriteTimeUtc(Path.Combine(workspace.Directory, "secrets.schema.json"), DateTime.UtcNow);
}
