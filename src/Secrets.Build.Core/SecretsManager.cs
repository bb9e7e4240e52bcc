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
/// var result = await manager.ProvisionAsync(new ProvisionOptions { SchemaPath = "secrets.schema.json" });
/// foreach (var diagnostic in result.Diagnostics) Console.WriteLine(diagnostic);
/// </code>
/// </example>
public sealed partial class SecretsManager
{
    /// <summary>
    /// Rotation periods in days by category, set from C#; they win over the schema's policies
    /// (but not over <see cref="ProvisionOptions.RotationDaysOverride"/> or a secret's own period).
    /// </summary>
    public IDictionary<string, int> RotationPolicies { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>
    /// Loads the schema, opens (or creates) the environment's encrypted store, generates
    /// what is missing, saves it atomically under a cross-process lock and writes the outputs.
    /// User mistakes come back as diagnostics in the result, never as exceptions.
    /// </summary>
    public Task<ProvisionResult> ProvisionAsync(ProvisionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var overrides = new Dictionary<string, int>(RotationPolicies, StringComparer.Ordinal);

        // File IO and key derivation are synchronous and short; run them off the caller's
        // thread so UI and server callers are not blocked.
        return Task.Run(() => new ProvisionRun(options, overrides).Execute(cancellationToken), cancellationToken);
    }

    /// <summary>
    /// <see cref="ProvisionAsync"/> on the caller's thread, for callers that must wait anyway
    /// (an MSBuild task is synchronous). It saves the hop to the thread pool and the blocked
    /// thread's spinning, which a build pays on every provisioning, for the same result.
    /// </summary>
    public ProvisionResult Provision(ProvisionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        var overrides = new Dictionary<string, int>(RotationPolicies, StringComparer.Ordinal);
        return new ProvisionRun(options, overrides).Execute(cancellationToken);
    }

    /// <summary>
    /// Evaluates one environment against the twelve compliance checks, scores it and writes
    /// <c>secrets/.env.&lt;env&gt;.compliance.json</c>, <c>.md</c> and <c>.sarif</c>. Opens the stores
    /// read-only: nothing is generated or changed except the report files and one <c>report</c> audit line.
    /// Failing checks come back as warnings, a score below <see cref="ReportOptions.MinimumScore"/> as an
    /// error; user mistakes never throw.
    /// </summary>
    public Task<ReportResult> GenerateComplianceReportAsync(ReportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var overrides = new Dictionary<string, int>(RotationPolicies, StringComparer.Ordinal);
        return Task.Run(() => new ComplianceRun(options, overrides).Execute(cancellationToken), cancellationToken);
    }
}
