using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Compliance;

/// <summary>
/// Everything one compliance report needs: the settings every operation on an environment shares, plus
/// the score threshold. The <c>SecretsReport</c> MSBuild target fills it from its properties.
/// </summary>
public sealed record ReportOptions : LifecycleOptions
{
    /// <summary>
    /// A score (0-100) below which the result carries an error (SECB600), for build pipelines
    /// (<c>-p:SecretsMinimumScore=90</c>). Null: the score is only reported.
    /// </summary>
    public int? MinimumScore { get; init; }

    /// <summary>Whether to write the JSON, Markdown and SARIF files (false: evaluate only).</summary>
    public bool WriteReports { get; init; } = true;
}
