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
    /// Reports every secret-bearing file (600) and folder (700) of a workspace and its key folder
    /// whose Unix mode is wrong, each with the <c>chmod</c> that fixes it. Changes nothing. On
    /// Windows, which has no Unix modes, it reports that nothing was checked.
    /// </summary>
    public Task<PermissionReport> CheckPermissionsAsync(PermissionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Task.Run(() => Maintenance.PermissionInspector.Run(options, repair: false), cancellationToken);
    }

    /// <summary>
    /// Sets every secret-bearing file of a workspace and its key folder to mode 600 and every such
    /// folder to 700 (the reference's "Permission Denied" fix). Symbolic links are reported, never
    /// followed. What could not be changed (another user's file) comes back as SECB552.
    /// </summary>
    public Task<PermissionReport> RepairPermissionsAsync(PermissionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Task.Run(() => Maintenance.PermissionInspector.Run(options, repair: true), cancellationToken);
    }

    /// <summary>
    /// Throws an environment's values away and generates new ones (the reference's "Secrets Not
    /// Found" fix), only when <see cref="RegenerateOptions.Confirm"/> repeats the environment's name;
    /// otherwise SECB554 explains what would be lost. The store, metadata, audit trail and outputs
    /// are first copied to <c>secrets/backup/&lt;timestamp&gt;/</c> (700, files 600, git-ignored); if
    /// the new provisioning fails, they are put back.
    /// </summary>
    public Task<RegenerateResult> RegenerateAsync(RegenerateOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Provision);
        var overrides = new Dictionary<string, int>(RotationPolicies, StringComparer.Ordinal);
        return Task.Run(() => new Maintenance.Regeneration(options, overrides).Execute(cancellationToken), cancellationToken);
    }
}
