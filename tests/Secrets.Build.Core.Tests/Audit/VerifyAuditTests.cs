using System.Security.Cryptography;
using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.KeyRotation;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Provisioning;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.VerifyAudit;

namespace Secrets.Build.Core.Tests.Audit;

/// <summary><see cref="SecretsManager.VerifyAudit"/> on real workspaces: what it verifies, what it reports, and that it writes nothing.</summary>
public sealed class VerifyAuditTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();
    private readonly SecretsManager _manager = new();
    public void Dispose() => _workspace.Dispose();

    private string TrailPath => _workspace.Path_("secrets/.env.development.audit.jsonl");

    private StorePaths Paths => StorePaths.ForWorkspace(_workspace.Workspace, "development");

    [Fact]
    public void An_intact_trail_verifies_every_line_and_nothing_in_the_workspace_changes()
    {
        Provision();
        Provision();
        var lines = AuditTestKit.ReadLines(TrailPath).Length;
        var before = _workspace.Snapshot();

        var result = _manager.VerifyAudit(Options());

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.Null(result.Break);
        Assert.Equal(lines, result.EntriesVerified);
        Assert.Equal(lines, result.Head.Sequence);
        Assert.Equal([TrailPath], result.Files.ToArray());
        Assert.Empty(result.RolledOverFiles);
        Assert.Equal("development", result.Environment);
        // No "report" line, no store save, no output: the trail and everything else are byte for byte the same.
        Assert.Equal(before.Keys.Order(), _workspace.Snapshot().Keys.Order());
        Assert.All(before, file => Assert.Equal(file.Value, File.ReadAllBytes(file.Key)));
    }

    [Fact]
    public void An_edited_line_is_the_break_with_its_code_file_and_line()
    {
        Provision();
        Provision();
        AuditTestKit.EditLines(TrailPath, lines =>
        {
            lines[2] = lines[2].Replace("\"actor\":\"", "\"actor\":\"x", StringComparison.Ordinal);
            return lines;
        });

        var result = _manager.VerifyAudit(Options());

        Assert.False(result.Succeeded);
        var broken = Assert.IsType<SecretsDiagnostic>(result.Break);
        Assert.Equal(DiagnosticCodes.AuditLineTampered, broken.Code);
        Assert.Equal(TrailPath, broken.Location!.File);
        Assert.Equal(3, broken.Location.Line);
        Assert.Equal(2, result.EntriesVerified);
        Assert.Equal(broken, Assert.Single(result.Diagnostics));
    }

    [Fact]
    public void Lines_written_before_a_key_rotation_verify_with_the_retired_chain_key()
    {
        Provision();
        var rotated = _manager.RotateKey(new RotateKeyOptions
        {
            SchemaPath = _workspace.SchemaPath,
            KeyDirectory = _workspace.KeyDirectory,
            EnvironmentVariables = new Dictionary<string, string>(),
        });
        Assert.True(rotated.Succeeded, string.Join("\n", rotated.Diagnostics));
        var linesBefore = AuditTestKit.ReadLines(TrailPath).Length;

        var result = _manager.VerifyAudit(Options());

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(linesBefore, result.EntriesVerified);
    }

    [Fact]
    public void Rolled_over_files_are_verified_and_listed_oldest_first()
    {
        Provision();
        using (var store = SecretStore.Open(Paths, Key()))
        {
            var chainKey = store.DeriveAuditChainKey();
            // A tiny size limit makes every append roll the trail over.
            var trail = new AuditTrail(TrailPath, chainKey, new AuditTrailOptions { MaxFileBytes = 1 });
            trail.Append(AuditTestKit.Event(1));
            trail.Append(AuditTestKit.Event(2));
        }

        var result = _manager.VerifyAudit(Options());

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(
            [_workspace.Path_("secrets/.env.development.audit.1.jsonl"), _workspace.Path_("secrets/.env.development.audit.2.jsonl")],
            result.RolledOverFiles.ToArray());
        Assert.Equal([.. result.RolledOverFiles, TrailPath], result.Files.ToArray());

        File.Delete(result.RolledOverFiles[0]);
        var missing = _manager.VerifyAudit(Options());
        Assert.Equal(DiagnosticCodes.AuditRolledFileMissing, missing.Break?.Code);
    }

    [Fact]
    public void A_recorded_head_catches_newest_lines_cut_off()
    {
        Provision();
        var head = (_manager.VerifyAudit(Options())).Head;
        Provision();
        AuditTestKit.EditLines(TrailPath, lines => lines.Take(lines.Count - 2));

        var unanchored = _manager.VerifyAudit(OnAnotherMachine());
        var anchored = _manager.VerifyAudit(Options() with { ExpectedHead = head with { Sequence = head.Sequence + 1 } });
        var recorded = _manager.VerifyAudit(Options());

        Assert.True(unanchored.Succeeded, "A cut at the end is invisible to the chain alone.");
        Assert.Equal(DiagnosticCodes.AuditHeadMismatch, anchored.Break?.Code);
        // The machine that wrote the lines recorded the head in its trust record.
        Assert.Equal(DiagnosticCodes.AuditTrailTruncated, recorded.Break?.Code);
    }

    [Fact]
    public void Without_a_store_there_is_nothing_to_verify_with_and_nothing_is_created()
    {
        var result = _manager.VerifyAudit(Options());

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.AuditNoStore, error.Code);
        Assert.Equal(Paths.StorePath, error.Location!.File);
        Assert.False(Directory.Exists(_workspace.Path_("secrets")));
    }

    [Fact]
    public void A_wrong_key_is_an_error_that_touches_nothing()
    {
        Provision();
        var before = _workspace.Snapshot();
        var wrong = KeyText.Format(RandomNumberGenerator.GetBytes(32));

        var result = _manager.VerifyAudit(Options(wrong));

        Assert.Equal(DiagnosticCodes.WrongKey, Assert.Single(result.Diagnostics, d => d.Severity == SecretsSeverity.Error).Code);
        Assert.Null(result.Break);
        Assert.Equal((TrailPath, 0L), (result.TrailPath, result.EntriesVerified));
        Assert.DoesNotContain(wrong, string.Join("\n", result.Diagnostics), StringComparison.Ordinal);
        Assert.All(before, file => Assert.Equal(file.Value, File.ReadAllBytes(file.Key)));
    }

    [Fact]
    public void A_store_without_its_trail_is_a_warning_where_no_head_was_recorded_and_an_error_where_one_was()
    {
        Provision();
        File.Delete(TrailPath);

        var result = _manager.VerifyAudit(OnAnotherMachine());
        var here = _manager.VerifyAudit(Options());

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.AuditTrailMissing, SecretsSeverity.Warning), (warning.Code, warning.Severity));
        Assert.Equal(0, result.EntriesVerified);
        Assert.False(here.Succeeded);
        Assert.Equal(DiagnosticCodes.AuditTrailDeleted, Assert.Single(here.Diagnostics, d => d.Severity == SecretsSeverity.Error).Code);
    }

    [Fact]
    public void A_failed_build_with_a_wrong_key_leaves_the_trail_byte_for_byte_unchanged_and_verifiable()
    {
        Provision();
        var trail = File.ReadAllBytes(TrailPath);
        var head = (_manager.VerifyAudit(Options())).Head;
        var wrong = KeyText.Format(RandomNumberGenerator.GetBytes(32));

        var failed = _manager.Provision(new ProvisionOptions
        {
            SchemaPath = _workspace.SchemaPath,
            KeyDirectory = _workspace.KeyDirectory,
            EnvironmentVariables = new Dictionary<string, string> { ["SECRETS_BUILD_KEY_DEVELOPMENT"] = wrong },
        });

        Assert.Equal(DiagnosticCodes.WrongKey, Assert.Single(failed.Diagnostics, d => d.Severity == SecretsSeverity.Error).Code);
        // No "failure" line: without the store's key there is no chain key to MAC it (see Audit/README.md).
        Assert.Equal(trail, File.ReadAllBytes(TrailPath));
        var verified = _manager.VerifyAudit(Options() with { ExpectedHead = head });
        Assert.True(verified.Succeeded, string.Join("\n", verified.Diagnostics));
        Assert.Equal(head, verified.Head);
    }

    /// <summary>The key file provisioning created, or <paramref name="key"/> in the key variable.</summary>
    private VerifyAuditOptions Options(string? key = null) => new()
    {
        WorkspacePath = _workspace.Workspace,
        KeyDirectory = _workspace.KeyDirectory,
        EnvironmentVariables = key is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["SECRETS_BUILD_KEY_DEVELOPMENT"] = key },
    };

    /// <summary>The key folder copied without this machine's trust record (key file and audit chain secret only).</summary>
    private VerifyAuditOptions OnAnotherMachine()
    {
        var keys = Path.Combine(_workspace.Root, "other-machine-keys");
        Secrets.Build.Core.IO.FileModes.EnsurePrivateDirectory(keys);
        foreach (var keyFile in Directory.GetFiles(_workspace.KeyDirectory, "*.key").Append(Path.Combine(_workspace.KeyDirectory, "audit-chain.secret")))
        {
            File.Copy(keyFile, Path.Combine(keys, Path.GetFileName(keyFile)), overwrite: true);
        }

        return Options() with { KeyDirectory = keys };
    }

    private KeyMaterial Key() =>
        new KeyLocator("development", SecretStore.ReadHeader(Paths).StoreId, new Dictionary<string, string>(), _workspace.KeyDirectory, _workspace.Workspace).Resolve().Key!;

    private void Provision()
    {
        var result = _manager.Provision(new ProvisionOptions
        {
            SchemaPath = _workspace.SchemaPath,
            KeyDirectory = _workspace.KeyDirectory,
            EnvironmentVariables = new Dictionary<string, string>(),
        });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }
}
