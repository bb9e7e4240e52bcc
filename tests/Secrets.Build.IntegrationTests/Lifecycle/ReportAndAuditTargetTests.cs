using System.Text.Json;
using Secrets.Build.IntegrationTests.Infrastructure;

namespace Secrets.Build.IntegrationTests.Lifecycle;

/// <summary><c>SecretsReport</c> and <c>VerifySecretsAudit</c>: the pipeline gates.</summary>
[Collection(PackageCollection.Name)]
public sealed class ReportAndAuditTargetTests(PackageFixture package)
{
    [Fact]
    public void Report_writes_three_files_prints_the_score_and_gates_on_the_minimum_and_audit_verification_catches_an_edit()
    {
        var (workspace, project) = ProvisionedTemplate.For(package).Copy("report");
        var values = workspace.ReadEnvFile();

        // A readable .env fails the file-mode check, so the score cannot reach 100.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(workspace.EnvFilePath(), SecretAssert.PrivateFile | UnixFileMode.OtherRead);
        }

        // One run, two targets: the audit verifies, then the report fails the gate.
        var gated = workspace.RunTarget(project, "VerifySecretsAudit;SecretsReport", "-p:SecretsMinimumScore=100");

        Assert.Contains("The audit trail of 'development' verifies.", gated.Output, StringComparison.Ordinal);
        LifecycleAssert.FailedWith(gated, "SECB600");
        Assert.Matches(@"Compliance score for development: \d{1,3}/100", gated.Output);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Contains("warning SECB601", gated.Output, StringComparison.Ordinal);
        }
        var secrets = Path.Combine(workspace.Directory, "secrets");
        foreach (var extension in new[] { "json", "md", "sarif" })
        {
            var report = Path.Combine(secrets, $".env.development.compliance.{extension}");
            Assert.True(File.Exists(report), $"{Path.GetFileName(report)} was not written.");
            SecretAssert.NotInText(File.ReadAllText(report), values, Path.GetFileName(report));
        }

        using (var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(secrets, ".env.development.compliance.sarif"))))
        {
            Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        }

        LifecycleAssert.NoValueIn(gated, values);

        var invalid = workspace.RunTarget(project, "SecretsReport", "-p:SecretsMinimumScore=high");
        LifecycleAssert.FailedWith(invalid, "SECB402");

        // Edit one audit line: the chain breaks there, and the target names the file.
        var trail = Path.Combine(secrets, ".env.development.audit.jsonl");
        var lines = File.ReadAllLines(trail);
        lines[0] = lines[0].Replace("\"event\":\"", "\"event\":\"x", StringComparison.Ordinal);
        File.WriteAllText(trail, string.Join('\n', lines) + "\n");

        var tampered = workspace.RunTarget(project, "VerifySecretsAudit");

        LifecycleAssert.FailedWith(tampered, "SECB406");
        Assert.Contains(".env.development.audit.jsonl", tampered.Output, StringComparison.Ordinal);
        Assert.Matches(@"SECB52\d", tampered.Output);
    }
}
