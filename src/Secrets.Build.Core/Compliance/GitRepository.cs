using System.Diagnostics;
using System.Text;

namespace Secrets.Build.Core.Compliance;

/// <summary>
/// Asks the <c>git</c> command line about a workspace: which files are ignored, tracked, or hold given
/// text. Git itself answers rather than a reimplementation of .gitignore rules, so nested ignore files,
/// global excludes and negations count exactly as git counts them.
/// </summary>
internal sealed class GitRepository
{
    private readonly string _workspace;

    private GitRepository(string workspace, string topLevel)
    {
        _workspace = workspace;
        TopLevel = topLevel;
    }

    /// <summary>The repository's top folder.</summary>
    public string TopLevel { get; }

    /// <summary>The repository that holds <paramref name="workspace"/>, or null with the reason when there is none.</summary>
    public static GitRepository? Find(string workspace, out string reason)
    {
        var result = Run(workspace, ["rev-parse", "--show-toplevel"]);
        if (result is null)
        {
            reason = "git is not installed or could not be started";
            return null;
        }

        if (result.Value.ExitCode != 0)
        {
            // Other failures (e.g. git refusing a repository owned by another user) must not pass
            // for "no repository": the reader would think nothing needed checking.
            var error = result.Value.Error.Trim();
            reason = error.Contains("not a git repository", StringComparison.OrdinalIgnoreCase)
                ? $"the workspace {workspace} is not inside a git repository"
                : $"git could not read the repository around {workspace}: {error.Split('\n')[0]}";
            return null;
        }

        reason = string.Empty;
        return new GitRepository(workspace, Path.GetFullPath(result.Value.Output.Trim()));
    }

    /// <summary>True when <paramref name="path"/> lies inside the repository's working tree.</summary>
    public bool Contains(string path)
    {
        var relative = Path.GetRelativePath(TopLevel, Path.GetFullPath(path));
        return !Path.IsPathRooted(relative) && relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>True when git ignores <paramref name="path"/> (which need not exist).</summary>
    public bool IsIgnored(string path) => Run(_workspace, ["check-ignore", "-q", "--", path])?.ExitCode == 0;

    /// <summary>True when <paramref name="path"/> is in the index (tracked), whatever .gitignore says.</summary>
    public bool IsTracked(string path) => Run(_workspace, ["ls-files", "--error-unmatch", "--", path])?.ExitCode == 0;

    /// <summary>
    /// The tracked files (paths relative to the repository top) that contain any line of
    /// <paramref name="patternFile"/> as fixed text. Null when git failed.
    /// </summary>
    public IReadOnlyList<string>? TrackedFilesContaining(string patternFile)
    {
        var result = Run(TopLevel, ["-c", "core.quotePath=false", "grep", "--no-color", "-l", "-I", "-F", "-f", patternFile, "--", "."]);
        return result switch
        {
            null => null,
            // git grep exits 1 when nothing matched.
            { ExitCode: 1 } => [],
            { ExitCode: 0 } r => r.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            _ => null,
        };
    }

    private static (int ExitCode, string Output, string Error)? Run(string workingDirectory, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A repository's own configuration must not turn on a pager or ask for credentials.
        start.Environment["GIT_PAGER"] = "cat";
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            // Stderr is read concurrently so a chatty git cannot fill its pipe and hang.
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output, error.Result);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
