using Secrets.Build.Core.Compliance;

namespace Secrets.Build.Core.Tests.Compliance;

/// <summary>The weighted score: critical 10, high 5, medium 2; warn earns half; skip is left out.</summary>
public sealed class ComplianceScoreTests
{
    private static ComplianceCheckResult R(ComplianceSeverity severity, ComplianceStatus status) =>
        new("SECB6xx", "t", severity, status, "e", "f", "s", []);

    [Fact]
    public void Every_check_passing_scores_100()
    {
        Assert.Equal(100, ComplianceScore.Compute([R(ComplianceSeverity.Critical, ComplianceStatus.Pass), R(ComplianceSeverity.Medium, ComplianceStatus.Pass)]));
    }

    [Fact]
    public void A_failing_check_loses_its_weight_share()
    {
        // possible 10 + 5 + 2 = 17, earned 10 + 2 = 12: 70.6 rounds down to 70.
        var score = ComplianceScore.Compute([
            R(ComplianceSeverity.Critical, ComplianceStatus.Pass),
            R(ComplianceSeverity.High, ComplianceStatus.Fail),
            R(ComplianceSeverity.Medium, ComplianceStatus.Pass)]);

        Assert.Equal(70, score);
    }

    [Fact]
    public void A_warning_earns_half_its_weight()
    {
        // possible 10 + 5 = 15, earned 10 + 2.5 = 12.5: 83.3 rounds down to 83.
        Assert.Equal(83, ComplianceScore.Compute([R(ComplianceSeverity.Critical, ComplianceStatus.Pass), R(ComplianceSeverity.High, ComplianceStatus.Warn)]));
    }

    [Fact]
    public void A_critical_failure_weighs_five_times_a_medium_one()
    {
        var critical = ComplianceScore.Compute([R(ComplianceSeverity.Critical, ComplianceStatus.Fail), R(ComplianceSeverity.Medium, ComplianceStatus.Pass)]);
        var medium = ComplianceScore.Compute([R(ComplianceSeverity.Critical, ComplianceStatus.Pass), R(ComplianceSeverity.Medium, ComplianceStatus.Fail)]);

        Assert.Equal(16, critical); // 2 of 12
        Assert.Equal(83, medium);   // 10 of 12
    }

    [Fact]
    public void Skipped_checks_leave_the_denominator_but_keep_the_score_below_100()
    {
        var score = ComplianceScore.Compute([R(ComplianceSeverity.Critical, ComplianceStatus.Pass), R(ComplianceSeverity.Critical, ComplianceStatus.Skip)]);
        var withFailure = ComplianceScore.Compute([
            R(ComplianceSeverity.High, ComplianceStatus.Pass), R(ComplianceSeverity.High, ComplianceStatus.Fail), R(ComplianceSeverity.Critical, ComplianceStatus.Skip)]);

        Assert.Equal(99, score);
        Assert.Equal(50, withFailure);
    }

    [Fact]
    public void Nothing_evaluated_scores_0()
    {
        Assert.Equal(0, ComplianceScore.Compute([R(ComplianceSeverity.High, ComplianceStatus.Skip)]));
        Assert.Equal(0, ComplianceScore.Compute([]));
    }

    [Fact]
    public void Any_warning_or_failure_keeps_the_score_below_100_even_among_many_passes()
    {
        var many = Enumerable.Repeat(R(ComplianceSeverity.Critical, ComplianceStatus.Pass), 500).Append(R(ComplianceSeverity.Medium, ComplianceStatus.Warn));

        Assert.Equal(99, ComplianceScore.Compute(many));
    }
}
