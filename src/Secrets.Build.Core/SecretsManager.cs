using Secrets.Build.Core.Compliance;
using Secrets.Build.Core.Provisioning;

namespace Secrets.Build.Core;

/// <summary>
/// The public entry point: provision an environment's secrets from a schema, as
/// <c>dotnet build</c> does, or drive each step from any .NET app.
/// </summary>
/// <example>
/// <code>
/// var manager = new SecretsManager();
/// manager.RotationPolicies["jwt_secrets"] = 15;
/// var result = manager.Provision(new ProvisionOptions { SchemaPath = "secrets.schema.json" });
/// foreach (var diagnostic in result.Diagnostics) Console.WriteLine(diagnostic);
/// </code>
/// </example>
/// <remarks>
/// Every method is synchronous: each operation is short, local file IO and key derivation (a
/// KMS-wrapped key adds one call made inside it), so there is no asynchronous IO to wait on. A
/// caller that must not block (a UI, a request thread) runs the call on the thread pool itself,
/// with <c>Task.Run</c>.
/// </remarks>
public sealed partial class SecretsManager
{
    /// <summary>
    /// Rotation periods in days by category, set from C#; they win over the schema's policies
    /// (but not over <see cref="Workspace.LifecycleOptions.RotationDaysOverride"/> or a secret's own period).
    /// </summary>
    public IDictionary<string, int> RotationPolicies { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>
    /// Loads the schema, opens (or creates) the environment's encrypted store, generates
    /// what is missing, saves it atomically under a cross-process lock and writes the outputs.
    /// User mistakes come back as diagnostics in the result, never as exceptions.
    /// </summary>
    public ProvisionResult Provision(ProvisionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        var overrides = new Dictionary<string, int>(RotationPolicies, StringComparer.Ordinal);
        return new ProvisionRun(options, overrides).Execute(cancellationToken);
    }

    /// <summary>
    /// Evaluates one environment against the thirteen compliance checks, scores it and writes
    /// <c>secrets/.env.&lt;env&gt;.compliance.json</c>, <c>.md</c> and <c>.sarif</c>. Opens the stores
    /// read-only: nothing is generated or changed except the report files and one <c>report</c> audit line.
    /// Failing checks come back as warnings, a score below <see cref="ReportOptions.MinimumScore"/> as an
    /// error; user mistakes never throw.
    /// </summary>
    public ReportResult GenerateComplianceReport(ReportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        var overrides = new Dictionary<string, int>(RotationPolicies, StringComparer.Ordinal);
        return new ComplianceRun(options, overrides).Execute(cancellationToken);
    }
}
