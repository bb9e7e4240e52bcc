using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Maintenance;

namespace Secrets.Build.Core.Tests.Hardening.Maintenance;

/// <summary>The reference's "Permission Denied" fix: wrong modes are reported with their chmod, and repaired.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PermissionTests : IDisposable
{
    private const UnixFileMode Mode644 = (UnixFileMode)0b110_100_100;
    private const UnixFileMode Mode755 = (UnixFileMode)0b111_101_101;
    private const UnixFileMode Mode400 = (UnixFileMode)0b100_000_000;

    private readonly HardeningWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [UnixFact]
    public void A_freshly_provisioned_workspace_is_clean()
    {
        _workspace.Provision();

        var report = new SecretsManager().CheckPermissions(_workspace.PermissionOptions());

        Assert.True(report.IsClean, string.Join("\n", report.Diagnostics));
        Assert.Contains(_workspace.SecretsDirectory, report.Checked);
        Assert.Contains(_workspace.PathOf("secrets/.env.development.json"), report.Checked);
        Assert.Contains(_workspace.PathOf(".env.development"), report.Checked);
        Assert.Contains(report.Checked, p => p.EndsWith(".development.key", StringComparison.Ordinal));
    }

    [UnixFact]
    public void Every_wrong_mode_is_reported_with_its_chmod_and_nothing_changes()
    {
        _workspace.Provision();
        var wrong = Loosen();

        var report = new SecretsManager().CheckPermissions(_workspace.PermissionOptions());

        Assert.False(report.IsClean);
        Assert.Empty(report.Repaired);
        foreach (var (path, mode) in wrong)
        {
            var diagnostic = Assert.Single(report.Diagnostics, d => d.Location?.File == path);
            var directory = Directory.Exists(path);
            Assert.Equal(directory ? DiagnosticCodes.DirectoryModeWrong : DiagnosticCodes.FileModeWrong, diagnostic.Code);
            Assert.Contains($"chmod {(directory ? "700" : "600")} '{path}'", diagnostic.Fix);
            Assert.Contains(FileModes.ToOctal(mode), diagnostic.Message);
            Assert.Equal(mode, File.GetUnixFileMode(path));
        }

        Assert.Equal(wrong.Count, report.Diagnostics.Length);
    }

    [UnixFact]
    public void Repair_sets_600_and_700_and_a_second_check_is_clean()
    {
        _workspace.Provision();
        var wrong = Loosen();
        var manager = new SecretsManager();

        var repair = manager.RepairPermissions(_workspace.PermissionOptions());
        var check = manager.CheckPermissions(_workspace.PermissionOptions());

        Assert.True(repair.IsClean, string.Join("\n", repair.Diagnostics));
        Assert.Equal(wrong.Keys.Order(), repair.Repaired.Order());
        Assert.True(check.IsClean, string.Join("\n", check.Diagnostics));
        foreach (var path in wrong.Keys)
        {
            Assert.Equal(Directory.Exists(path) ? FileModes.PrivateDirectory : FileModes.PrivateFile, File.GetUnixFileMode(path));
        }

        // The repaired workspace still provisions, with the same values.
        var before = _workspace.EnvValues();
        _workspace.Provision();
        Assert.Equal(before, _workspace.EnvValues());
    }

    [UnixFact]
    public void A_symbolic_link_is_reported_and_its_target_left_alone()
    {
        _workspace.Provision();
        var outside = Path.Combine(_workspace.Root, "outside.txt");
        File.WriteAllText(outside, "not ours");
        File.SetUnixFileMode(outside, Mode644);
        var link = Path.Combine(_workspace.SecretsDirectory, "link.json");
        File.CreateSymbolicLink(link, outside);

        var report = new SecretsManager().RepairPermissions(_workspace.PermissionOptions());

        var diagnostic = Assert.Single(report.Diagnostics);
        Assert.Equal(DiagnosticCodes.SymbolicLinkSkipped, diagnostic.Code);
        Assert.Equal(link, diagnostic.Location?.File);
        Assert.Equal(Mode644, File.GetUnixFileMode(outside));
    }

    [UnixFact]
    public void A_workspace_without_secrets_has_nothing_to_check()
    {
        var report = new SecretsManager().CheckPermissions(_workspace.PermissionOptions());

        Assert.True(report.IsClean);
        Assert.Empty(report.Checked);
    }

    /// <summary>Gives a folder, the store, metadata, trail, an output and the key file the wrong modes.</summary>
    private Dictionary<string, UnixFileMode> Loosen()
    {
        var keyFile = Directory.GetFiles(_workspace.KeyDirectory, "*.key").Single();
        var wrong = new Dictionary<string, UnixFileMode>
        {
            [_workspace.SecretsDirectory] = Mode755,
            [_workspace.PathOf("secrets/.env.development.json")] = Mode644,
            [_workspace.PathOf("secrets/.env.development.metadata")] = Mode400,
            [_workspace.PathOf("secrets/.env.development.audit.jsonl")] = Mode644,
            [_workspace.PathOf(".env.development")] = Mode644,
            [_workspace.PathOf("k8s-secrets-development.yaml")] = Mode644,
            [_workspace.KeyDirectory] = Mode755,
            [keyFile] = Mode644,
        };
        foreach (var (path, mode) in wrong)
        {
            File.SetUnixFileMode(path, mode);
        }

        return wrong;
    }
}
