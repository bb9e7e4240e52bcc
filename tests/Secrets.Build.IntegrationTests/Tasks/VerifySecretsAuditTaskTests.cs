using Secrets.Build.Core;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Provisioning;
using Secrets.Build.Core.Schema;
using Secrets.Build.IntegrationTests.Infrastructure;
using Secrets.Build.Tasks;

namespace Secrets.Build.IntegrationTests.Tasks;

/// <summary>
/// <see cref="VerifySecretsAuditTask"/> as MSBuild sees it, on a workspace provisioned in-process:
/// the exact lines it logs for an intact trail, a break and a workspace with nothing to verify.
/// </summary>
public sealed class VerifySecretsAuditTaskTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("secrets-build-verify-").FullName;
    private readonly RecordingBuildEngine _engine = new();

    public VerifySecretsAuditTaskTests()
    {
        Directory.CreateDirectory(Workspace);
        File.WriteAllText(SchemaPath, TestSchemas.Small);
    }

    private string Workspace => Path.Combine(_root, "ws");

    private string SchemaPath => Path.Combine(Workspace, "secrets.schema.json");

    // Outside the workspace, as keys must be.
    private string KeyDirectory => Path.Combine(_root, "keys");

    private string TrailPath => Path.Combine(Workspace, "secrets", ".env.development.audit.jsonl");

    [Fact]
    public void An_intact_trail_logs_one_summary_line_and_no_warning()
    {
        Provision();
        var lines = File.ReadAllLines(TrailPath).Length;

        Assert.True(Run().Execute());

        Assert.Empty(_engine.Errors);
        Assert.Empty(_engine.Warnings);
        Assert.Contains(
            $"Secrets.Build: The audit trail of 'development' verifies. Lines verified: {lines}, in 1 trail file(s); head seq {lines}.",
            _engine.Messages.Select(m => m.Message));
    }

    [Fact]
    public void A_break_is_SECB406_at_the_trail_line_with_the_chain_code_and_its_fix()
    {
        Provision();
        var lines = File.ReadAllLines(TrailPath);
        lines[1] = lines[1].Replace("\"actor\":\"", "\"actor\":\"x", StringComparison.Ordinal);
        File.WriteAllText(TrailPath, string.Join('\n', lines) + "\n");

        Assert.False(Run().Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal(DiagnosticCodes.AuditVerificationFailed, error.Code);
        Assert.Equal(TrailPath, error.File);
        Assert.Equal(2, error.LineNumber);
        Assert.StartsWith("The audit trail of 'development' does not verify: SECB520: Audit line 2 fails its chain MAC", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_store_it_fails_with_SECB406_saying_why_and_creates_nothing()
    {
        Assert.False(Run().Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal(DiagnosticCodes.AuditVerificationFailed, error.Code);
        Assert.StartsWith("The audit trail of 'development' could not be verified: SECB516:", error.Message, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(Workspace, "secrets", ".env.development.json"), error.File);
        Assert.False(Directory.Exists(Path.Combine(Workspace, "secrets")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Provision()
    {
        var result = new SecretsManager().Provision(new ProvisionOptions
        {
            SchemaPath = SchemaPath,
            KeyDirectory = KeyDirectory,
            EnvironmentVariables = new Dictionary<string, string>(),
        });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    private VerifySecretsAuditTask Run() => new()
    {
        BuildEngine = _engine,
        SchemaFile = SchemaPath,
        Environment = "development",
        KeyDirectory = KeyDirectory,
    };
}
