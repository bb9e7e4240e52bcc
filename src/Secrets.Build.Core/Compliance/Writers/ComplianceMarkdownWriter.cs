using System.Globalization;
using System.Text;

namespace Secrets.Build.Core.Compliance.Writers;

/// <summary>Renders <c>secrets/.env.&lt;env&gt;.compliance.md</c>: the report for people (reviewers, pull requests).</summary>
internal static class ComplianceMarkdownWriter
{
    /// <summary>The Markdown text of <paramref name="report"/>.</summary>
    public static string Render(ComplianceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Secrets compliance report: {report.Project}, {report.Environment}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"**Score: {report.Score} / 100**, generated {report.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC by Secrets.Build {report.ToolVersion}.\n\n");
        text.Append("Weights: critical 10, high 5, medium 2; a warning earns half, a skipped check is left out.\n\n");
        text.Append("| Check | Status | Severity | Requirement |\n|---|---|---|---|\n");
        foreach (var check in report.Checks)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {check.Id} | {Badge(check.Status)} | {ComplianceNames.Of(check.Severity)} | {Cell(check.Title)} |\n");
        }

        foreach (var check in report.Checks)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## {check.Id}: {check.Title}\n\n");
            text.Append(CultureInfo.InvariantCulture, $"- **Status:** {Badge(check.Status)} ({ComplianceNames.Of(check.Severity)})\n");
            text.Append(CultureInfo.InvariantCulture, $"- **Evidence:** {Inline(report.DisplayText(check.Evidence))}\n");
            if (!string.IsNullOrEmpty(check.Fix))
            {
                text.Append(CultureInfo.InvariantCulture, $"- **Fix:** {Inline(report.DisplayText(check.Fix))}\n");
            }

            if (check.Files.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"- **Files:** {string.Join(", ", check.Files.Select(f => $"`{report.Display(f)}`"))}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"- **Source:** {Inline(check.Source)}\n");
        }

        return text.ToString();
    }

    private static string Badge(ComplianceStatus status) => ComplianceNames.Of(status).ToUpperInvariant();

    // Evidence is plain text; only what would break a table row or a list item is escaped.
    private static string Cell(string text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Inline(string text) => text.ReplaceLineEndings(" ");
}
