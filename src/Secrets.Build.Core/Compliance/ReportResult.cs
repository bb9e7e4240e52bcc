using System.Collections.Immutable;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Compliance;

/// <summary>What a compliance report found and wrote. Holds names, paths and evidence, never values.</summary>
/// <remarks><see cref="OperationResult.Diagnostics"/> holds one warning per failing check (its code, evidence, fix and file), an error (SECB600) when the score is below <see cref="ReportOptions.MinimumScore"/>, and any error that stopped the report.</remarks>
public sealed record ReportResult : OperationResult
{
    /// <summary>The lower-case environment evaluated; empty when the report stopped before choosing one.</summary>
    public string Environment { get; init; } = string.Empty;

    /// <summary>The weighted score from 0 to 100 (see Compliance/README.md); 0 when no check could run.</summary>
    public int Score { get; init; }

    /// <summary>Every check's result, in check order (SECB601 first).</summary>
    public ImmutableArray<ComplianceCheckResult> Checks { get; init; } = ImmutableArray<ComplianceCheckResult>.Empty;

    /// <summary>The report files written: JSON, Markdown and SARIF, in that order.</summary>
    public ImmutableArray<string> WrittenFiles { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>
    /// One line for a build log, e.g. <c>Compliance score for production: 87/100 (9 pass, 1 warn, 1 fail, 1 skip)</c>;
    /// empty when no check ran.
    /// </summary>
    public string Summary => Checks.IsDefaultOrEmpty
        ? string.Empty
        : $"Compliance score for {Environment}: {Score}/100 ({Count(ComplianceStatus.Pass)} pass, {Count(ComplianceStatus.Warn)} warn, {Count(ComplianceStatus.Fail)} fail, {Count(ComplianceStatus.Skip)} skip)";

    private int Count(ComplianceStatus status) => Checks.Count(c => c.Status == status);
}
