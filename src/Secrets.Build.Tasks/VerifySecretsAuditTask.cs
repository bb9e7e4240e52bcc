using System.Collections.Immutable;
using Secrets.Build.Core;
using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.VerifyAudit;

namespace Secrets.Build.Tasks;

/// <summary>
/// The task behind <c>VerifySecretsAudit</c>: checks the audit trail's hash chain and fails the
/// build (SECB406, naming the file and line of the break) when it is broken. A thin adapter over
/// <see cref="SecretsManager.VerifyAudit"/>, which opens only the store and writes nothing.
/// </summary>
public sealed class VerifySecretsAuditTask : SecretsOperationTask
{
    /// <inheritdoc />
    protected override string TargetName => "VerifySecretsAudit";

    /// <inheritdoc />
    protected override string OperationDescription => "Verifying the audit trail";

    /// <inheritdoc />
    protected override ImmutableArray<SecretsDiagnostic> Run(CancellationToken cancellationToken)
    {
        var result = new SecretsManager().VerifyAudit(
            WithCommon(new VerifyAuditOptions()),
            cancellationToken);

        if (result.Succeeded && result.Diagnostics.All(d => d.Code != DiagnosticCodes.AuditTrailMissing))
        {
            LogSummary($"The audit trail of '{EnvironmentName}' verifies. {Describe(result)}");
        }

        // SECB406 is the one code a pipeline gates on; the SECB52x code of the break (or why there is
        // nothing to verify) stays in the message. Key lookup warnings pass through as they are.
        return [.. result.Diagnostics.Select(d => d switch
        {
            _ when d == result.Break => Wrap(d, "does not verify", SecretsSeverity.Error),
            { Severity: SecretsSeverity.Error } => Wrap(d, "could not be verified", SecretsSeverity.Error),
            { Code: DiagnosticCodes.AuditTrailMissing } => Wrap(d, "was not fully verified", SecretsSeverity.Warning),
            _ => d,
        })];
    }

    private SecretsDiagnostic Wrap(SecretsDiagnostic diagnostic, string outcome, SecretsSeverity severity) =>
        diagnostic with
        {
            Code = DiagnosticCodes.AuditVerificationFailed,
            Severity = severity,
            Message = $"The audit trail of '{EnvironmentName}' {outcome}: {diagnostic.Code}: {diagnostic.Message}",
        };

    private static string Describe(VerifyAuditResult result)
    {
        var rolled = result.RolledOverFiles.IsEmpty
            ? string.Empty
            : $" (rolled over: {string.Join(", ", result.RolledOverFiles.Select(Path.GetFileName))})";
        return $"Lines verified: {result.EntriesVerified}, in {result.Files.Length} trail file(s){rolled}; head seq {result.Head.Sequence}.";
    }
}
