using System.Globalization;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Compliance.Checks;

/// <summary>Check 4: every secret is within its rotation period; past 80 % of it is a warning.</summary>
internal sealed class RotationCheck : ComplianceCheck
{
    /// <summary>The share of a period after which a secret is reported as due soon.</summary>
    public const double WarnAt = 0.8;

    public override string Id => DiagnosticCodes.ComplianceRotation;

    public override string Title => "Every secret is within its rotation period (warning at 80 %)";

    public override string Source => "NIST SP 800-57 Part 1 Rev. 5 section 5.3 (cryptoperiods); OWASP Secrets Management Cheat Sheet (rotation)";

    public override ComplianceSeverity SeverityFor(string environment) => ComplianceSeverity.Medium;

    internal override ComplianceCheckResult Evaluate(ComplianceContext context)
    {
        if (context.Store is not { } store)
        {
            return Skip(context, $"Not checked: {context.Access.DescribeUnavailable()}.");
        }

        var statuses = context.Schema.Secrets
            .Where(s => store.Contains(s.Name))
            .Select(s => context.Rotation.Evaluate(s, store.GetMetadata(s.Name).RotatedAt, context.Now))
            .ToList();
        var overdue = statuses.Where(s => s.AgeFraction >= 1).ToList();
        var near = statuses.Where(s => s.AgeFraction is >= WarnAt and < 1).ToList();
        var metadata = context.Paths.MetadataPath;
        if (overdue.Count > 0)
        {
            return Result(context, ComplianceStatus.Fail,
                $"{statuses.Count} secrets checked; past their rotation date: {Describe(overdue)}" + (near.Count > 0 ? $"; near it: {Describe(near)}." : "."),
                $"Rotate them: dotnet msbuild -t:RotateSecrets -p:SecretsRotate={string.Join(',', overdue.Select(s => s.Name))} (external secrets at their provider).",
                [metadata]);
        }

        if (near.Count > 0)
        {
            return Result(context, ComplianceStatus.Warn,
                $"{statuses.Count} secrets checked; past {WarnAt:P0} of their period: {Describe(near)}.",
                $"Plan their rotation: dotnet msbuild -t:RotateSecrets -p:SecretsRotate={string.Join(',', near.Select(s => s.Name))}.",
                [metadata]);
        }

        return Pass(context, $"{statuses.Count} secrets checked; each is under {WarnAt:P0} of its rotation period.", metadata);
    }

    private static string Describe(IEnumerable<RotationStatus> statuses) => string.Join(", ", statuses.Select(s =>
        $"{s.Name} (due {s.Due.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, {s.PeriodDays}-day period, {s.AgeFraction.ToString("P0", CultureInfo.InvariantCulture)} used)"));
}
