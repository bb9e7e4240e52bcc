using System.Text.RegularExpressions;
using Secrets.Build.IntegrationTests.Infrastructure;
using Secrets.Build.Tool.Tests.Infrastructure;

namespace Secrets.Build.Tool.Tests;

/// <summary>The tool on a real terminal (tmux): borders and colour, and get's refusal to print a value there.</summary>
[Collection(ToolCollection.Name)]
public sealed partial class TerminalTests(ToolFixture tool)
{
    [TmuxFact]
    public void On_a_terminal_status_draws_a_table_and_get_refuses_without_reveal()
    {
        var workspace = new ToolWorkspace(tool);
        var values = workspace.Provision();
        using var tmux = new Tmux();

        tmux.StartIn(workspace, $"""
            '{tool.ExecutablePath}' status
            echo "status-exit=$?"
            '{tool.ExecutablePath}' get DB_PASSWORD
            echo "get-exit=$?"
            """);
        var screen = tmux.WaitFor(Tmux.Done);

        Assert.True(screen.Contains(Tmux.Done, StringComparison.Ordinal), "the session did not finish:\n" + screen);
        Assert.Contains("status-exit=0", screen);
        Assert.Contains("│ DB_PASSWORD", screen);
        Assert.Contains("╭", screen);
        Assert.Contains("SECB801", screen);
        Assert.Contains("get-exit=1", screen);
        Assert.False(screen.Contains(values["DB_PASSWORD"], StringComparison.Ordinal), "DB_PASSWORD's value is on the screen");
    }

    [TmuxFact]
    public void On_a_terminal_status_colours_due_soon_yellow_and_overdue_red_and_NO_COLOR_turns_colour_off()
    {
        var workspace = new ToolWorkspace(tool);
        workspace.Provision();
        workspace.SetNextRotation("DB_PASSWORD", DateTimeOffset.UtcNow.AddDays(-3));
        workspace.SetNextRotation("API_TOKEN", DateTimeOffset.UtcNow.AddDays(7));
        // JWT_SECRET_KEY keeps its policy's due date, 30 days away: no colour.
        using var tmux = new Tmux();

        tmux.StartIn(workspace, $"""
            '{tool.ExecutablePath}' status
            echo "colour-exit=$?"
            NO_COLOR=1 '{tool.ExecutablePath}' status
            echo "plain-exit=$?"
            """);
        var screen = tmux.WaitFor(Tmux.Done, escapes: true);

        Assert.True(screen.Contains("plain-exit=0", StringComparison.Ordinal), "the session did not finish:\n" + screen);
        var colour = screen[..screen.IndexOf("colour-exit=0", StringComparison.Ordinal)];
        var plain = screen[colour.Length..];
        Assert.Matches(Red(), Row(colour, "DB_PASSWORD"));
        Assert.Matches(Yellow(), Row(colour, "API_TOKEN"));
        Assert.DoesNotMatch(AnyColour(), Row(colour, "JWT_SECRET_KEY"));
        Assert.Contains("│ DB_PASSWORD", plain);
        Assert.DoesNotMatch(AnyColour(), plain);
    }

    [TmuxFact]
    public void On_a_terminal_a_long_import_and_rotation_show_a_progress_bar_and_redirected_output_none()
    {
        const int Count = 1000;
        var names = Enumerable.Range(0, Count).Select(i => $"BULK_{i:D4}").ToList();
        var workspace = new ToolWorkspace(tool, $$"""
            { "version": 1, "project": "bulk", "environments": ["development"], "rotationPolicies": { "bulk": 90 }, "secrets": { {{string.Join(", ", names.Select(n => $$"""
            "{{n}}": { "description": "One of many.", "category": "bulk", "generate": { "kind": "hex", "bytes": 32 } }
            """))}} } }
            """);
        var source = Path.Combine(workspace.Root, "bulk.env");
        File.WriteAllLines(source, names.Select(n => $"{n}={System.Security.Cryptography.RandomNumberGenerator.GetHexString(64, lowercase: true)}"));
        var redirected = Path.Combine(workspace.Root, "rotate.txt");
        using var tmux = new Tmux();

        tmux.StartIn(workspace, $"""
            '{tool.ExecutablePath}' import '{source}'
            echo "import-exit=$?"
            '{tool.ExecutablePath}' rotate all
            echo "rotate-exit=$?"
            '{tool.ExecutablePath}' rotate all > '{redirected}'
            echo "redirected-exit=$?"
            """);
        var screen = tmux.WaitFor(Tmux.Done);
        LeakLedger.RecordOutputs(workspace.Directory);

        Assert.True(screen.Contains("redirected-exit=0", StringComparison.Ordinal), "the session did not finish:\n" + screen);
        Assert.Contains("import-exit=0", screen);
        Assert.Contains("rotate-exit=0", screen);
        Assert.Matches($@"Importing {Count}/{Count} ━+ 100%", screen);
        Assert.Matches($@"Rotating {Count}/{Count} ━+ 100%", screen);
        var plain = File.ReadAllText(redirected);
        Assert.Contains($"{Count} rotated", plain);
        Assert.DoesNotContain("Rotating", plain);
        Assert.DoesNotContain("━", plain);
    }

    private static string Row(string screen, string name) =>
        screen.Split('\n').Single(line => line.Contains("│ " + name + " ", StringComparison.Ordinal));

    // Spectre writes red and yellow as 256-colour indexes 9 and 11; tmux may hand them on as such or
    // as the 16-colour codes, depending on its version and terminal type.
    [GeneratedRegex(@"\x1b\[(?:38;5;9|91|31)m\d{4}-\d{2}-\d{2} \(overdue\)")]
    private static partial Regex Red();

    [GeneratedRegex(@"\x1b\[(?:38;5;11|93|33)m\d{4}-\d{2}-\d{2}")]
    private static partial Regex Yellow();

    // Any foreground or background colour; bold (1) and resets are not colour.
    [GeneratedRegex(@"\x1b\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7]|4[0-7]|10[0-7]|38;5;\d+|48;5;\d+|38;2;[\d;]+)m")]
    private static partial Regex AnyColour();
}
