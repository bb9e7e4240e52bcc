using Secrets.Build.Core.Compliance;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.KeyRotation;

namespace Secrets.Build.Core.Tests.Compliance;

/// <summary>A workspace provisioned and committed as intended passes every check and scores 100.</summary>
public sealed class CleanWorkspaceTests : IDisposable
{
    private readonly ComplianceWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    // On Windows check 1 is skipped (no Unix modes), which caps the score at 99.
    [UnixFact]
    public void Every_check_passes_and_the_score_is_100()
    {
        _workspace.ProvisionCleanAndCommit();

        var result = _workspace.Report();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(13, result.Checks.Length);
        Assert.All(result.Checks, c => Assert.True(c.Status == ComplianceStatus.Pass, $"{c.Id} {c.Status}: {c.Evidence}"));
        Assert.Equal(100, result.Score);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == SecretsSeverity.Warning);
        Assert.Equal(
            ["SECB601", "SECB602", "SECB603", "SECB604", "SECB605", "SECB606", "SECB607", "SECB608", "SECB609", "SECB610", "SECB611", "SECB612", "SECB615"],
            result.Checks.Select(c => c.Id).ToArray());
    }

    [Fact]
    public void Writes_the_three_reports_privately_and_records_the_report_in_the_audit_trail()
    {
        _workspace.ProvisionCleanAndCommit();

        var result = _workspace.Report();

        var secrets = _workspace.In("secrets");
        Assert.Equal(
            [Path.Combine(secrets, ".env.development.compliance.json"), Path.Combine(secrets, ".env.development.compliance.md"), Path.Combine(secrets, ".env.development.compliance.sarif")],
            result.WrittenFiles.ToArray());
        Assert.All(result.WrittenFiles, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, Secrets.Build.Core.IO.FileModes.Read(f)));
        var last = Secrets.Build.Core.Audit.AuditReader.Read(Path.Combine(secrets, ".env.development.audit.jsonl")).Last();
        Assert.Equal(Secrets.Build.Core.Audit.AuditEventKind.Report, last.Event.Kind);
    }

    [Fact]
    public void The_report_changes_no_store_file()
    {
        _workspace.ProvisionCleanAndCommit();
        var store = _workspace.Paths().StorePath;
        var metadata = _workspace.Paths().MetadataPath;
        var before = (File.ReadAllBytes(store), File.ReadAllBytes(metadata));

        _workspace.Report();

        Assert.Equal(before.Item1, File.ReadAllBytes(store));
        Assert.Equal(before.Item2, File.ReadAllBytes(metadata));
    }

    [Fact]
    public void A_second_report_still_finds_the_audit_chain_intact()
    {
        _workspace.ProvisionCleanAndCommit();
        _workspace.Report();

        var second = _workspace.Report();

        second.AssertStatus(DiagnosticCodes.ComplianceAuditChain, ComplianceStatus.Pass);
    }

    [Fact]
    public void After_a_key_rotation_the_chain_verifies_and_the_rotation_dates_the_data_key()
    {
        _workspace.ProvisionCleanAndCommit();
        var rotatedAt = ComplianceWorkspace.Start.AddDays(700);
        var rotation = new SecretsManager().RotateKey(new RotateKeyOptions
        {
            SchemaPath = _workspace.SchemaPath,
            KeyDirectory = _workspace.KeyDirectory,
            EnvironmentVariables = _workspace.Variables,
            Clock = new ComplianceWorkspace.FixedClock(rotatedAt),
        });
        Assert.True(rotation.Succeeded, string.Join("\n", rotation.Diagnostics));

        // 750 days after the store was made, but 50 after the rotation made a new data key.
        var result = _workspace.Report(at: ComplianceWorkspace.Start.AddDays(750));

        result.AssertStatus(DiagnosticCodes.ComplianceAuditChain, ComplianceStatus.Pass);
        Assert.Contains("the last key rotation (2028-01-30) made it", result.AssertStatus(DiagnosticCodes.ComplianceCryptoperiod, ComplianceStatus.Pass).Evidence);
    }
}
