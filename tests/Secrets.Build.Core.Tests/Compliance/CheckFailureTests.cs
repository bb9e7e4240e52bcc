using System.Text.Json.Nodes;
using Secrets.Build.Core.Compliance;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Outputs;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Compliance;

/// <summary>Each check fails (or warns) on a workspace damaged in exactly the way it guards against.</summary>
public sealed class CheckFailureTests : IDisposable
{
    private readonly ComplianceWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [UnixFact, System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Check1_fails_for_a_plaintext_output_readable_by_others()
    {
        _workspace.ProvisionCleanAndCommit();
        var env = _workspace.In(".env.development");
        File.SetUnixFileMode(env, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var result = _workspace.Report();

        var check = result.AssertStatus(DiagnosticCodes.ComplianceFileModes, ComplianceStatus.Fail);
        Assert.Contains($"{env} is 644", check.Evidence);
        Assert.Contains($"chmod 600 '{env}'", check.Fix);
        Assert.Equal([env], check.Files);
    }

    [UnixFact, System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Check1_fails_for_a_secrets_folder_others_can_list()
    {
        _workspace.ProvisionCleanAndCommit();
        File.SetUnixFileMode(_workspace.In("secrets"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        var result = _workspace.Report();

        Assert.Contains("chmod 700", result.AssertStatus(DiagnosticCodes.ComplianceFileModes, ComplianceStatus.Fail).Fix);
    }

    [Fact]
    public void Check2_fails_when_a_plaintext_output_is_not_ignored()
    {
        _workspace.ProvisionCleanAndCommit();
        File.WriteAllText(_workspace.In(".gitignore"), "# emptied\n");

        var result = _workspace.Report();

        var check = result.AssertStatus(DiagnosticCodes.ComplianceGitIgnore, ComplianceStatus.Fail);
        Assert.Contains("not ignored by git", check.Evidence);
        Assert.Contains(_workspace.In(".env.development"), check.Files);
    }

    [Fact]
    public void Check2_fails_when_a_plaintext_output_is_tracked_although_ignored()
    {
        _workspace.ProvisionCleanAndCommit();
        _workspace.Git("add", "-f", "k8s-secrets-development.yaml");

        var result = _workspace.Report();

        var check = result.AssertStatus(DiagnosticCodes.ComplianceGitIgnore, ComplianceStatus.Fail);
        Assert.Contains("tracked by git", check.Evidence);
        Assert.Contains("git rm --cached", check.Fix);
    }

    [Fact]
    public void A_workspace_never_provisioned_gets_skips_and_score_0_not_an_error()
    {
        var result = _workspace.Report();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        result.AssertStatus(DiagnosticCodes.ComplianceStoreAuthenticity, ComplianceStatus.Skip);
        result.AssertStatus(DiagnosticCodes.ComplianceIsolation, ComplianceStatus.Skip);
        Assert.Equal(ComplianceStatus.Pass, result.Check(DiagnosticCodes.ComplianceStrength).Status);
        Assert.InRange(result.Score, 0, 99);
        Assert.StartsWith("Compliance score for development: ", result.Summary);
    }

    [Fact]
    public void Check2_and_check12_skip_outside_a_git_repository()
    {
        using var plain = new ComplianceWorkspace(git: false);
        plain.Provision();

        var result = plain.Report();

        Assert.Contains("not inside a git repository", result.AssertStatus(DiagnosticCodes.ComplianceGitIgnore, ComplianceStatus.Skip).Evidence);
        Assert.Contains("tracked files not searched", result.AssertStatus(DiagnosticCodes.ComplianceValueExposure, ComplianceStatus.Skip).Evidence);
    }

    [Fact]
    public void Check3_fails_for_a_key_file_left_in_the_workspace()
    {
        _workspace.ProvisionCleanAndCommit();
        var stray = _workspace.In(Path.Combine("config", Path.GetFileName(_workspace.KeyFile())));
        Directory.CreateDirectory(Path.GetDirectoryName(stray)!);
        File.Copy(_workspace.KeyFile(), stray);

        var result = _workspace.Report();

        var check = result.AssertStatus(DiagnosticCodes.ComplianceKeyMaterial, ComplianceStatus.Fail);
        Assert.Contains("key files inside the workspace", check.Evidence);
        Assert.Equal([stray], check.Files);
    }

    [UnixFact, System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Check3_fails_for_a_key_file_others_can_read()
    {
        _workspace.ProvisionCleanAndCommit();
        File.SetUnixFileMode(_workspace.KeyFile(), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        var result = _workspace.Report();

        Assert.Contains("other users may read it", result.AssertStatus(DiagnosticCodes.ComplianceKeyMaterial, ComplianceStatus.Fail).Evidence);
    }

    [Fact]
    public void Check4_warns_past_80_percent_and_fails_past_the_rotation_period()
    {
        _workspace.ProvisionCleanAndCommit();

        // jwt_secrets rotate every 30 days: day 25 is 83 %, day 31 is overdue.
        var near = _workspace.Report(at: ComplianceWorkspace.Start.AddDays(25));
        var late = _workspace.Report(at: ComplianceWorkspace.Start.AddDays(31));

        Assert.Contains("JWT_SECRET_KEY", near.AssertStatus(DiagnosticCodes.ComplianceRotation, ComplianceStatus.Warn).Evidence);
        var check = late.AssertStatus(DiagnosticCodes.ComplianceRotation, ComplianceStatus.Fail);
        Assert.Contains("JWT_SECRET_KEY (due 2026-03-31", check.Evidence);
        Assert.Contains("SecretsRotate=JWT_SECRET_KEY", check.Fix);
    }

    [Fact]
    public void Check5_fails_for_a_weak_password_rule_and_a_short_jwt_key()
    {
        _workspace.ProvisionCleanAndCommit();
        File.WriteAllText(_workspace.SchemaPath, ComplianceWorkspace.Schema
            .Replace("\"minimumEntropyBits\": 128", "\"minimumEntropyBits\": 64", StringComparison.Ordinal)
            .Replace("\"kind\": \"password\", \"length\": 32", "\"kind\": \"password\", \"length\": 12", StringComparison.Ordinal)
            .Replace("\"kind\": \"base64url\", \"bytes\": 32", "\"kind\": \"base64url\", \"bytes\": 24", StringComparison.Ordinal));

        var result = _workspace.Report();

        var check = result.AssertStatus(DiagnosticCodes.ComplianceStrength, ComplianceStatus.Fail);
        Assert.Contains("DB_PASSWORD (74 bits)", check.Evidence);
        Assert.Contains("JWT_SECRET_KEY (24 bytes)", check.Evidence);
    }

    [Fact]
    public void Check5_fails_for_an_imported_value_shorter_than_its_rule()
    {
        _workspace.ProvisionCleanAndCommit();
        using (var store = _workspace.OpenStore("development"))
        {
            store.Set("DB_PASSWORD", "Summer2024!x", SecretSource.Imported, ComplianceWorkspace.Start, null);
            store.Save();
        }

        var result = _workspace.Report();

        Assert.Contains("DB_PASSWORD (an imported value shorter than the 32 characters", result.AssertStatus(DiagnosticCodes.ComplianceStrength, ComplianceStatus.Fail).Evidence);
    }

    [Fact]
    public void Check5_warns_for_a_documented_lower_floor()
    {
        _workspace.ProvisionCleanAndCommit();
        File.WriteAllText(_workspace.SchemaPath, ComplianceWorkspace.Schema.Replace(
            "\"kind\": \"password\", \"length\": 32",
            "\"kind\": \"password\", \"length\": 20, \"alphabet\": \"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\", \"minimumEntropyBits\": 100",
            StringComparison.Ordinal));

        var result = _workspace.Report();

        Assert.Contains("DB_PASSWORD (103 bits)", result.AssertStatus(DiagnosticCodes.ComplianceStrength, ComplianceStatus.Warn).Evidence);
    }

    [Fact]
    public void Check6_fails_for_a_missing_external_secret()
    {
        _workspace.Provision("development", variables: new());

        var result = _workspace.Report(variables: new());

        var check = result.AssertStatus(DiagnosticCodes.ComplianceExternalSecrets, ComplianceStatus.Fail);
        Assert.Contains("PAYMENT_API_KEY (empty)", check.Evidence);
        Assert.Equal(ComplianceSeverity.Medium, check.Severity);
    }

    [Fact]
    public void Check6_is_critical_in_production()
    {
        var production = new Dictionary<string, string> { ["PAYMENT_API_KEY"] = "pk_prod_Zx81Kq0Lw2Mn5Bv7Cd4R" };
        _workspace.Provision("production", variables: production);
        using (var store = _workspace.OpenStore("production"))
        {
            // The provider's key was revoked and an empty value captured.
            store.Set("PAYMENT_API_KEY", " ", SecretSource.External, ComplianceWorkspace.Start, null);
            store.Save();
        }

        var result = _workspace.Report("production");

        var check = result.AssertStatus(DiagnosticCodes.ComplianceExternalSecrets, ComplianceStatus.Fail);
        Assert.Equal(ComplianceSeverity.Critical, check.Severity);
        Assert.Contains("PAYMENT_API_KEY (empty)", check.Evidence);
    }

    [Fact]
    public void Check7_fails_for_edited_metadata()
    {
        _workspace.ProvisionCleanAndCommit();
        var metadata = _workspace.Paths().MetadataPath;
        var document = JsonNode.Parse(File.ReadAllText(metadata))!;
        document["secrets"]!["DB_PASSWORD"]!["rotatedAt"] = "2099-01-01T00:00:00Z";
        File.WriteAllText(metadata, document.ToJsonString());

        var result = _workspace.Report();

        var check = result.AssertStatus(DiagnosticCodes.ComplianceStoreAuthenticity, ComplianceStatus.Fail);
        Assert.StartsWith(DiagnosticCodes.StoreMacMismatch, check.Evidence);
        Assert.Equal(ComplianceSeverity.Critical, check.Severity);
    }

    [Fact]
    public void Check7_fails_for_a_store_file_that_is_no_longer_json()
    {
        _workspace.ProvisionCleanAndCommit();
        File.WriteAllText(_workspace.Paths().StorePath, "{ \"format\": \"secrets-build-store\", ");

        var result = _workspace.Report();

        Assert.StartsWith("SECB23", result.AssertStatus(DiagnosticCodes.ComplianceStoreAuthenticity, ComplianceStatus.Fail).Evidence);
        Assert.True(result.Succeeded, "a damaged store is a finding of the report, not an error of it");
    }

    [Fact]
    public void Check7_and_the_key_checks_skip_without_a_key()
    {
        _workspace.ProvisionCleanAndCommit();
        File.Delete(_workspace.KeyFile());

        var result = _workspace.Report();

        Assert.Contains("could not be opened (SECB", result.AssertStatus(DiagnosticCodes.ComplianceStoreAuthenticity, ComplianceStatus.Skip).Evidence);
        result.AssertStatus(DiagnosticCodes.ComplianceAuditChain, ComplianceStatus.Skip);
        result.AssertStatus(DiagnosticCodes.ComplianceIsolation, ComplianceStatus.Skip);
        Assert.InRange(result.Score, 0, 99);
    }

    [Fact]
    public void Check8_fails_for_an_edited_audit_line()
    {
        _workspace.ProvisionCleanAndCommit();
        var trail = Path.Combine(_workspace.Paths().SecretsDirectory, ".env.development.audit.jsonl");
        var lines = File.ReadAllLines(trail);
        lines[0] = lines[0].Replace("\"event\":\"generated\"", "\"event\":\"imported\"", StringComparison.Ordinal);
        File.WriteAllText(trail, string.Join('\n', lines) + "\n");

        var result = _workspace.Report();

        var check = result.AssertStatus(DiagnosticCodes.ComplianceAuditChain, ComplianceStatus.Fail);
        Assert.Contains("SECB52", check.Evidence);
        Assert.Equal([trail], check.Files);
    }

    [Fact]
    public void Check9_fails_for_a_passphrase_entry_below_owasp_minimum()
    {
        _workspace.ProvisionCleanAndCommit();
        var store = _workspace.Paths().StorePath;
        var document = JsonNode.Parse(File.ReadAllText(store))!;
        var first = document["keys"]![0]!;
        document["keys"]!.AsArray().Add(new JsonObject
        {
            ["kind"] = "passphrase",
            ["keyId"] = "weakweakweakweak",
            ["salt"] = Convert.ToBase64String(new byte[16]),
            ["argon2id"] = new JsonObject { ["memoryKiB"] = 4096, ["iterations"] = 1, ["parallelism"] = 1 },
            ["nonce"] = first["nonce"]!.GetValue<string>(),
            ["wrappedKey"] = first["wrappedKey"]!.GetValue<string>(),
        });
        File.WriteAllText(store, document.ToJsonString());

        var result = _workspace.Report();

        var check = result.AssertStatus(DiagnosticCodes.ComplianceAlgorithms, ComplianceStatus.Fail);
        Assert.Contains("weakweakweakweak: Argon2id m=4096 KiB, t=1, p=1", check.Evidence);
    }

    [Fact]
    public void Check10_fails_when_staging_reuses_a_development_value()
    {
        _workspace.ProvisionCleanAndCommit();
        using (var development = _workspace.OpenStore("development"))
        using (var staging = _workspace.OpenStore("staging"))
        {
            staging.Set("DB_PASSWORD", development.Reveal("DB_PASSWORD"), SecretSource.Imported, ComplianceWorkspace.Start, null);
            staging.Save();
        }

        var result = _workspace.Report();

        var check = result.AssertStatus(DiagnosticCodes.ComplianceIsolation, ComplianceStatus.Fail);
        Assert.Contains("DB_PASSWORD in development = DB_PASSWORD in staging", check.Evidence);
        Assert.Contains("production", check.Evidence);
    }

    [Fact]
    public void Check10_skips_when_no_other_environment_can_be_opened()
    {
        _workspace.Provision();

        var result = _workspace.Report();

        Assert.Contains("No other environment's store could be opened", result.AssertStatus(DiagnosticCodes.ComplianceIsolation, ComplianceStatus.Skip).Evidence);
    }

    [Fact]
    public void Check11_warns_near_and_fails_past_the_two_year_cryptoperiod()
    {
        _workspace.ProvisionCleanAndCommit();

        var near = _workspace.Report(at: ComplianceWorkspace.Start.AddDays(600));
        var late = _workspace.Report(at: ComplianceWorkspace.Start.AddDays(731));

        Assert.Contains("earliest createdAt", near.AssertStatus(DiagnosticCodes.ComplianceCryptoperiod, ComplianceStatus.Warn).Evidence);
        Assert.Contains("RotateSecretsKey", late.AssertStatus(DiagnosticCodes.ComplianceCryptoperiod, ComplianceStatus.Fail).Fix);
    }

    [Fact]
    public void Check12_fails_for_a_value_committed_in_a_tracked_file()
    {
        _workspace.ProvisionCleanAndCommit();
        var leaked = _workspace.In(Path.Combine("src", "appsettings.json"));
        Directory.CreateDirectory(Path.GetDirectoryName(leaked)!);
        File.WriteAllText(leaked, $"{{ \"Jwt\": \"{_workspace.Values().First(v => v.Length > 40)}\" }}\n");
        _workspace.Commit();

        var result = _workspace.Report();

        var check = result.AssertStatus(DiagnosticCodes.ComplianceValueExposure, ComplianceStatus.Fail);
        Assert.Equal([leaked], check.Files);
        Assert.Contains("rotate every exposed secret", check.Fix);
    }

    [Fact]
    public void Check12_fails_for_a_value_pasted_into_the_compose_override()
    {
        _workspace.ProvisionCleanAndCommit();
        var compose = _workspace.In(OutputPaths.ComposeOverride("development"));
        File.AppendAllText(compose, $"# DB_PASSWORD={_workspace.Values()[0]}\n");

        var result = _workspace.Report();

        Assert.Contains(compose, result.AssertStatus(DiagnosticCodes.ComplianceValueExposure, ComplianceStatus.Fail).Files);
    }
}
