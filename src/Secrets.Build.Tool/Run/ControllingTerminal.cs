using System.Runtime.InteropServices;

namespace Secrets.Build.Tool.Run;

/// <summary>
/// Whether a process is in the foreground process group of the tool's controlling terminal. Ctrl+C
/// on a terminal sends SIGINT to every process of that group, so such a process has had the signal
/// from the terminal already and must not get it a second time from the tool.
/// </summary>
internal static partial class ControllingTerminal
{
    // open(2) flags are the same on Linux and macOS for reading; /dev/tty needs no O_NOCTTY (it is the
    // controlling terminal already), and the descriptor is closed before anything else is started.
    private const int ReadOnly = 0;

    /// <summary>
    /// True when <paramref name="pid"/>'s process group is the terminal's foreground group. False when
    /// there is no controlling terminal (a service, a CI job, setsid) or the process has a group of its own.
    /// </summary>
    public static bool HasInForeground(int pid)
    {
        var group = GetProcessGroup(pid);
        if (group <= 0)
        {
            return false;
        }

        // /dev/tty, not stdin: Ctrl+C comes from the controlling terminal even when stdin, stdout and
        // stderr are all redirected ('secrets-build run -- app < in > out').
        var terminal = Open("/dev/tty", ReadOnly);
        if (terminal < 0)
        {
            return false;
        }

        try
        {
            return GetForegroundGroup(terminal) == group;
        }
        finally
        {
            _ = Close(terminal);
        }
    }

    [LibraryImport("libc", EntryPoint = "getpgid")]
    private static partial int GetProcessGroup(int pid);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "tcgetpgrp")]
    private static partial int GetForegroundGroup(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
