using System.Collections.Immutable;
using System.Globalization;
using Secrets.Build.Core;
using Secrets.Build.Core.Compliance;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Tasks;

/// <summary>
/// The task behind <c>SecretsReport</c>: scores the environment against the compliance checks,
/// writes the JSON, Markdown and SARIF reports, and reports each failing check as a warning
/// (<see cref="SecretsManager.GenerateComplianceReport"/>).
/// </summary>
public sealed class SecretsReportTask : SecretsOperationTask
{
    /// <summary>A score (0-100) below which the target fails (<c>$(SecretsMinimumScore)</c>); empty only reports.</summary>
    public string? MinimumScore { get; set; }

    /// <summary>The score, for targets that act on it.</summary>
    [Microsoft.Build.Framework.Output]
    public int Score { get; private set; }

    /// <summary>The report files written: JSON, Markdown and SARIF.</summary>
    [Microsoft.Build.Framework.Output]
    public string[] ReportFiles { get; private set; } = [];

    /// <inheritdoc />
    protected override string TargetName => "SecretsReport";

    /// <inheritdoc />
    protected override string OperationDescription => "The compliance report";

    private int? ParsedMinimumScore { get; set; }

    /// <inheritdoc />
    protected override bool ValidateProperties()
    {
        if (string.IsNullOrWhiteSpace(MinimumScore))
        {
            return true;
        }

        if (!int.TryParse(MinimumScore.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var score) || score > 100)
        {
            LogInvalidProperty(
                $"SecretsMinimumScore is '{MinimumScore}', which is not a score from 0 to 100.",
                "Set it to a whole number from 0 to 100, e.g. -p:SecretsMinimumScore=90, or leave it empty to only report the score.");
            return false;
        }

        ParsedMinimumScore = score;
        return true;
    }

    /// <inheritdoc />
    protected override ImmutableArray<SecretsDiagnostic> Run(CancellationToken cancellationToken)
    {
        var result = new SecretsManager().GenerateComplianceReport(
            WithCommon(new ReportOptions { SchemaPath = SchemaPath, MinimumScore = ParsedMinimumScore }),
            cancellationToken);

        Score = result.Score;
        ReportFiles = [.. result.WrittenFiles];
        if (result.Summary.Length > 0)
        {
            LogSummary(result.Summary + ".");
        }

        foreach (var file in result.WrittenFiles)
        {
            LogSummary($"  Report: {file}");
        }

        return result.Diagnostics;
    }
}
