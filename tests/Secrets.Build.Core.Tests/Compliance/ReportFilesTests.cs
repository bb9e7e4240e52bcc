using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Compliance;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Outputs;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Compliance;

/// <summary>
/// The three report files on a workspace with failures and warnings: the JSON shape documented in
/// Compliance/README.md, SARIF that validates against the SARIF 2.1.0 schema, and no secret value
/// anywhere, in any file, diagnostic or audit line.
/// </summary>
public sealed class ReportFilesTests : IDisposable
{
    private static readonly JsonSchema SarifSchema = JsonSchema.FromText(
        File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "tests", "Secrets.Build.Core.Tests", "Compliance", "sarif-schema-2.1.0.json")));

    private readonly ComplianceWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    /// <summary>Damages the workspace so most checks have something to say: fail, warn and skip results, with files.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private ReportResult DamagedReport()
    {
        _workspace.ProvisionCleanAndCommit();
        var values = _workspace.Values();
        File.SetUnixFileMode(_workspace.In(".env.development"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        File.WriteAllText(_workspace.In("leak.txt"), $"password={values[0]}\n");
        File.AppendAllText(_workspace.In(OutputPaths.ComposeOverride("development")), $"# {values[1]}\n");
        using (var development = _workspace.OpenStore("development"))
        using (var staging = _workspace.OpenStore("staging"))
        {
            staging.Set("JWT_SECRET_KEY", development.Reveal("JWT_SECRET_KEY"), SecretSource.Imported, ComplianceWorkspace.Start, null);
            staging.Save();
        }

        _workspace.Commit();
        return _workspace.Report(at: ComplianceWorkspace.Start.AddDays(26));
    }

    [UnixFact, System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Json_has_the_documented_shape()
    {
        var result = DamagedReport();

        var json = JsonNode.Parse(File.ReadAllText(result.WrittenFiles[0]))!.AsObject();
        Assert.Equal(["complianceScore", "project", "environment", "generatedAt", "tool", "summary", "checks"], json.Select(p => p.Key).ToArray());
        Assert.Equal(result.Score, json["complianceScore"]!.GetValue<int>());
        Assert.InRange(result.Score, 0, 99);
        Assert.Equal("development", json["environment"]!.GetValue<string>());
        Assert.Equal("2026-03-27T09:00:00Z", json["generatedAt"]!.GetValue<string>());
        Assert.Equal("Secrets.Build", json["tool"]!["name"]!.GetValue<string>());
        var summary = json["summary"]!.AsObject();
        Assert.Equal(13, summary.Sum(p => p.Value!.GetValue<int>()));
        var checks = json["checks"]!.AsArray();
        Assert.Equal(13, checks.Count);
        foreach (var check in checks.Select(c => c!.AsObject()))
        {
            Assert.Equal(["id", "title", "severity", "status", "evidence", "fix", "source", "files"], check.Select(p => p.Key).ToArray());
            Assert.Matches("^SECB6(0[1-9]|1[0-2]|15)$", check["id"]!.GetValue<string>());
            Assert.Contains(check["severity"]!.GetValue<string>(), new[] { "critical", "high", "medium" });
            Assert.Contains(check["status"]!.GetValue<string>(), new[] { "pass", "warn", "fail", "skip" });
            Assert.False(string.IsNullOrWhiteSpace(check["evidence"]!.GetValue<string>()));
            Assert.False(string.IsNullOrWhiteSpace(check["source"]!.GetValue<string>()));
            Assert.All(check["files"]!.AsArray(), f => Assert.Equal(JsonValueKind.String, f!.GetValueKind()));
        }

        Assert.Equal("fail", checks.Single(c => c!["id"]!.GetValue<string>() == "SECB612")!["status"]!.GetValue<string>());
        Assert.Contains("leak.txt", checks.Single(c => c!["id"]!.GetValue<string>() == "SECB612")!["files"]!.AsArray().Select(f => f!.GetValue<string>()));
    }

    [UnixFact, System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Sarif_validates_against_the_sarif_2_1_0_schema_and_maps_statuses_to_levels()
    {
        var result = DamagedReport();

        var text = File.ReadAllText(result.WrittenFiles[2]);
        var evaluation = SarifSchema.Evaluate(JsonDocument.Parse(text).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(evaluation.IsValid, string.Join("\n", (evaluation.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));

        var run = JsonNode.Parse(text)!["runs"]![0]!;
        Assert.Equal("Secrets.Build", run["tool"]!["driver"]!["name"]!.GetValue<string>());
        Assert.Equal(13, run["tool"]!["driver"]!["rules"]!.AsArray().Count);
        var results = run["results"]!.AsArray();
        var expected = result.Checks.Where(c => c.Status is ComplianceStatus.Fail or ComplianceStatus.Warn).ToList();
        Assert.Equal(expected.Select(c => c.Id), results.Select(r => r!["ruleId"]!.GetValue<string>()));
        Assert.Equal(expected.Select(c => c.Status == ComplianceStatus.Fail ? "error" : "warning"), results.Select(r => r!["level"]!.GetValue<string>()));
        Assert.Contains(results, r => r!["level"]!.GetValue<string>() == "warning");
        var leak = results.Single(r => r!["ruleId"]!.GetValue<string>() == DiagnosticCodes.ComplianceValueExposure)!;
        var uris = leak["locations"]!.AsArray().Select(l => l!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>()).ToList();
        Assert.Contains("leak.txt", uris);
        Assert.Contains("docker-compose.development.override.yml", uris);
    }

    [Fact]
    public void The_schema_copy_rejects_a_log_with_an_unknown_level()
    {
        _workspace.ProvisionCleanAndCommit();
        var result = _workspace.Report(at: ComplianceWorkspace.Start.AddDays(31));
        var log = JsonNode.Parse(File.ReadAllText(result.WrittenFiles[2]))!;
        Assert.NotEmpty(log["runs"]![0]!["results"]!.AsArray());

        log["runs"]![0]!["results"]![0]!["level"] = "fatal";

        Assert.False(SarifSchema.Evaluate(JsonDocument.Parse(log.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid);
    }

    [Fact]
    public void Sarif_of_a_clean_workspace_validates_with_no_results()
    {
        _workspace.ProvisionCleanAndCommit();
        var result = _workspace.Report();

        var text = File.ReadAllText(result.WrittenFiles[2]);

        Assert.True(SarifSchema.Evaluate(JsonDocument.Parse(text).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid);
        Assert.Empty(JsonNode.Parse(text)!["runs"]![0]!["results"]!.AsArray());
    }

    [UnixFact, System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void No_value_appears_in_any_report_diagnostic_or_audit_line()
    {
        var result = DamagedReport();

        var values = _workspace.Values("development").Concat(_workspace.Values("staging")).ToList();
        Assert.Equal(6, values.Count);
        var texts = result.WrittenFiles.Select(File.ReadAllText)
            .Concat(result.Diagnostics.Select(d => d.ToString()))
            .Concat(result.Checks.Select(c => c.ToString() + c.Evidence + c.Fix))
            .Append(File.ReadAllText(AuditTrail.PathFor(_workspace.Paths().SecretsDirectory, "development")))
            .ToList();
        Assert.Contains(result.Checks, c => c.Status == ComplianceStatus.Fail);
        foreach (var value in values)
        {
            Assert.All(texts, text => Assert.False(text.Contains(value, StringComparison.Ordinal), "A report holds a secret value."));
        }
    }

    [UnixFact, System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Each_failing_check_becomes_one_warning_with_its_code_and_file()
    {
        var result = DamagedReport();

        var failing = result.Checks.Where(c => c.Status == ComplianceStatus.Fail).ToList();
        var warnings = result.Diagnostics.Where(d => d.Severity == SecretsSeverity.Warning).ToList();
        Assert.Equal(failing.Select(c => c.Id), warnings.Select(w => w.Code));
        Assert.All(warnings, w => Assert.False(string.IsNullOrEmpty(w.Fix)));
        Assert.Equal(_workspace.In(".env.development"), warnings.Single(w => w.Code == DiagnosticCodes.ComplianceFileModes).Location!.File);
        Assert.True(result.Succeeded);
    }

    [UnixFact, System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_score_below_the_minimum_is_an_error_and_is_audited()
    {
        DamagedReport();

        var result = _workspace.Report(minimumScore: 90);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == SecretsSeverity.Error);
        Assert.Equal(DiagnosticCodes.ComplianceScoreBelowMinimum, error.Code);
        Assert.Contains($"is {result.Score}, below the required 90", error.Message);
        Assert.Equal(3, result.WrittenFiles.Length);
        var last = AuditReader.Read(AuditTrail.PathFor(_workspace.Paths().SecretsDirectory, "development")).Last().Event;
        Assert.Equal((AuditEventKind.Report, DiagnosticCodes.ComplianceScoreBelowMinimum), (last.Kind, last.Code));
    }

    [Fact]
    public void A_score_at_the_minimum_is_no_error()
    {
        _workspace.ProvisionCleanAndCommit();

        var result = _workspace.Report(minimumScore: 100);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void A_minimum_outside_0_to_100_is_an_error_not_an_exception(int minimum)
    {
        var result = _workspace.Report(minimumScore: minimum);

        Assert.Equal(DiagnosticCodes.ComplianceInvalidOptions, Assert.Single(result.Diagnostics).Code);
        Assert.Empty(result.WrittenFiles);
    }

    [Fact]
    public void An_unknown_environment_is_an_error_not_an_exception()
    {
        var result = _workspace.Report(environment: "qa");

        Assert.Equal(DiagnosticCodes.UnknownEnvironment, Assert.Single(result.Diagnostics).Code);
    }
}
