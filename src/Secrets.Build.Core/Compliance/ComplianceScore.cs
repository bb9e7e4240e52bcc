namespace Secrets.Build.Core.Compliance;

/// <summary>
/// The score from 0 to 100, weighted by severity (formula in Compliance/README.md):
/// each evaluated check weighs 10 (critical), 5 (high) or 2 (medium) and earns its full weight
/// when it passes, half when it warns and nothing when it fails; skipped checks are left out
/// of both sums. The score is the earned share, rounded down, so 100 means every evaluated check passed;
/// a report with a skipped check is capped at 99 and one that evaluated nothing scores 0, because
/// 100 claims that every check passed.
/// </summary>
internal static class ComplianceScore
{
    /// <summary>The weight of a check of <paramref name="severity"/>.</summary>
    public static int Weight(ComplianceSeverity severity) => severity switch
    {
        ComplianceSeverity.Critical => 10,
        ComplianceSeverity.High => 5,
        ComplianceSeverity.Medium => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    /// <summary>The score of a set of results.</summary>
    public static int Compute(IEnumerable<ComplianceCheckResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        // Counted in half points so a warning's half weight stays an integer.
        var possible = 0;
        var earned = 0;
        var skipped = false;
        foreach (var result in results)
        {
            if (result.Status == ComplianceStatus.Skip)
            {
                skipped = true;
                continue;
            }

            var halves = 2 * Weight(result.Severity);
            possible += halves;
            earned += result.Status switch
            {
                ComplianceStatus.Pass => halves,
                ComplianceStatus.Warn => halves / 2,
                _ => 0,
            };
        }

        // Rounded down: a report with any warning or failure must never show 100.
        if (possible == 0)
        {
            return 0;
        }

        var score = (int)(100L * earned / possible);
        return skipped ? Math.Min(score, 99) : score;
    }
}
