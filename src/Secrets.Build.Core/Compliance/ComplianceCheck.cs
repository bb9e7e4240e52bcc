namespace Secrets.Build.Core.Compliance;

/// <summary>
/// One requirement of the report: its code, title, weight and the standard it comes from, and how
/// to evaluate it against a workspace. Its protected methods build results that carry the check's identity.
/// </summary>
internal abstract class ComplianceCheck
{
    /// <summary>The check's stable code (<c>SECB601</c>-<c>SECB612</c>, <c>SECB615</c>).</summary>
    public abstract string Id { get; }

    /// <summary>What the check requires, in one line.</summary>
    public abstract string Title { get; }

    /// <summary>The standard the requirement comes from.</summary>
    public abstract string Source { get; }

    /// <summary>The check's weight; some checks weigh more in production.</summary>
    public virtual ComplianceSeverity SeverityFor(string environment) => ComplianceSeverity.High;

    /// <summary>Evaluates the check. User mistakes end as a failing result, never as an exception.</summary>
    internal abstract ComplianceCheckResult Evaluate(ComplianceContext context);

    private protected ComplianceCheckResult Pass(ComplianceContext context, string evidence, params string[] files) =>
        Result(context, ComplianceStatus.Pass, evidence, string.Empty, files);

    private protected ComplianceCheckResult Skip(ComplianceContext context, string evidence, string fix = "") =>
        Result(context, ComplianceStatus.Skip, evidence, fix, []);

    private protected ComplianceCheckResult Result(
        ComplianceContext context, ComplianceStatus status, string evidence, string fix, IReadOnlyList<string> files) =>
        new(Id, Title, SeverityFor(context.Environment), status, evidence, fix, Source, files);
}
