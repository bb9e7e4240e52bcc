using Secrets.Build.Tool.Tests.Infrastructure;

namespace Secrets.Build.Tool.Tests;

/// <summary>The tool on a real terminal (tmux): borders and colour, and get's refusal to print a value there.</summary>
[Collection(ToolCollection.Name)]
public sealed class TerminalTests(ToolFixture tool)
{
    [TmuxFact]
    public void On_a_terminal_status_draws_a_table_and_get_refuses_without_reveal()
    {
        var workspace = new ToolWorkspace(tool);
        var values = workspace.Provision();
        var script = Path.Combine(workspace.Root, "session.sh");
        File.WriteAllText(script, $"""
            cd '{workspace.Directory}'
            unset NO_COLOR CI
            export SECRETS_BUILD_KEY_DIR='{workspace.KeyDirectory}' LANG=C.UTF-8
            '{tool.ExecutablePath}' status
            echo "status-exit=$?"
            '{tool.ExecutablePath}' get DB_PASSWORD
            echo "get-exit=$?"
            echo session-done
            sleep 600
            """);
        using var tmux = new Tmux();

        tmux.Start(script);
        var screen = tmux.WaitFor("session-done");

        Assert.True(screen.Contains("session-done", StringComparison.Ordinal), "the session did not finish:\n" + screen);
        Assert.Contains("status-exit=0", screen);
        Assert.Contains("│ DB_PASSWORD", screen);
        Assert.Contains("╭", screen);
        Assert.Contains("SECB801", screen);
        Assert.Contains("get-exit=1", screen);
        Assert.False(screen.Contains(values["DB_PASSWORD"], StringComparison.Ordinal), "DB_PASSWORD's value is on the screen");
    }
}
