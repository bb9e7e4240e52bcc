using System.Text.Json;
using Secrets.Build.Tool.Tests.Infrastructure;

namespace Secrets.Build.Tool.Tests;

[Collection(ToolCollection.Name)]
public sealed class StatusTests(ToolFixture tool)
{
    [Fact]
    public void Status_lists_every_secret_as_a_plain_table_without_a_value()
    {
        var workspace = new ToolWorkspace(tool);
        var values = workspace.Provision();

        var status = workspace.Run("status");

        ToolAssert.ExitCode(0, status);
        ToolAssert.NoValue(status, values);
        ToolAssert.MatchesSnapshot("status", status.Stdout, workspace);
        Assert.DoesNotContain('\u001b', status.Stdout);
    }

    [Fact]
    public void Status_json_gives_the_same_facts_for_scripts()
    {
        var workspace = new ToolWorkspace(tool);
        var values = workspace.Provision();

        var status = workspace.Run("status", "--json");

        ToolAssert.ExitCode(0, status);
        ToolAssert.NoValue(status, values);
        using var json = JsonDocument.Parse(status.Stdout);
        var root = json.RootElement;
        Assert.Equal("development", root.GetProperty("environment").GetString());
        Assert.True(root.GetProperty("store").GetProperty("exists").GetBoolean());
        Assert.Single(root.GetProperty("store").GetProperty("keyIds").EnumerateArray());
        Assert.Equal("current", root.GetProperty("outputs").GetProperty("state").GetString());
        var secrets = root.GetProperty("secrets").EnumerateArray().ToList();
        Assert.Equal(["DB_PASSWORD", "API_TOKEN", "JWT_SECRET_KEY"], secrets.Select(s => s.GetProperty("name").GetString()));
        Assert.All(secrets, s => Assert.Equal("generated", s.GetProperty("source").GetString()));
        Assert.All(secrets, s => Assert.Equal(1, s.GetProperty("version").GetInt32()));
        Assert.Equal(["db", "api"], secrets[0].GetProperty("services").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public void Status_before_any_store_shows_the_secrets_as_missing()
    {
        var workspace = new ToolWorkspace(tool);

        var status = workspace.Run("status");

        ToolAssert.ExitCode(0, status);
        Assert.Contains("none yet", status.Stdout);
        Assert.Equal(3, status.Stdout.Split('\n').Count(line => line.Contains(" missing ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Status_says_the_outputs_are_stale_after_the_store_changed()
    {
        var workspace = new ToolWorkspace(tool);
        workspace.Provision();
        File.SetLastWriteTimeUtc(Path.Combine(workspace.Directory, ".env.development"), DateTime.UtcNow.AddDays(-1));

        var status = workspace.Run("status");

        ToolAssert.ExitCode(0, status);
        Assert.Contains("Outputs:     stale", status.Stdout);
    }

    [Fact]
    public void Status_marks_an_overdue_secret()
    {
        var workspace = new ToolWorkspace(tool);
        workspace.Provision();
        workspace.SetNextRotation("DB_PASSWORD", new DateTimeOffset(2020, 3, 31, 0, 0, 0, TimeSpan.Zero));

        var status = workspace.Run("status");

        ToolAssert.ExitCode(0, status);
        Assert.Contains("2020-03-31 (overdue)", status.Stdout.Split('\n').Single(l => l.StartsWith("DB_PASSWORD", StringComparison.Ordinal)));
        Assert.DoesNotContain("overdue", status.Stdout.Split('\n').Single(l => l.StartsWith("API_TOKEN", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Status_prints_a_schema_warning_once(bool json)
    {
        // No secrets is a warning (SECB117). With a store, status runs the trust and rotation checks
        // on the schema it read, and neither may print the warning again.
        var workspace = new ToolWorkspace(tool, """{ "version": 1, "project": "tool-tests", "environments": ["development"], "secrets": {} }""");
        workspace.Provision();

        var status = json ? workspace.Run("status", "--json") : workspace.Run("status");

        ToolAssert.ExitCode(0, status);
        ToolAssert.WarnedOnce("SECB117", Path.Combine(workspace.Directory, "secrets.schema.json"), status);
        if (json)
        {
            using var document = JsonDocument.Parse(status.Stdout);
            Assert.True(document.RootElement.GetProperty("store").GetProperty("exists").GetBoolean());
        }
    }
}
