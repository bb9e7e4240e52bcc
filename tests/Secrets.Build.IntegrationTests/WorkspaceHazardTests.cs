using System.Diagnostics;
using System.Text.Json.Nodes;
using Secrets.Build.Core.Crypto.Age;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Recipients;
using Secrets.Build.IntegrationTests.Infrastructure;
using Secrets.Build.IntegrationTests.Lifecycle;

namespace Secrets.Build.IntegrationTests;

/// <summary>
/// Real builds next to damaged or hostile files: a cut recipient entry, a low-order recipient,
/// symbolic links where files or folders belong, a folder of another user, an open key folder.
/// Each is its own SECB code, and the failing ones change no byte of the workspace or the keys.
/// </summary>
[Collection(PackageCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class WorkspaceHazardTests(PackageFixture package)
{
    // age1 + Bech32 of 32 zero bytes: the all-zero X25519 point, which has no private key.
    private const string LowOrderRecipient = "age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq5cu47z";

    [Fact]
    public void An_age_entry_cut_inside_its_last_chunk_is_SECB265_not_an_internal_error()
    {
        var (workspace, project) = ProvisionedTemplate.For(package).Copy("age-cut");
        using var identity = AgeIdentity.Generate();
        LifecycleAssert.Succeeded(workspace.RunTarget(project, "AddSecretsRecipient", "-p:SecretsRecipient=" + identity.Recipient));
        // The build opens the store through the identity alone, as a build server does.
        Directory.Delete(workspace.KeyDirectory, recursive: true);
        workspace.Environment[IdentityVariables.SharedIdentity] = identity.ToSecretText();
        var store = JsonNode.Parse(File.ReadAllText(workspace.StorePath()))!;
        var entry = store["keys"]!.AsArray().Single(k => (string?)k!["kind"] == "age")!;
        var file = Convert.FromBase64String((string)entry["wrappedKey"]!);
        // The data key is one 48-byte chunk; 10 bytes of it are left, fewer than its 16-byte tag.
        entry["wrappedKey"] = Convert.ToBase64String(file[..^38]);
        File.WriteAllText(workspace.StorePath(), store.ToJsonString());

        var result = BuildFailsAndChangesNothing(workspace, project, "SECB265");

        Assert.DoesNotContain("SECB403", result.Output, StringComparison.Ordinal);
        Assert.Contains("keys[", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_low_order_recipient_is_SECB261_and_changes_nothing()
    {
        var (workspace, project) = ProvisionedTemplate.For(package).Copy("low-order");
        var before = workspace.Snapshot();

        var result = workspace.RunTarget(project, "AddSecretsRecipient", "-p:SecretsRecipient=" + LowOrderRecipient);

        LifecycleAssert.FailedWith(result, "SECB261");
        Assert.DoesNotContain("SECB404", result.Output, StringComparison.Ordinal);
        Assert.Contains("low-order", result.Output, StringComparison.Ordinal);
        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public void A_linked_audit_trail_is_SECB553_and_its_target_is_neither_appended_to_nor_re_moded()
    {
        var (workspace, project) = ProvisionedTemplate.For(package).Copy("linked-trail");
        var trail = Path.Combine(workspace.Directory, "secrets", ".env.development.audit.jsonl");
        var victim = Path.Combine(workspace.ConfigHome, "victim.txt");
        File.WriteAllText(victim, "someone else's file\n");
        File.SetUnixFileMode(victim, (UnixFileMode)0b110_100_100);   // 644
        File.Delete(trail);
        File.CreateSymbolicLink(trail, victim);

        var result = BuildFailsAndChangesNothing(workspace, project, "SECB553");

        Assert.Equal("someone else's file\n", File.ReadAllText(victim));
        Assert.Equal((UnixFileMode)0b110_100_100, File.GetUnixFileMode(victim));
    }

    [Fact]
    public void A_key_folder_that_links_into_the_workspace_is_SECB256()
    {
        var (workspace, project) = ProvisionedTemplate.For(package).Copy("linked-keys");
        var inside = Directory.CreateDirectory(Path.Combine(workspace.Directory, "keys-in-repo")).FullName;
        var link = Path.Combine(workspace.ConfigHome, "keys-link");
        Directory.CreateSymbolicLink(link, inside);
        workspace.Environment["SECRETS_BUILD_KEY_DIR"] = link;

        BuildFailsAndChangesNothing(workspace, project, "SECB256");

        Assert.Empty(Directory.GetFileSystemEntries(inside));
    }

    [RootFact]
    public void A_secrets_folder_of_another_user_is_SECB560_not_an_access_exception()
    {
        var (workspace, project) = ProvisionedTemplate.For(package).Copy("foreign-secrets");
        var secrets = Path.Combine(workspace.Directory, "secrets");
        Run("chown", "-R", "4321", secrets);

        var result = BuildFailsAndChangesNothing(workspace, project, "SECB560");

        Assert.Contains("uid 4321", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("UnauthorizedAccessException", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_build_with_an_existing_open_key_folder_warns_SECB253_and_creates_its_key_there()
    {
        var workspace = new TestWorkspace(package, "open-key-folder");
        workspace.WriteSchema();
        var project = workspace.AddProject("App");
        Directory.CreateDirectory(workspace.KeyDirectory);
        File.SetUnixFileMode(workspace.KeyDirectory, (UnixFileMode)0b111_101_101);   // 755

        var result = workspace.Build(project);

        LifecycleAssert.Succeeded(result);
        Assert.Contains("warning SECB253", result.Output, StringComparison.Ordinal);
        Assert.Contains($"chmod 700 '{workspace.KeyDirectory}'", result.Output, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(workspace.KeyDirectory, "*.key"));
    }

    /// <summary>A build made to provision again (the schema is touched) fails with <paramref name="code"/> and leaves every file as it was.</summary>
    private static CommandResult BuildFailsAndChangesNothing(TestWorkspace workspace, string project, string code)
    {
        File.SetLastWriteTimeUtc(Path.Combine(workspace.Directory, "secrets.schema.json"), DateTime.UtcNow);
        var before = workspace.Snapshot();

        var result = workspace.Build(project);

        LifecycleAssert.FailedWith(result, code);
        Assert.Equal(before, workspace.Snapshot());
        return result;
    }

    private static void Run(string fileName, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(fileName, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
    }
}

/// <summary>A fact that needs root (to give a folder to another user); skipped with that reason elsewhere.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (OperatingSystem.IsWindows() || FileOwner.CurrentUser() != 0)
        {
            Skip = "Giving a folder to another user (chown) needs root; CI runs these tests as root.";
        }
    }
}
