using System.Diagnostics;

namespace Secrets.Build.Core.Trust;

/// <summary>
/// Whether a new store is where git would keep it: inside a work tree (a <c>.git</c> folder, or the
/// file a linked work tree or submodule has, in the folder or a parent) and not ignored. Asked only
/// when a store is made, so the one git process it may start never runs on an ordinary build.
/// </summary>
internal static class GitWorkTree
{
    private static readonly TimeSpan GitTimeout = TimeSpan.FromSeconds(10);

    /// <summary>True when <paramref name="path"/> is inside a git work tree and git does not ignore it.</summary>
    public static bool WouldTrack(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return Contains(directory) && !IsIgnored(directory, path);
    }

    private static bool Contains(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var marker = Path.Combine(current.FullName, ".git");
            if (Directory.Exists(marker) || File.Exists(marker))
            {
                return true;
            }
        }

        return false;
    }

    // git itself answers: nested ignore files, global excludes and negations count as git counts
    // them. When git cannot answer (not installed, too slow), the store counts as not ignored:
    // the warning then errs on the side of saying "commit it".
    private static bool IsIgnored(string workingDirectory, string path)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = Directory.Exists(workingDirectory) ? workingDirectory : Path.GetDirectoryName(workingDirectory)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["check-ignore", "-q", "--", path])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return false;
            }

            if (!process.WaitForExit(GitTimeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
