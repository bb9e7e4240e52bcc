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

    /// <summary><see cref="Provision"/> off the caller's thread, for callers that must not block (a UI, a request thread).</summary>
    public Task<ProvisionResult> ProvisionAsync(ProvisionOptions options, CancellationToken cancellationToken = default) =>
        OffCallerThread(Provision, options, cancellationToken);

    /// <summary>
    /// Evaluates one environment against the twelve compliance checks, scores it and writes
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

    /// <summary><see cref="GenerateComplianceReport"/> off the caller's thread, for callers that must not block (a UI, a request thread).</summary>
    public Task<ReportResult> GenerateComplianceReportAsync(ReportOptions options, CancellationToken cancellationToken = default) =>
        OffCallerThread(GenerateComplianceReport, options, cancellationToken);

    /// <summary>
    /// Every operation is synchronous file IO and key derivation, short and local, so the
    /// synchronous method is the primary one (an MSBuild task or a CLI saves the hop to the thread
    /// pool). The <c>Async</c> forms only move that work off the caller's thread; the options are
    /// checked before, so a null throws at the call.
    /// </summary>
    private static Task<TResult> OffCallerThread<TOptions, TResult>(
        Func<TOptions, CancellationToken, TResult> operation, TOptions options, CancellationToken cancellationToken)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(options);
        return Task.Run(() => operation(options, cancellationToken), cancellationToken);
    }
}
