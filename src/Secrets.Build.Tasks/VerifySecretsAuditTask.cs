using System.Collections.Immutable;
using Secrets.Build.Core;
using Secrets.Build.Core.Compliance;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Tasks;

/// <summary>
/// The task behind <c>VerifySecretsAudit</c>: checks the audit trail's hash chain and fails the
/// build when it is broken. The chain key derives from the store's key, which only the compliance
/// run opens, so this runs that evaluation without writing report files and keeps its audit check.
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
        var result = Wait(new SecretsManager().GenerateComplianceReportAsync(
            new ReportOptions
            {
                SchemaPath = SchemaPath,
                WorkspacePath = WorkspacePath,
                Environment = EnvironmentName,
                KeyDirectory = KeyDirectoryPath,
                RotationDaysOverride = RotationDaysOverride,
                WriteReports = false,
                Trigger = "msbuild:" + TargetName,
            },
            cancellationToken));

        var audit = result.Checks.FirstOrDefault(check => check.Id == DiagnosticCodes.ComplianceAuditChain);
        if (audit is null)
        {
            // The evaluation stopped before any check (no store, wrong key...): its errors say why.
            return [.. result.Diagnostics.Where(d => d.Severity == SecretsSeverity.Error)];
        }

        var file = audit.Files.Count > 0 ? audit.Files[0] : null;
        return audit.Status switch
        {
            ComplianceStatus.Pass => Passed(audit),
            ComplianceStatus.Fail => [SecretsDiagnostic.Error(DiagnosticCodes.AuditVerificationFailed,
                $"The audit trail of '{EnvironmentName}' does not verify: {audit.Evidence}", audit.Fix, Location(file))],
            ComplianceStatus.Warn => [SecretsDiagnostic.Warning(DiagnosticCodes.AuditVerificationFailed,
                $"The audit trail of '{EnvironmentName}' was not fully verified: {audit.Evidence}", audit.Fix, Location(file))],
            _ => [SecretsDiagnostic.Error(DiagnosticCodes.AuditVerificationFailed,
                $"The audit trail of '{EnvironmentName}' could not be verified: {audit.Evidence}",
                string.IsNullOrEmpty(audit.Fix) ? "Make the environment's key available (SECRETS_BUILD_KEY_DIR or the key variable) and run the target again." : audit.Fix,
                Location(file))],
        };
    }

    private ImmutableArray<SecretsDiagnostic> Passed(ComplianceCheckResult audit)
    {
        LogSummary($"The audit trail of '{EnvironmentName}' verifies. {audit.Evidence}");
        return [];
    }

    private static SourceLocation? Location(string? file) => file is null ? null : SourceLocation.ForFile(file);
}
