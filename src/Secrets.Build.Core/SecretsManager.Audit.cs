using Secrets.Build.Core.Audit;
using Secrets.Build.Core.VerifyAudit;

namespace Secrets.Build.Core;

public sealed partial class SecretsManager
{
    /// <summary>
    /// Verifies the environment's audit trail, rolled-over files included: opens the store only to
    /// derive its chain keys (current and retired) and reports the first line that does not verify,
    /// with its SECB52x code, file and line. Writes nothing, not even an audit line. User mistakes
    /// (no store, no key, a wrong key) come back as diagnostics in the result, never as exceptions.
    /// </summary>
    public VerifyAuditResult VerifyAudit(VerifyAuditOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentException.ThrowIfNullOrWhiteSpace(options.WorkspacePath);
        return new VerifyAuditRun(options).Execute(cancellationToken);
    }
}
