using System.Collections.Immutable;

namespace Secrets.Build.Core.Compliance;

/// <summary>One evaluated report, as every writer renders it.</summary>
/// <param name="Project">The schema's project name.</param>
/// <param name="Environment">The lower-case environment.</param>
/// <param name="Workspace">The workspace folder; file paths inside it are written relative to it.</param>
/// <param name="GeneratedAt">When the report was made (UTC).</param>
/// <param name="ToolVersion">The Secrets.Build version that made it.</param>
/// <param name="Score">The weighted score, 0-100.</param>
/// <param name="Checks">Every check's result, in check order.</param>
internal sealed record ComplianceReport(
    string Project,
    string Environment,
    string Workspace,
    DateTimeOffset GeneratedAt,
    string ToolVersion,
    int Score,
    ImmutableArray<ComplianceCheckResult> Checks)
{
    /// <summary>
    /// A path as reports show it: relative to the workspace with <c>/</c> when inside it, under the
    /// home folder as <c>~/...</c> (the key folder), else as given. The report files are local, but
    /// they get attached to tickets and uploaded as CI artifacts: they name no user's folders.
    /// </summary>
    public string Display(string path)
    {
        var relative = Path.GetRelativePath(Workspace, path);
        if (!Path.IsPathRooted(relative) && !relative.StartsWith("..", StringComparison.Ordinal))
        {
            return relative.Replace(Path.DirectorySeparatorChar, '/');
        }

        var home = System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
        var fromHome = home.Length == 0 ? ".." : Path.GetRelativePath(home, path);
        return Path.IsPathRooted(fromHome) || fromHome.StartsWith("..", StringComparison.Ordinal)
            ? path
            : "~/" + fromHome.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>Evidence or fix text with the workspace's and the home folder's absolute paths written as <see cref="Display"/> writes them.</summary>
    public string DisplayText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var workspace = Path.TrimEndingDirectorySeparator(Workspace);
        var shown = text.Replace(workspace + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal)
            .Replace("'" + workspace + "'", "the workspace", StringComparison.Ordinal);
        var home = System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
        return home.Length == 0 ? shown : shown.Replace(Path.TrimEndingDirectorySeparator(home) + Path.DirectorySeparatorChar, "~/", StringComparison.Ordinal);
    }
}
