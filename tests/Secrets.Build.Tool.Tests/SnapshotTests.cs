using Secrets.Build.Tool.Tests.Infrastructure;

namespace Secrets.Build.Tool.Tests;

/// <summary>What each command prints with NO_COLOR to a pipe, compared with Snapshots/*.txt.</summary>
[Collection(ToolCollection.Name)]
public sealed class SnapshotTests(ToolFixture tool)
{
    [Fact]
    public void Rotate_output()
    {
        var workspace = new ToolWorkspace(tool);
        var values = workspace.Provision();

        var result = workspace.Run("rotate", "api_keys", "JWT_SECRET_KEY");

        ToolAssert.ExitCode(0, result);
        ToolAssert.NoValue(result, values);
        ToolAssert.MatchesSnapshot("rotate", result.Stdout, workspace);
    }

    [Fact]
    public void Audit_log_output()
    {
        var workspace = new ToolWorkspace(tool);
        var values = workspace.Provision();
        ToolAssert.ExitCode(0, workspace.Run("rotate", "API_TOKEN"));

        var result = workspace.Run("audit", "log");

        ToolAssert.ExitCode(0, result);
        ToolAssert.NoValue(result, values);
        ToolAssert.NoValue(result, workspace.EnvValues());
        ToolAssert.MatchesSnapshot("audit-log", result.Stdout, workspace, collapseSpaces: true);
    }

    [Fact]
    public void Recipients_list_output()
    {
        var workspace = new ToolWorkspace(tool);
        workspace.Provision();

        var result = workspace.Run("recipients", "list");

        ToolAssert.ExitCode(0, result);
        ToolAssert.MatchesSnapshot("recipients-list", result.Stdout, workspace);
    }

    [Fact]
    public void Missing_schema_error()
    {
        var workspace = new ToolWorkspace(tool, schema: null);

        var result = workspace.Run("rotate", "all");

        ToolAssert.ExitCode(1, result);
        Assert.Empty(result.Stdout);
        ToolAssert.MatchesSnapshot("missing-schema.stderr", result.Stderr, workspace);
    }

    [Fact]
    public void Usage_error()
    {
        var workspace = new ToolWorkspace(tool);

        var result = workspace.Run("rotate");

        ToolAssert.ExitCode(2, result);
        ToolAssert.MatchesSnapshot("usage.stderr", result.Stderr, workspace);
    }
}
