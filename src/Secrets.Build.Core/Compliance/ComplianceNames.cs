namespace Secrets.Build.Core.Compliance;

/// <summary>The lower-case spellings of statuses and severities that every report uses.</summary>
internal static class ComplianceNames
{
    /// <summary><c>pass</c>, <c>warn</c>, <c>fail</c> or <c>skip</c>.</summary>
    public static string Of(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Pass => "pass",
        ComplianceStatus.Warn => "warn",
        ComplianceStatus.Fail => "fail",
        ComplianceStatus.Skip => "skip",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary><c>critical</c>, <c>high</c> or <c>medium</c>.</summary>
    public static string Of(ComplianceSeverity severity) => severity switch
    {
        ComplianceSeverity.Critical => "critical",
        ComplianceSeverity.High => "high",
        ComplianceSeverity.Medium => "medium",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };
}
