using System.Security.Cryptography;
using Secrets.Build.Core.Audit;
using Secrets.Build.Core.CheckTrust;
using Secrets.Build.Core.Crypto.Age;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Provisioning;
using Secrets.Build.Core.Recipients;
using Secrets.Build.Core.Rotation;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Trust;
using Secrets.Build.Core.VerifyAudit;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Tests.Trust;

/// <summary>
/// The checks every open makes against this machine's trust record, on real workspaces through
/// <see cref="SecretsManager"/>: each refusal has its own code and leaves every file as it was.
/// </summary>
public sealed class TrustCheckTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();
    private readonly SecretsManager _manager = new();

    public void Dispose() => _workspace.Dispose();

    private StorePaths Paths => StorePaths.ForWorkspace(_workspace.Workspace, "development");

    private string TrailPath => AuditTrail.PathFor(Paths.SecretsDirectory, "development");

    private string TrustFolderPath => Path.Combine(_workspace.KeyDirectory, "trust");

    /// <summary>This machine's record of the workspace's store.</summary>
    private string StoreRecordPath => Path.Combine(TrustFolderPath, $"{SecretStore.ReadHeader(Paths).StoreId}.development.json");

    /// <summary>This machine's record of the store the workspace uses: the one workspace file there is.</summary>
    private string WorkspaceRecordPath => Assert.Single(Directory.GetFiles(TrustFolderPath, "workspace-*.development.json"));

    [Fact]
    public void Every_save_raises_the_generation_and_the_trust_record_follows_it_mode_600()
    {
        Ok(Provision());
        Assert.Equal(1, Generation());
        Rotate();

        Assert.Equal(2, Generation());
        var storeId = SecretStore.ReadHeader(Paths).StoreId;
        using (var record = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(StoreRecordPath)))
        {
            Assert.Equal(storeId, record.RootElement.GetProperty("storeId").GetString());
            Assert.Equal(2, record.RootElement.GetProperty("generation").GetInt32());
        }

        using (var record = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(WorkspaceRecordPath)))
        {
            Assert.Equal(_workspace.Workspace, record.RootElement.GetProperty("path").GetString());
            Assert.Equal(storeId, record.RootElement.GetProperty("storeId").GetString());
        }

        // The store's record and the workspace's, nothing else (the lock aside).
        Assert.Equal([StoreRecordPath, WorkspaceRecordPath], Directory.GetFiles(TrustFolderPath, "*.json").Order(StringComparer.Ordinal));
        if (Secrets.Build.Core.IO.FileModes.IsSupported)
        {
            Assert.Equal(Secrets.Build.Core.IO.FileModes.PrivateDirectory, File.GetUnixFileMode(TrustFolderPath));
            Assert.Equal(Secrets.Build.Core.IO.FileModes.PrivateFile, File.GetUnixFileMode(StoreRecordPath));
            Assert.Equal(Secrets.Build.Core.IO.FileModes.PrivateFile, File.GetUnixFileMode(WorkspaceRecordPath));
        }
    }

    [Fact]
    public void An_older_store_put_back_is_refused_with_both_generations_and_changes_nothing()
    {
        Ok(Provision());
        var old = CopyStore();
        Rotate();
        PutBack(old);
        var before = _workspace.Snapshot();

        var result = Provision();

        var error = SingleError(result, DiagnosticCodes.StoreRolledBack);
        Assert.Contains("generation 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("generation 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("SecretsAcceptRollback=development", error.Fix, StringComparison.Ordinal);
        AssertUnchanged(before);
    }

    [Fact]
    public void An_accepted_rollback_is_a_warning_an_audit_event_and_the_new_baseline()
    {
        Ok(Provision());
        var old = CopyStore();
        Rotate();
        PutBack(old);

        var accepted = Ok(Provision(new TrustOptions { AcceptRollback = "Development" }));

        Assert.Contains(accepted.Diagnostics, d => d.Code == DiagnosticCodes.RollbackAccepted && d.Severity == SecretsSeverity.Warning);
        Assert.Contains(AuditTestKit.ReadLines(TrailPath), line => line.Contains("\"event\":\"rollback-accepted\"", StringComparison.Ordinal) && line.Contains("SECB700", StringComparison.Ordinal));
        // Later builds compare against the accepted store.
        Ok(Provision());
    }

    [Fact]
    public void Accepting_needs_the_environment_name_typed_again()
    {
        Ok(Provision());
        var old = CopyStore();
        Rotate();
        PutBack(old);

        SingleError(Provision(new TrustOptions { AcceptRollback = "true" }), DiagnosticCodes.StoreRolledBack);
    }

    [Fact]
    public void A_store_with_another_id_in_the_same_workspace_is_refused()
    {
        Ok(Provision());
        var other = new TempWorkspace();
        try
        {
            // Another store, made with a key in the same key folder, so this machine can open it.
            Ok(_manager.Provision(new ProvisionOptions { SchemaPath = other.SchemaPath, KeyDirectory = _workspace.KeyDirectory, EnvironmentVariables = new Dictionary<string, string>() }));
            var otherPaths = StorePaths.ForWorkspace(other.Workspace, "development");
            File.Copy(otherPaths.StorePath, Paths.StorePath, overwrite: true);
            File.Copy(otherPaths.MetadataPath, Paths.MetadataPath, overwrite: true);
        }
        finally
        {
            other.Dispose();
        }

        var before = _workspace.Snapshot();
        var error = SingleError(Provision(), DiagnosticCodes.StoreReplaced);

        Assert.Contains("SecretsAcceptRollback=development", error.Fix, StringComparison.Ordinal);
        AssertUnchanged(before);
    }

    [Fact]
    public void A_store_made_for_this_machine_s_identity_is_refused_when_the_key_file_for_its_id_opens_none_of_its_entries()
    {
        using var identity = AgeIdentity.Generate("laptop");
        Ok(Provision());
        var recipient = _manager.AddRecipient(new RecipientOptions
        {
            WorkspacePath = _workspace.Workspace,
            Recipient = identity.Recipient.Text,
            KeyDirectory = _workspace.KeyDirectory,
            EnvironmentVariables = new Dictionary<string, string>(),
        });
        Assert.True(recipient.Succeeded, string.Join("\n", recipient.Diagnostics));

        // Made from public data only: the recipient and the store id.
        var storeId = SecretStore.ReadHeader(Paths).StoreId;
        File.Delete(Paths.StorePath);
        File.Delete(Paths.MetadataPath);
        using (var forged = SecretStore.Create(Paths, new RecipientKey(identity.Recipient), storeId))
        {
            forged.Set("POSTGRES_PASSWORD", "attacker-chosen", SecretSource.Generated, DateTimeOffset.UtcNow, null);
            forged.Save();
        }

        var before = _workspace.Snapshot();
        var result = Provision(variables: new Dictionary<string, string> { ["SECRETS_BUILD_IDENTITY_DEVELOPMENT"] = identity.ToSecretText() });

        var error = SingleError(result, DiagnosticCodes.KeyFileMatchesNoEntry);
        Assert.Contains(".development.key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker-chosen", string.Join("\n", result.Diagnostics), StringComparison.Ordinal);
        AssertUnchanged(before);
    }

    [Fact]
    public void A_vanished_store_is_refused_naming_its_id_and_generation_and_no_new_store_or_key_is_made()
    {
        Ok(Provision());
        Rotate();
        var storeId = SecretStore.ReadHeader(Paths).StoreId;
        File.Delete(Paths.StorePath);
        File.Delete(Paths.MetadataPath);
        var before = _workspace.Snapshot();

        var error = SingleError(Provision(), DiagnosticCodes.StoreVanished);

        Assert.Contains(storeId, error.Message, StringComparison.Ordinal);
        Assert.Contains("generation 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("SecretsConfirmRegenerate=development", error.Fix, StringComparison.Ordinal);
        AssertUnchanged(before);
    }

    [Fact]
    public void A_vanished_store_is_refused_on_a_machine_without_a_record_when_its_trail_remains()
    {
        Ok(Provision());
        File.Delete(Paths.StorePath);
        File.Delete(Paths.MetadataPath);
        var before = _workspace.Snapshot();

        var elsewhere = Path.Combine(_workspace.Root, "fresh-keys");
        var error = SingleError(Provision(keyDirectory: elsewhere), DiagnosticCodes.StoreVanished);

        Assert.Contains(TrailPath, error.Message, StringComparison.Ordinal);
        AssertUnchanged(before);
    }

    [Fact]
    public void A_confirmed_regeneration_starts_over_and_later_builds_accept_the_new_store()
    {
        Ok(Provision());
        var oldId = SecretStore.ReadHeader(Paths).StoreId;

        var regenerated = _manager.Regenerate(new RegenerateOptions { Provision = ProvisionOptions(), Confirm = "development" });

        Assert.True(regenerated.Succeeded, string.Join("\n", regenerated.Diagnostics));
        Assert.NotEqual(oldId, SecretStore.ReadHeader(Paths).StoreId);
        Ok(Provision());
    }

    [Fact]
    public void A_trail_cut_short_stops_the_build_before_anything_is_written()
    {
        Ok(Provision());
        Ok(Provision());
        AuditTestKit.EditLines(TrailPath, lines => lines.Take(lines.Count - 1));
        var before = _workspace.Snapshot();

        SingleError(Provision(), DiagnosticCodes.AuditTrailTruncated);
        AssertUnchanged(before);
    }

    [Fact]
    public void The_compliance_audit_check_fails_a_trail_cut_short_with_its_code()
    {
        Ok(Provision());
        Ok(Provision());
        AuditTestKit.EditLines(TrailPath, lines => lines.Take(lines.Count - 1));

        var report = _manager.GenerateComplianceReport(new Secrets.Build.Core.Compliance.ReportOptions
        {
            SchemaPath = _workspace.SchemaPath,
            KeyDirectory = _workspace.KeyDirectory,
            EnvironmentVariables = new Dictionary<string, string>(),
        });

        var check = Assert.Single(report.Checks, c => c.Id == DiagnosticCodes.ComplianceAuditChain);
        Assert.Equal(Secrets.Build.Core.Compliance.ComplianceStatus.Fail, check.Status);
        Assert.StartsWith(DiagnosticCodes.AuditTrailTruncated, check.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deleted_trail_stops_the_build()
    {
        Ok(Provision());
        File.Delete(TrailPath);
        var before = _workspace.Snapshot();

        SingleError(Provision(), DiagnosticCodes.AuditTrailDeleted);
        AssertUnchanged(before);
    }

    [Fact]
    public void A_trail_re_signed_by_someone_holding_the_data_key_is_a_replaced_trail()
    {
        Ok(Provision());
        Ok(Provision());
        var lines = AuditTestKit.ReadLines(TrailPath).Length;
        AuditTestKit.EditLines(TrailPath, all => all.Take(all.Count - 1));
        using (var store = SecretStore.Open(Paths, Key()))
        {
            var chainKey = store.DeriveAuditChainKey();
            using var trail = new AuditTrail(TrailPath, chainKey);
            trail.Append(AuditEvent.Now(AuditEventKind.Report, "forger"));
        }

        Assert.Equal(lines, AuditTestKit.ReadLines(TrailPath).Length);
        SingleError(Provision(), DiagnosticCodes.AuditTrailReplaced);
    }

    [Fact]
    public void A_trail_chained_under_the_data_key_keeps_verifying_and_the_switch_to_this_machine_s_key_is_a_chained_event()
    {
        Ok(Provision());
        // What an older version left: a trail chained under the data key's chain key, no secret, no record.
        File.Delete(TrailPath);
        Directory.Delete(TrustFolderPath, recursive: true);
        File.Delete(Path.Combine(_workspace.KeyDirectory, "audit-chain.secret"));
        using (var store = SecretStore.Open(Paths, Key()))
        {
            StoreAuditChain.Append(store, [AuditEvent.Now(AuditEventKind.Accessed, "older-version"), AuditEvent.Now(AuditEventKind.Exported, "older-version")]);
        }

        Ok(Provision());
        Ok(Provision(new TrustOptions(), variables: null));

        var lines = AuditTestKit.ReadLines(TrailPath);
        Assert.Single(lines, l => l.Contains("\"event\":\"chain-key-changed\"", StringComparison.Ordinal));
        Assert.Contains("chain-key-changed", lines[2], StringComparison.Ordinal);
        var verified = _manager.VerifyAudit(new VerifyAuditOptions { WorkspacePath = _workspace.Workspace, KeyDirectory = _workspace.KeyDirectory, EnvironmentVariables = new Dictionary<string, string>() });
        Assert.True(verified.Succeeded, string.Join("\n", verified.Diagnostics));
        Assert.Equal(lines.Length, verified.EntriesVerified);
    }

    [Fact]
    public void A_pinned_minimum_generation_refuses_an_older_store_and_a_bad_pin_is_its_own_error()
    {
        Ok(Provision());

        SingleError(Provision(new TrustOptions { MinimumGeneration = "2" }), DiagnosticCodes.BelowMinimumGeneration);
        SingleError(Provision(variables: new() { ["SECRETS_BUILD_MIN_GENERATION_DEVELOPMENT"] = "3" }), DiagnosticCodes.BelowMinimumGeneration);
        SingleError(Provision(variables: new() { ["SECRETS_BUILD_MIN_GENERATION_DEVELOPMENT"] = "two" }), DiagnosticCodes.InvalidMinimumGeneration);
        SingleError(Provision(new TrustOptions { MinimumGeneration = "0" }), DiagnosticCodes.InvalidMinimumGeneration);
        Ok(Provision(new TrustOptions { MinimumGeneration = "1" }));
    }

    [Fact]
    public void A_pinned_minimum_refuses_to_make_a_new_store()
    {
        SingleError(Provision(new TrustOptions { MinimumGeneration = "4" }), DiagnosticCodes.BelowMinimumGeneration);

        Assert.False(File.Exists(Paths.StorePath));
    }

    [Fact]
    public void A_new_store_inside_a_git_work_tree_warns_once_that_it_must_be_committed()
    {
        Directory.CreateDirectory(Path.Combine(_workspace.Workspace, ".git"));

        var first = Provision();
        var second = Provision();

        var warning = Assert.Single(first.Diagnostics, d => d.Code == DiagnosticCodes.StoreNotCommitted);
        Assert.Equal(SecretsSeverity.Warning, warning.Severity);
        Assert.Contains("git add secrets/.env.development.json secrets/.env.development.metadata", warning.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain(second.Diagnostics, d => d.Code == DiagnosticCodes.StoreNotCommitted);
    }

    [Fact]
    public void A_new_store_that_git_ignores_gets_no_warning()
    {
        var init = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", ["init", "-q", _workspace.Workspace]) { UseShellExecute = false })!;
        init.WaitForExit();
        Assert.Equal(0, init.ExitCode);
        File.WriteAllText(_workspace.Path_(".gitignore"), "secrets/\n");

        var result = Ok(Provision());

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.StoreNotCommitted);
    }

    [Theory]
    [InlineData("store")]
    [InlineData("workspace")]
    public void A_damaged_trust_record_is_its_own_error_naming_the_file(string record)
    {
        Ok(Provision());
        var path = record == "store" ? StoreRecordPath : WorkspaceRecordPath;
        File.WriteAllText(path, "{ not json");

        var error = SingleError(Provision(), DiagnosticCodes.TrustRecordDamaged);

        Assert.Equal(path, error.Location!.File);
    }

    [Fact]
    public void Another_store_s_record_copied_under_this_store_s_name_is_a_damaged_record()
    {
        Ok(Provision());
        var forged = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(StoreRecordPath))!;
        forged["storeId"] = SecretStore.NewStoreId();
        File.WriteAllText(StoreRecordPath, forged.ToJsonString());

        var error = SingleError(Provision(), DiagnosticCodes.TrustRecordDamaged);

        Assert.Equal(StoreRecordPath, error.Location!.File);
        Assert.Contains("copied under another name", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("store")]
    [InlineData("workspace")]
    public void An_empty_trust_record_what_a_power_cut_can_leave_counts_as_none_and_is_written_again(string record)
    {
        Ok(Provision());
        var path = record == "store" ? StoreRecordPath : WorkspaceRecordPath;
        File.WriteAllBytes(path, []);

        Ok(Provision());

        Assert.Contains(SecretStore.ReadHeader(Paths).StoreId, File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_build_of_a_known_workspace_touches_no_other_record_however_many_there_are()
    {
        Ok(Provision());
        var others = FakeRecords(200, workspaceExists: true);
        var before = others.ToDictionary(f => f, f => (Convert.ToHexString(File.ReadAllBytes(f)), File.GetLastWriteTimeUtc(f)));

        Rotate();
        Ok(Provision());

        Assert.All(before, b => Assert.Equal(b.Value, (Convert.ToHexString(File.ReadAllBytes(b.Key)), File.GetLastWriteTimeUtc(b.Key))));
        Assert.Equal(2, Generation());
    }

    [Fact]
    public void A_new_workspace_forgets_the_workspaces_whose_folder_is_gone_and_the_stores_no_one_uses()
    {
        Ok(Provision());
        var own = new[] { StoreRecordPath, WorkspaceRecordPath };
        var kept = FakeRecords(3, workspaceExists: true);
        var gone = FakeRecords(3, workspaceExists: false);
        // This workspace recorded for the first time again (a new clone at this path).
        File.Delete(own[1]);

        Ok(Provision());

        Assert.All([.. own, .. kept], f => Assert.True(File.Exists(f), f));
        Assert.All(gone, f => Assert.False(File.Exists(f), f));
        Assert.Equal(2 + kept.Count, Directory.GetFiles(TrustFolderPath, "*.json").Length);
    }

    /// <summary>
    /// Records of other workspaces and their stores, as other clones on this machine leave them: a
    /// workspace record and its store's record each; the workspace folders exist or are gone.
    /// </summary>
    private List<string> FakeRecords(int count, bool workspaceExists)
    {
        var files = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var workspace = Path.Combine(_workspace.Root, $"other-{workspaceExists}-{i}");
            if (workspaceExists)
            {
                Directory.CreateDirectory(workspace);
            }

            var storeId = SecretStore.NewStoreId();
            var now = DateTimeOffset.UtcNow;
            TrustFolder.Write(TrustFolderPath, new StoreTrust(storeId, "development", 3, now, ["raw abc"], null, now));
            TrustFolder.Write(TrustFolderPath, new WorkspaceTrust(workspace, "development", storeId, now));
            files.Add(TrustFolder.StorePath(TrustFolderPath, storeId, "development"));
            files.Add(TrustFolder.WorkspacePath(TrustFolderPath, workspace, "development"));
        }

        return files;
    }

    [Fact]
    public void Without_a_key_folder_nothing_is_recorded_and_no_folder_is_made()
    {
        var key = KeyText.Format(RandomNumberGenerator.GetBytes(32));
        var serverKeys = Path.Combine(_workspace.Root, "server-keys");

        Ok(Provision(keyDirectory: serverKeys, variables: new() { ["SECRETS_BUILD_KEY_DEVELOPMENT"] = key }));

        Assert.False(Directory.Exists(serverKeys));
    }

    [Fact]
    public void The_keyless_check_gives_the_generation_and_refuses_a_rollback_without_writing()
    {
        Ok(Provision());
        var old = CopyStore();
        Rotate();
        var current = _manager.CheckTrust(CheckTrustOptions());
        PutBack(old);
        var before = _workspace.Snapshot();
        var trustBefore = Directory.GetFiles(TrustFolderPath).ToDictionary(f => f, File.ReadAllBytes);

        var refused = _manager.CheckTrust(CheckTrustOptions());
        var accepted = _manager.CheckTrust(CheckTrustOptions(new TrustOptions { AcceptRollback = "development" }));

        Assert.True(current.Succeeded);
        Assert.Equal((2, 2, TrustFolderPath), (current.Generation, current.LastSeenGeneration, current.RecordPath));
        Assert.Equal(1, refused.Generation);
        Assert.Equal(DiagnosticCodes.StoreRolledBack, Assert.Single(refused.Diagnostics, d => d.Severity == SecretsSeverity.Error).Code);
        Assert.True(accepted.Succeeded);
        Assert.Contains(accepted.Diagnostics, d => d.Code == DiagnosticCodes.RollbackAccepted && d.Severity == SecretsSeverity.Warning);
        AssertUnchanged(before);
        Assert.Equal(trustBefore, Directory.GetFiles(TrustFolderPath).ToDictionary(f => f, File.ReadAllBytes));
    }

    [Fact]
    public void The_keyless_check_refuses_a_store_below_the_pinned_minimum()
    {
        Ok(Provision());

        var result = _manager.CheckTrust(CheckTrustOptions(new TrustOptions { MinimumGeneration = "5" }));

        Assert.Equal(DiagnosticCodes.BelowMinimumGeneration, Assert.Single(result.Diagnostics, d => d.Severity == SecretsSeverity.Error).Code);
    }

    private CheckTrustOptions CheckTrustOptions(TrustOptions? trust = null) => new()
    {
        SchemaPath = _workspace.SchemaPath,
        KeyDirectory = _workspace.KeyDirectory,
        EnvironmentVariables = new Dictionary<string, string>(),
        Trust = trust ?? TrustOptions.None,
    };

    private ProvisionOptions ProvisionOptions(TrustOptions? trust = null, string? keyDirectory = null, Dictionary<string, string>? variables = null) => new()
    {
        SchemaPath = _workspace.SchemaPath,
        KeyDirectory = keyDirectory ?? _workspace.KeyDirectory,
        EnvironmentVariables = variables ?? new Dictionary<string, string>(),
        Trust = trust ?? TrustOptions.None,
    };

    private ProvisionResult Provision(TrustOptions? trust = null, string? keyDirectory = null, Dictionary<string, string>? variables = null) =>
        _manager.Provision(ProvisionOptions(trust, keyDirectory, variables));

    private void Rotate()
    {
        var rotated = _manager.RotateSecrets(new RotateOptions
        {
            SchemaPath = _workspace.SchemaPath,
            KeyDirectory = _workspace.KeyDirectory,
            EnvironmentVariables = new Dictionary<string, string>(),
            Selectors = ["POSTGRES_PASSWORD"],
        });
        Assert.True(rotated.Succeeded, string.Join("\n", rotated.Diagnostics));
    }

    private static ProvisionResult Ok(ProvisionResult result)
    {
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result;
    }

    private static SecretsDiagnostic SingleError(ProvisionResult result, string code)
    {
        var error = Assert.Single(result.Diagnostics, d => d.Severity == SecretsSeverity.Error);
        Assert.True(code == error.Code, error.ToString());
        Assert.False(string.IsNullOrWhiteSpace(error.Fix));
        return error;
    }

    private int Generation()
    {
        using var store = SecretStore.Open(Paths, Key());
        return store.Generation;
    }

    private KeyMaterial Key() =>
        new KeyLocator("development", SecretStore.ReadHeader(Paths).StoreId, new Dictionary<string, string>(), _workspace.KeyDirectory, _workspace.Workspace).Resolve().Key!;

    private (byte[] Store, byte[] Metadata) CopyStore() => (File.ReadAllBytes(Paths.StorePath), File.ReadAllBytes(Paths.MetadataPath));

    private void PutBack((byte[] Store, byte[] Metadata) copy)
    {
        File.WriteAllBytes(Paths.StorePath, copy.Store);
        File.WriteAllBytes(Paths.MetadataPath, copy.Metadata);
    }

    private void AssertUnchanged(Dictionary<string, byte[]> before)
    {
        var after = _workspace.Snapshot();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, file => Assert.True(file.Value.AsSpan().SequenceEqual(after[file.Key]), $"{file.Key} changed"));
    }
}
