using System.Text.Json;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Import;
using Secrets.Build.Core.Tests.Lifecycle;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Tests.Import;

/// <summary>SecretsManager.Import: migrating a hand-kept .env into the store.</summary>
public sealed class ImportTests : IDisposable
{
    private const string StrongPostgres = "Xk9vQ2mL7pR4tW8zB3nC6fH1jD5sG0aE";
    private const string StrongRedis = "r3D1s-P4ss-w0rd-Qz8Lm2Vb7Nc5Xk1Jt";
    private const string WeakJwt = "changeme";
    private const string OpenAi = "sk-proj-imported-0001";

    // Every shape real files have: comments, blanks, export, both quotes, an inline comment, CRLF.
    private static readonly string MessyEnv = string.Join("\r\n",
        "# exported from the old stack",
        "",
        $"export POSTGRES_PASSWORD={StrongPostgres}",
        $"REDIS_PASSWORD='{StrongRedis}'",
        $"JWT_SECRET_KEY=\"{WeakJwt}\"   # too short for a signing key",
        "   ",
        "LEGACY_FEATURE_FLAG=on",
        $"OPENAI_API_KEY={OpenAi}",
        "SESSION_SECRET=",
        "");

    private readonly LifecycleKit _kit = new();

    public void Dispose() => _kit.Dispose();

    private string SourcePath => Path.Combine(_kit.Workspace.Root, "old.env");

    private ImportResult Import(bool overwrite = false, string? source = null, IProgress<SecretsProgress>? progress = null, string? text = null) => _kit.Manager.Import(new ImportOptions
    {
        SchemaPath = _kit.Workspace.SchemaPath,
        Environment = _kit.Environment,
        KeyDirectory = _kit.Workspace.KeyDirectory,
        EnvironmentVariables = _kit.Variables,
        Clock = _kit.Clock,
        SourcePath = source ?? SourcePath,
        SourceText = text,
        Overwrite = overwrite,
        Progress = progress,
    });

    [Fact]
    public void Progress_counts_every_line_of_the_file_up_to_its_total()
    {
        File.WriteAllText(SourcePath, MessyEnv);
        var progress = new RecordingProgress();

        var result = Import(progress: progress);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        // Six variables: four imported, one not in the schema, one empty; each is counted.
        Assert.Equal(RecordingProgress.UpTo(6), progress.Reports);
    }

    [Fact]
    public void A_messy_env_file_is_adopted_for_declared_names_and_left_untouched()
    {
        File.WriteAllText(SourcePath, MessyEnv);
        var sourceBefore = File.ReadAllBytes(SourcePath);
        var writtenBefore = File.GetLastWriteTimeUtc(SourcePath);

        var result = Import();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(["POSTGRES_PASSWORD", "REDIS_PASSWORD", "JWT_SECRET_KEY", "OPENAI_API_KEY"], result.Imported.ToArray());
        Assert.Equal(["LEGACY_FEATURE_FLAG"], result.NotInSchema.ToArray());
        Assert.Equal(["JWT_SECRET_KEY"], result.Weak.ToArray());
        var notInSchema = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.ImportNotInSchema);
        Assert.Equal(7, notInSchema.Location!.Line);
        Assert.Equal(5, Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.ImportWeakValue).Location!.Line);
        Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.ImportEmptyValue);
        Assert.Equal(sourceBefore, File.ReadAllBytes(SourcePath));
        Assert.Equal(writtenBefore, File.GetLastWriteTimeUtc(SourcePath));

        var values = _kit.EnvValues();
        Assert.Equal(StrongPostgres, values["POSTGRES_PASSWORD"]);
        Assert.Equal(StrongRedis, values["REDIS_PASSWORD"]);
        Assert.Equal(WeakJwt, values["JWT_SECRET_KEY"]);
        Assert.Equal(OpenAi, values["OPENAI_API_KEY"]);
        using var metadata = JsonDocument.Parse(_kit.MetadataEntries()["POSTGRES_PASSWORD"]);
        Assert.Equal("imported", metadata.RootElement.GetProperty("source").GetString());
        Assert.Equal(4, File.ReadAllLines(_kit.AuditPath).Count(l => l.Contains("\"event\":\"imported\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_build_after_the_import_generates_the_rest_and_keeps_the_imported_values()
    {
        File.WriteAllText(SourcePath, MessyEnv);
        Import();

        var provision = _kit.Provision();

        Assert.True(provision.Succeeded, string.Join("\n", provision.Diagnostics));
        Assert.DoesNotContain("POSTGRES_PASSWORD", provision.Generated);
        Assert.Contains("SESSION_SECRET", provision.Generated);
        Assert.Equal(StrongPostgres, _kit.EnvValues()["POSTGRES_PASSWORD"]);
    }

    [Fact]
    public void A_weak_imported_value_is_due_for_rotation_at_once()
    {
        File.WriteAllText(SourcePath, MessyEnv);
        Import();

        var check = _kit.Check(enforce: true);

        var overdue = Assert.Single(check.Diagnostics);
        Assert.Equal(DiagnosticCodes.RotationOverdue, overdue.Code);
        Assert.StartsWith("JWT_SECRET_KEY ", overdue.Message);
        var rotated = _kit.Rotate("due");
        Assert.Equal(["JWT_SECRET_KEY"], rotated.Rotated.Select(r => r.Name));
        Assert.Empty((_kit.Check(enforce: true)).Diagnostics);
    }

    [Fact]
    public void Freshly_generated_values_are_not_flagged_weak()
    {
        _kit.Environment = "staging";
        _kit.Provision();
        File.Copy(_kit.Workspace.Path_(".env.staging"), SourcePath);
        _kit.Environment = "development";

        var result = Import();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(18, result.Imported.Length);
        Assert.Empty(result.Weak);
    }

    [Fact]
    public void A_different_stored_value_is_not_replaced_without_overwrite()
    {
        _kit.Provision();
        var stored = _kit.EnvValues()["POSTGRES_PASSWORD"];
        File.WriteAllText(SourcePath, $"POSTGRES_PASSWORD={StrongPostgres}\nREDIS_PASSWORD={StrongRedis}\n");
        var before = _kit.Workspace.Snapshot();

        var refused = Import();

        Assert.False(refused.Succeeded);
        Assert.Equal(["POSTGRES_PASSWORD", "REDIS_PASSWORD"], refused.Conflicts.ToArray());
        Assert.All(refused.Diagnostics, d => Assert.Equal(DiagnosticCodes.ImportWouldOverwrite, d.Code));
        var after = _kit.Workspace.Snapshot();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, file => Assert.Equal(file.Value, after[file.Key]));

        var overwritten = Import(overwrite: true);

        Assert.True(overwritten.Succeeded);
        Assert.Equal(StrongPostgres, _kit.EnvValues()["POSTGRES_PASSWORD"]);
        var retired = Assert.Single((_kit.Previous("POSTGRES_PASSWORD")).Values);
        Assert.Equal(stored, retired.Value);
    }

    [Fact]
    public void The_same_value_again_changes_nothing()
    {
        File.WriteAllText(SourcePath, MessyEnv);
        Import();
        var before = _kit.Workspace.Snapshot(includeAuditTrail: false);

        var again = Import();

        Assert.True(again.Succeeded);
        Assert.Empty(again.Imported);
        Assert.Equal(4, again.Unchanged.Length);
        var after = _kit.Workspace.Snapshot(includeAuditTrail: false);
        Assert.All(before, file => Assert.Equal(file.Value, after[file.Key]));
    }

    [Fact]
    public void A_missing_or_oversized_file_is_refused_before_reading()
    {
        var missing = Import(source: Path.Combine(_kit.Workspace.Root, "nope.env"));
        Assert.Equal(DiagnosticCodes.ImportFileUnreadable, Assert.Single(missing.Diagnostics).Code);

        using (var huge = File.Create(SourcePath))
        {
            huge.SetLength(16L * 1024 * 1024 + 1);
        }

        var tooLarge = Import();
        var error = Assert.Single(tooLarge.Diagnostics);
        Assert.Equal(DiagnosticCodes.ImportFileTooLarge, error.Code);
        Assert.Equal(SourcePath, error.Location!.File);
        Assert.False(Directory.Exists(_kit.Workspace.Path_("secrets")) && File.Exists(_kit.StorePath));
    }

    [Fact]
    public void Text_the_caller_has_read_is_imported_without_reading_the_file_again()
    {
        // The file now holds no valid line: an import that read it again would fail.
        File.WriteAllText(SourcePath, "not a .env line\n");

        var result = Import(text: MessyEnv);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(StrongPostgres, _kit.EnvValues()["POSTGRES_PASSWORD"]);

        // The file itself is still checked: a missing one is refused as when the import reads it.
        var missing = Import(source: Path.Combine(_kit.Workspace.Root, "nope.env"), text: MessyEnv);
        Assert.Equal(DiagnosticCodes.ImportFileUnreadable, Assert.Single(missing.Diagnostics).Code);
    }

    [Fact]
    public void No_result_diagnostic_or_audit_line_contains_an_imported_value()
    {
        File.WriteAllText(SourcePath, MessyEnv);

        var result = Import();

        string[] values = [StrongPostgres, StrongRedis, WeakJwt, OpenAi];
        LifecycleKit.AssertContainsNone(JsonSerializer.Serialize(result), values, "the import result");
        LifecycleKit.AssertContainsNone(string.Join("\n", result.Diagnostics), values, "the diagnostics");
        LifecycleKit.AssertContainsNone(File.ReadAllText(_kit.AuditPath), values, "the audit trail");
    }
}
