using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Compliance.Checks;

/// <summary>Check 8: the audit trail's hash chain verifies with the environment's chain key.</summary>
internal sealed class AuditChainCheck : ComplianceCheck
{
    public override string Id => DiagnosticCodes.ComplianceAuditChain;

    public override string Title => "The audit chain is intact";

    public override string Source => "NIST SP 800-92 (log integrity); OWASP Logging Cheat Sheet (tamper detection)";

    internal override ComplianceCheckResult Evaluate(ComplianceContext context)
    {
        var path = AuditTrail.PathFor(context.Paths.SecretsDirectory, context.Environment);
        if (context.Store is not { } store)
        {
            return Skip(context, $"Not checked, the chain key derives from the store's key: {context.Access.DescribeUnavailable()}.");
        }

        // The same verification as VerifySecretsAudit, retired chain keys included.
        var verification = StoreAuditChain.Verify(store);

        if (verification.Error is { } error)
        {
            return Result(context, ComplianceStatus.Fail,
                $"{error.Code} at {error.Location}: {error.Message}",
                (error.Fix ?? "Restore the trail from a backup.") + " Investigate who changed the trail before trusting the store.",
                [error.Location?.File ?? path]);
        }

        if (verification.LinesChecked == 0)
        {
            var missing = AuditProblems.TrailMissing(store.Paths.StorePath, path);
            return Result(context, ComplianceStatus.Warn, missing.Message, missing.Fix ?? string.Empty, [path]);
        }

        return Pass(context, $"Lines verified: {verification.LinesChecked}, in {verification.FilesChecked} trail file(s); head seq {verification.Head.Sequence}.", path);
    }
}
