using System.Diagnostics;

namespace Secrets.Build.Tool.Tests.Infrastructure;

/// <summary>
/// A detached tmux session on its own server socket: the tool runs with a real terminal as stdout,
/// as a person sees it, and the test reads the screen back with capture-pane.
/// </summary>
public sealed class Tmux : IDisposable
{
    private readonly string _socket = "secb-" + Guid.NewGuid().ToString("N")[..8];

    public static string? Path { get; } = Find("tmux");

    /// <summary>Where <paramref name="program"/> is on PATH, or null.</summary>
    public static string? Find(string program) => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(directory => System.IO.Path.Combine(directory, program))
        .FirstOrDefault(File.Exists);

    /// <summary>What a session started with <see cref="StartIn"/> prints when its commands are done.</summary>
    public const string Done = "session-done";

    /// <summary>
    /// Starts a shell in the terminal that runs <paramref name="commands"/> (sh) in the workspace, with
    /// its key folder, without NO_COLOR and CI, in UTF-8, then prints <see cref="Done"/> and stays open
    /// so the screen can be read.
    /// </summary>
    public void StartIn(ToolWorkspace workspace, string commands)
    {
        var script = System.IO.Path.Combine(workspace.Root, "session.sh");
        File.WriteAllText(script, $"""
            cd '{workspace.Directory}'
            unset NO_COLOR CI
            export SECRETS_BUILD_KEY_DIR='{workspace.KeyDirectory}' LANG=C.UTF-8
            {commands}
            echo {Done}
            sleep 600
            """);
        Start(script);
    }

    /// <summary>Starts <paramref name="script"/> (a sh script) in a 200x50 terminal.</summary>
    public void Start(string script) => Run("new-session", "-d", "-s", "main", "-x", "200", "-y", "50", "sh " + script);

    /// <summary>Types <paramref name="keys"/> (tmux key names: C-c is Ctrl+C) into the terminal.</summary>
    public void SendKeys(string keys) => Run("send-keys", "-t", "main", keys);

    /// <summary>The screen (and all its scrollback) once <paramref name="marker"/> appears on it, or what is there after a minute.</summary>
    /// <param name="marker">The text to wait for.</param>
    /// <param name="escapes">Whether to keep the colour and style escape sequences in the text.</param>
    public string WaitFor(string marker, bool escapes = false)
    {
        string[] capture = escapes ? ["capture-pane", "-p", "-e", "-J", "-S", "-", "-t", "main"] : ["capture-pane", "-p", "-J", "-S", "-", "-t", "main"];
        var screen = string.Empty;
        SpinWait.SpinUntil(() => (screen = Run(capture)).Contains(marker, StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        return screen;
    }

    public void Dispose()
    {
        try
        {
            Run("kill-server");
        }
        catch (InvalidOperationException)
        {
            // The server is gone already.
        }
    }

    private string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path!) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(_socket);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"tmux {string.Join(' ', arguments)}: {error}");
    }
}
