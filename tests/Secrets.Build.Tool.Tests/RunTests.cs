using Secrets.Build.Tool.Tests.Infrastructure;

namespace Secrets.Build.Tool.Tests;

[Collection(ToolCollection.Name)]
public sealed class RunTests(ToolFixture tool)
{
    [Fact]
    public void Run_passes_the_secrets_to_the_command_and_writes_no_env_file()
    {
        var workspace = new ToolWorkspace(tool);
        var values = workspace.Provision();
        File.Delete(Path.Combine(workspace.Directory, ".env.development"));
        var seen = Path.Combine(workspace.Root, "seen");
        workspace.Variables["EXPECTED"] = values["DB_PASSWORD"];

        // The child compares inside the shell, so no value reaches the test's output.
        var result = workspace.Run("run", "--", "sh", "-c", $"test \"$DB_PASSWORD\" = \"$EXPECTED\" && test -n \"$JWT_SECRET_KEY\" && echo ok > {seen}");

        ToolAssert.ExitCode(0, result);
        Assert.True(File.Exists(seen), result.ToString());
        Assert.False(File.Exists(Path.Combine(workspace.Directory, ".env.development")), "run wrote .env.development");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(42)]
    public void Run_exits_with_the_commands_exit_code(int code)
    {
        var workspace = new ToolWorkspace(tool);
        workspace.Provision();

        var result = workspace.Run("run", "--", "sh", "-c", $"exit {code}");

        ToolAssert.ExitCode(code, result);
    }

    [Fact]
    public void Run_adds_the_previous_value_during_the_grace_window_after_a_rotation()
    {
        var workspace = new ToolWorkspace(tool);
        var before = workspace.Provision();
        ToolAssert.ExitCode(0, workspace.Run("rotate", "DB_PASSWORD"));
        var marker = Path.Combine(workspace.Root, "previous-ok");

        var result = workspace.Run("run", "--", "sh", "-c",
            $"test -n \"$DB_PASSWORD__PREVIOUS\" && test \"$DB_PASSWORD__PREVIOUS\" != \"$DB_PASSWORD\" && test -z \"$API_TOKEN__PREVIOUS\" && echo ok > {marker}");

        ToolAssert.ExitCode(0, result);
        Assert.True(File.Exists(marker), result.ToString());
        Assert.True(workspace.EnvValues()["DB_PASSWORD__PREVIOUS"] == before["DB_PASSWORD"], "the previous value is not the value before the rotation");
    }

    [Fact]
    public void A_command_that_cannot_start_is_SECB803()
    {
        var workspace = new ToolWorkspace(tool);
        workspace.Provision();

        var result = workspace.Run("run", "--", "no-such-command-here");

        ToolAssert.ExitCode(1, result);
        ToolAssert.Error("SECB803", result);
    }

    [Theory]
    [InlineData("TERM", 43)]
    [InlineData("INT", 44)]
    public async Task Run_forwards_the_signal_and_returns_the_commands_answer(string signal, int answer)
    {
        var workspace = new ToolWorkspace(tool);
        workspace.Provision();
        var ready = Path.Combine(workspace.Root, "ready");

        // The child traps the signal, says it is ready, and exits with its own code when signalled.
        // Without a terminal: SIGINT is forwarded then (in a terminal's foreground it comes from the terminal).
        using var process = workspace.StartWithoutTerminal(workspace.Directory, "run", "--", "sh", "-c",
            $"trap 'exit {answer}' {signal}; touch {ready}; while true; do sleep 0.05; done");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        SpinWait.SpinUntil(() => File.Exists(ready) || process.HasExited, TimeSpan.FromSeconds(60));
        Assert.True(File.Exists(ready), "the child never started: " + (process.HasExited ? await stderr : "(still running)"));

        using (var kill = System.Diagnostics.Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "secrets-build did not end after the child was signalled");
        Assert.True(process.ExitCode == answer, $"exit {process.ExitCode}\n{await stdout}\n{await stderr}");
    }
}
