using System.Globalization;
using Secrets.Build.Tool.Tests.Infrastructure;

namespace Secrets.Build.Tool.Tests;

/// <summary>'run' in a real terminal (tmux): Ctrl+C reaches the child once, not once from the terminal and once from the tool.</summary>
[Collection(ToolCollection.Name)]
public sealed class RunTerminalTests(ToolFixture tool)
{
    // Counts each SIGINT it is sent. Python's own handlers run once for signals that arrive close
    // together; the wakeup descriptor gets one byte per delivery, so it counts them all. SIGTERM
    // ends it with the count: the tool forwards SIGTERM after any SIGINT it forwarded, so a second
    // SIGINT would be in the count by then.
    private const string InterruptCounter = """
        import os, signal, sys
        ready, seen = sys.argv[1], sys.argv[2]
        read, write = os.pipe()
        os.set_blocking(write, False)
        signal.signal(signal.SIGINT, lambda *_: None)
        signal.signal(signal.SIGTERM, lambda *_: None)
        signal.set_wakeup_fd(write)
        with open(ready + ".tmp", "w") as f:
            f.write(str(os.getppid()))
        os.rename(ready + ".tmp", ready)
        count = 0
        while True:
            for number in os.read(read, 64):
                if number == signal.SIGINT:
                    count += 1
                    open(seen, "w").close()
                elif number == signal.SIGTERM:
                    print(f"interrupts={count}", flush=True)
                    sys.exit(0)
        """;

    [TmuxFact("python3")]
    public void Ctrl_C_reaches_the_child_once()
    {
        var workspace = new ToolWorkspace(tool);
        workspace.Provision();
        var counter = Path.Combine(workspace.Root, "count-interrupts.py");
        var ready = Path.Combine(workspace.Root, "ready");
        var seen = Path.Combine(workspace.Root, "interrupted");
        File.WriteAllText(counter, InterruptCounter);
        using var tmux = new Tmux();

        // The no-op trap keeps this shell alive through Ctrl+C; the programs it starts get SIGINT's default back.
        tmux.StartIn(workspace, $"""
            trap ':' INT
            '{tool.ExecutablePath}' run -- python3 '{counter}' '{ready}' '{seen}'
            echo "run-exit=$?"
            """);
        Assert.True(SpinWait.SpinUntil(() => File.Exists(ready), TimeSpan.FromSeconds(60)), "the child never started:\n" + tmux.WaitFor(Tmux.Done));
        tmux.SendKeys("C-c");
        Assert.True(SpinWait.SpinUntil(() => File.Exists(seen), TimeSpan.FromSeconds(60)), "Ctrl+C never reached the child:\n" + tmux.WaitFor(Tmux.Done));
        var toolId = int.Parse(File.ReadAllText(ready), CultureInfo.InvariantCulture);
        using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", toolId.ToString(CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        var screen = tmux.WaitFor(Tmux.Done);
        Assert.True(screen.Contains(Tmux.Done, StringComparison.Ordinal), "the session did not finish:\n" + screen);
        Assert.Contains("interrupts=1", screen);
        Assert.Contains("run-exit=0", screen);
    }
}
