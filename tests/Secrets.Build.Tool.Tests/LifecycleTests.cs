using System.Text.Json;
using Secrets.Build.Tool.Tests.Infrastructure;

namespace Secrets.Build.Tool.Tests;

[Collection(ToolCollection.Name)]
public sealed class LifecycleTests(ToolFixture tool)
{
    [Fact]
    public void Rotate_gives_the_selected_category_new_values_and_keeps_the_rest()
    {
        var workspace = new ToolWorkspace(tool);
        var before = workspace.Provision();

        var result = workspace.Run("rotate", "database_passwords");

        ToolAssert.ExitCode(0, result);
        var after = workspace.EnvValues();
        Assert.True(after["DB_PASSWORD"] != before["DB_PASSWORD"], "DB_PASSWORD was not rotated");
        Assert.True(after["API_TOKEN"] == before["API_TOKEN"], "API_TOKEN changed although not selected");
        Assert.Contains("1 rotated", result.Stdout);
        ToolAssert.NoValue(result, before);
        ToolAssert.NoValue(result, after);
    }

    [Fact]
    public void Rotate_with_an_unknown_selector_is_SECB503()
    {
        var workspace = new ToolWorkspace(tool);
        workspace.Provision();

        var result = workspace.Run("rotate", "no_such_category");

        ToolAssert.ExitCode(1, result);
        ToolAssert.Error("SECB503", result);
    }

    [Fact]
    public void Rotate_key_keeps_every_value_readable_under_the_new_key()
    {
        var workspace = new ToolWorkspace(tool);
        var before = workspace.Provision();

        var result = workspace.Run("rotate-key");

        ToolAssert.ExitCode(0, result);
        Assert.Contains("re-encrypted", result.Stdout);
        var get = workspace.Run("get", "API_TOKEN");
        ToolAssert.ExitCode(0, get);
        Assert.True(get.Stdout.TrimEnd('\n') == before["API_TOKEN"], "API_TOKEN changed with the key");
        ToolAssert.NoValue(result, before);
    }

    [Fact]
    public void Import_adopts_values_and_refuses_a_different_one_without_overwrite()
    {
        var workspace = new ToolWorkspace(tool);
        workspace.Provision();
        var source = Path.Combine(workspace.Root, "old.env");
        File.WriteAllText(source, "DB_PASSWORD=Imported-Passw0rd-Value-1234567890abcdef\nNOT_DECLARED=whatever-value\n");

        var refused = workspace.Run("import", source);
        var accepted = workspace.Run("import", source, "--overwrite");

        ToolAssert.ExitCode(1, refused);
        Assert.Matches(@"error SECB5\d\d:", refused.Stderr);
        ToolAssert.ExitCode(0, accepted);
        Assert.Contains("1 imported", accepted.Stdout);
        Assert.Contains("NOT_DECLARED", accepted.Stdout);
        Assert.True(workspace.EnvValues()["DB_PASSWORD"] == "Imported-Passw0rd-Value-1234567890abcdef", "the imported value is not in .env.development");
        ToolAssert.NoValue(accepted, workspace.EnvValues());
    }

    [Fact]
    public void Regenerate_needs_the_environment_name_as_confirmation()
    {
        var workspace = new ToolWorkspace(tool);
        var before = workspace.Provision();

        var refused = workspace.Run("regenerate");
        var confirmed = workspace.Run("regenerate", "--confirm", "development");

        ToolAssert.ExitCode(1, refused);
        ToolAssert.Error("SECB554", refused);
        ToolAssert.ExitCode(0, confirmed);
        Assert.True(workspace.EnvValues()["API_TOKEN"] != before["API_TOKEN"], "regenerate kept the old value");
        Assert.True(Directory.Exists(Path.Combine(workspace.Directory, "secrets", "backup")), confirmed.ToString());
    }

    [Fact]
    public void Report_prints_the_score_and_each_check_and_gates_on_min_score()
    {
        var workspace = new ToolWorkspace(tool);
        var values = workspace.Provision();

        var summary = workspace.Run("report");
        var json = workspace.Run("report", "--format", "json");
        // A temp workspace outside git scores below 100 (no .gitignore check passes): gate just above it.
        var score = int.Parse(System.Text.RegularExpressions.Regex.Match(summary.Stdout, @"score (\d+)/100").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(score, 0, 99);
        var gated = workspace.Run("report", "--min-score", (score + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var passed = workspace.Run("report", "--min-score", score.ToString(System.Globalization.CultureInfo.InvariantCulture));

        ToolAssert.ExitCode(0, summary);
        Assert.Contains("score", summary.Stdout);
        Assert.Contains("SECB601", summary.Stdout);
        ToolAssert.NoValue(summary, values);
        ToolAssert.ExitCode(0, json);
        using (var document = JsonDocument.Parse(json.Stdout))
        {
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        }

        ToolAssert.NoValue(json, values);
        ToolAssert.ExitCode(1, gated);
        ToolAssert.Error("SECB600", gated);
        ToolAssert.ExitCode(0, passed);
        ToolAssert.ExitCode(2, workspace.Run("report", "--format", "pdf"));
    }

    [Fact]
    public void Audit_verify_passes_and_audit_log_lists_events_without_values()
    {
        var workspace = new ToolWorkspace(tool);
        var values = workspace.Provision();
        ToolAssert.ExitCode(0, workspace.Run("rotate", "API_TOKEN"));

        var verify = workspace.Run("audit", "verify");
        var log = workspace.Run("audit", "log");
        var rotated = workspace.Run("audit", "log", "--event", "rotated", "--since", "1d");
        var bad = workspace.Run("audit", "log", "--event", "nonsense");

        ToolAssert.ExitCode(0, verify);
        Assert.Contains("entries verified", verify.Stdout);
        ToolAssert.ExitCode(0, log);
        Assert.Contains("generated", log.Stdout);
        ToolAssert.NoValue(log, values);
        ToolAssert.NoValue(log, workspace.EnvValues());
        ToolAssert.ExitCode(0, rotated);
        Assert.Contains("1 event(s)", rotated.Stdout);
        Assert.Contains("API_TOKEN", rotated.Stdout);
        ToolAssert.ExitCode(1, bad);
    }

    [Fact]
    public void Audit_verify_names_an_edited_line()
    {
        var workspace = new ToolWorkspace(tool);
        workspace.Provision();
        var trail = Path.Combine(workspace.Directory, "secrets", ".env.development.audit.jsonl");
        File.WriteAllText(trail, File.ReadAllText(trail).Replace("\"generated\"", "\"imported\"", StringComparison.Ordinal));

        var verify = workspace.Run("audit", "verify");

        ToolAssert.ExitCode(1, verify);
        Assert.Contains(trail, verify.Stderr);
    }

    [Fact]
    public void Recipients_list_shows_the_stores_key()
    {
        var workspace = new ToolWorkspace(tool);
        workspace.Provision();

        var list = workspace.Run("recipients", "list");

        ToolAssert.ExitCode(0, list);
        Assert.Contains("key", list.Stdout);
    }
}
