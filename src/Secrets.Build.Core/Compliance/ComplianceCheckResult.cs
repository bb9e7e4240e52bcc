namespace Secrets.Build.Core.Compliance;

/// <summary>
/// What one check found. <see cref="Evidence"/> names files, secrets, modes, dates and counts; it never
/// holds a secret value.
/// </summary>
/// <param name="Id">The check's stable code, e.g. <c>SECB601</c>; also the SARIF rule id.</param>
/// <param name="Title">What the check requires, in one line.</param>
/// <param name="Severity">Its weight in the score (may depend on the environment: check 6 is critical in production).</param>
/// <param name="Status">Pass, warn, fail or skip.</param>
/// <param name="Evidence">What was looked at and what was found.</param>
/// <param name="Fix">What to do; empty when the check passed.</param>
/// <param name="Source">The standard the requirement comes from, e.g. <c>NIST SP 800-57 Part 1 Rev. 5</c>.</param>
/// <param name="Files">The files concerned (full paths), for SARIF locations and build warnings.</param>
public sealed record ComplianceCheckResult(
    string Id,
    string Title,
    ComplianceSeverity Severity,
    ComplianceStatus Status,
    string Evidence,
    string Fix,
    string Source,
    IReadOnlyList<string> Files);
