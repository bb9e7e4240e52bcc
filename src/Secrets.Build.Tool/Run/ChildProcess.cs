using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Secrets.Build.Tool.Run;

/// <summary>
/// Runs a command with extra environment variables, its stdin, stdout and stderr the tool's own,
/// forwards SIGINT and SIGTERM to it, and returns its exit code (128 + signal when a signal ended it).
/// </summary>
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

        using var process = Process.Start(start) ?? throw new Win32Exception($"'{command[0]}' did not start.");
        // Until the child exits the tool must not die of these signals itself: it hands them on and
        // waits, so the child decides how to end and its exit code is the one returned.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Forward(context, process));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Forward(context, process));
        using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => Forward(context, process));
        process.WaitForExit();
        return process.ExitCode;
    }

    private static void Forward(PosixSignalContext context, Process process)
    {
        context.Cancel = true;
        if (OperatingSystem.IsWindows())
        {
            // Windows delivers Ctrl+C to every process on the console, the child included.
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                _ = Kill(process.Id, Number(context.Signal));
            }
        }
        catch (InvalidOperationException)
        {
            // The child exited between the check and the call: nothing to forward to.
        }
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
