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
public sealed record ComplianceReport(
    string Project,
    string Environment,
    string Workspace,
    DateTimeOffset GeneratedAt,
    string ToolVersion,
    int Score,
    ImmutableArray<ComplianceCheckResult> Checks)
{
    /// <summary>A path as reports show it: relative to the workspace with <c>/</c> when inside it, else as given.</summary>
    public string Display(string path)
    {
        var relative = Path.GetRelativePath(Workspace, path);
        return Path.IsPathRooted(relative) || relative.StartsWith("..", StringComparison.Ordinal)
            ? path
            : relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
