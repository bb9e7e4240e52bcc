using System.Collections.Immutable;
using Secrets.Build.Core;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Maintenance;

namespace Secrets.Build.Tasks;

/// <summary>
/// The task behind <c>CheckSecretsPermissions</c> and <c>RepairSecretsPermissions</c>: finds
/// secret-bearing files that are not 600 and folders that are not 700 in the workspace and the
/// key folder, and with <see cref="Repair"/> sets them right.
/// </summary>
public sealed class SecretsPermissionsTask : SecretsOperationTask
{
    /// <summary>False: report only (each wrong mode with its chmod). True: fix the modes.</summary>
    public bool Repair { get; set; }

    /// <inheritdoc />
    protected override string TargetName => Repair ? "RepairSecretsPermissions" : "CheckSecretsPermissions";

    /// <inheritdoc />
    protected override string OperationDescription => Repair ? "Repairing permissions" : "Checking permissions";

    /// <inheritdoc />
    protected override ImmutableArray<SecretsDiagnostic> Run(CancellationToken cancellationToken)
    {
        var options = new PermissionOptions { WorkspacePath = ResolvedWorkspacePath, KeyDirectory = KeyDirectoryPath };
        var manager = new SecretsManager();
        var report = Repair ? manager.RepairPermissions(options, cancellationToken) : manager.CheckPermissions(options, cancellationToken);

        if (Repair)
        {
            LogSummary($"{report.Checked.Length} file(s) and folder(s) checked, {report.Repaired.Length} repaired.");
            foreach (var path in report.Repaired)
            {
                LogSummary($"  Repaired: {path}");
            }
        }
        else
        {
            var wrong = report.Diagnostics.Count(d => d.Severity is SecretsSeverity.Error or SecretsSeverity.Warning);
            LogSummary($"{report.Checked.Length} file(s) and folder(s) checked, {wrong} with a wrong mode" +
                       (wrong > 0 ? "; run the RepairSecretsPermissions target to fix them." : "."));
        }

        return report.Diagnostics;
    }
}
