namespace Secrets.Build.Core.Compliance;

/// <summary>
/// Asks the <c>git</c> command line about a workspace: which files are ignored, tracked, or hold given
/// text. Git itself answers rather than a reimplementation of .gitignore rules, so nested ignore files,
/// global excludes and negations count exactly as git counts them.
/// </summary>
internal sealed class GitRepository
{
    /// <summary>How long one git command may take before it is stopped (SECB561); a grep over a large repository fits well inside it.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    private readonly string _workspace;
    private readonly GitCommand _git;

    private GitRepository(string workspace, string topLevel, GitCommand git)
    {
        _workspace = workspace;
        TopLevel = topLevel;
        _git = git;
    }

    /// <summary>The repository's top folder.</summary>
    public string TopLevel { get; }

    /// <summary>The repository that holds <paramref name="workspace"/>, or null with the reason when there is none.</summary>
    /// <exception cref="Diagnostics.SecretsException">SECB561 when git does not answer in time.</exception>
    public static GitRepository? Find(string workspace, out string reason) =>
        Find(workspace, new GitCommand("git", DefaultTimeout), out reason);

    /// <summary>As <see cref="Find(string, out string)"/>, running <paramref name="git"/> for every command.</summary>
    internal static GitRepository? Find(string workspace, GitCommand git, out string reason)
    {
        var result = git.Run(workspace, ["rev-parse", "--show-toplevel"]);
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
        return new GitRepository(workspace, Path.GetFullPath(result.Value.Output.Trim()), git);
    }

    /// <summary>True when <paramref name="path"/> lies inside the repository's working tree.</summary>
    public bool Contains(string path)
    {
        var relative = Path.GetRelativePath(TopLevel, Path.GetFullPath(path));
        return !Path.IsPathRooted(relative) && relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>True when git ignores <paramref name="path"/> (which need not exist).</summary>
    public bool IsIgnored(string path) => _git.Run(_workspace, ["check-ignore", "-q", "--", path])?.ExitCode == 0;

    /// <summary>True when <paramref name="path"/> is in the index (tracked), whatever .gitignore says.</summary>
    public bool IsTracked(string path) => _git.Run(_workspace, ["ls-files", "--error-unmatch", "--", path])?.ExitCode == 0;

    /// <summary>
    /// The tracked files (paths relative to the repository top) that contain any of
    /// <paramref name="texts"/> as fixed text. Null when git failed.
    /// </summary>
    /// <remarks>
    /// The texts are secret values: they reach git through its standard input (<c>-f -</c>), never
    /// through a file a crash could leave behind, nor the command line other users can list.
    /// </remarks>
    public IReadOnlyList<string>? TrackedFilesContaining(IEnumerable<string> texts)
    {
        var patterns = string.Concat(texts.Select(t => t + "\n"));
        var result = _git.Run(TopLevel, ["-c", "core.quotePath=false", "grep", "--no-color", "-l", "-I", "-F", "-f", "-", "--", "."], patterns);
        return result switch
        {
            null => null,
            // git grep exits 1 when nothing matched.
            { ExitCode: 1 } => [],
            { ExitCode: 0 } r => r.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            _ => null,
        };
    }
}
