using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Secrets.Build.Tool.Run;

/// <summary>
/// Runs a command with extra environment variables, its stdin, stdout and stderr the tool's own,
/// forwards SIGINT, SIGTERM and SIGHUP to it, and returns its exit code (128 + signal when a signal ended it).
/// </summary>
/// <remarks>
/// The child stays in the tool's process group, so it stays in the terminal's foreground with the
/// tool: it reads the terminal and job control (Ctrl+Z, fg) works on both as on one command. A
/// Ctrl+C there reaches the child from the terminal itself, so SIGINT is forwarded only when the
/// child is not in the terminal's foreground group (no terminal, or the child left the group);
/// otherwise a child that counts interrupts (first: shut down gently; second: now) would see two.
/// The price: a SIGINT sent with kill(1) to the tool alone while it runs in a terminal's foreground
/// is not handed on; SIGTERM is, always.
/// </remarks>
internal static partial class ChildProcess
{
    public static int Run(IReadOnlyList<string> command, IEnumerable<KeyValuePair<string, string>> variables)
    {
        var start = new ProcessStartInfo(command[0]) { UseShellExecute = false };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }

        using var process = new Process { StartInfo = start };
        // Until the child exits the tool must not die of these signals itself: it hands them on and
        // waits, so the child decides how to end and its exit code is the one returned. Registered
        // before the start, so a Ctrl+C the moment the child starts cannot end the tool without it.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Forward(context, process));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Forward(context, process));
        using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => Forward(context, process));
        if (!process.Start())
        {
            throw new Win32Exception($"'{command[0]}' did not start.");
        }

        process.WaitForExit();
        return process.ExitCode;
    }

    private static void Forward(PosixSignalContext context, Process process)
    {
        int pid;
        try
        {
            pid = process.Id;
        }
        catch (InvalidOperationException)
        {
            // Not started yet: the tool ends as it would without a child.
            return;
        }

        context.Cancel = true;
        if (OperatingSystem.IsWindows())
        {
            // Windows delivers Ctrl+C to every process on the console, the child included.
            return;
        }

        try
        {
            if (process.HasExited)
            {
                return;
            }
        }
        catch (InvalidOperationException)
        {
            return;
        }

        if (context.Signal == PosixSignal.SIGINT && ControllingTerminal.HasInForeground(pid))
        {
            // The terminal sent it to the child's group as well as to the tool: the child has it already.
            return;
        }

        // A child that exited since the check makes kill fail with ESRCH: nothing to forward to.
        _ = Kill(pid, Number(context.Signal));
    }

    // PosixSignal's values are .NET's own (negative); kill(2) takes the platform's numbers, which
    // Linux and macOS share for these three.
    private static int Number(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGINT => 2,
        PosixSignal.SIGTERM => 15,
        PosixSignal.SIGHUP => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "Not a forwarded signal."),
    };

    // .NET sends only SIGKILL (Process.Kill); forwarding any other signal takes kill(2) itself.
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
