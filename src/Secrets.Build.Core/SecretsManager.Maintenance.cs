using Secrets.Build.Core.Maintenance;
using Secrets.Build.Core.Provisioning;

namespace Secrets.Build.Core;

// Workspace maintenance: the reference's "Permission Denied" and "Secrets Not Found" fixes.
public sealed partial class SecretsManager
{
    /// <summary>
    /// Reports every secret-bearing file (600) and folder (700) of a workspace and its key folder
    /// whose Unix mode is wrong, each with the <c>chmod</c> that fixes it. Changes nothing. On
    /// Windows, which has no Unix modes, it reports that nothing was checked.
    /// </summary>
    public PermissionReport CheckPermissions(PermissionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        return Maintenance.PermissionInspector.Run(options, repair: false);
    }

    /// <summary>
    /// Sets every secret-bearing file of a workspace and its key folder to mode 600 and every such
    /// folder to 700 (the reference's "Permission Denied" fix). Symbolic links are reported, never
    /// followed. What could not be changed (another user's file) comes back as SECB552.
    /// </summary>
    public PermissionReport RepairPermissions(PermissionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        return Maintenance.PermissionInspector.Run(options, repair: true);
    }

    /// <summary>
    /// Throws an environment's values away and generates new ones (the reference's "Secrets Not
    /// Found" fix), only when <see cref="RegenerateOptions.Confirm"/> repeats the environment's name;
    /// otherwise SECB554 explains what would be lost. The store, metadata, audit trail and outputs
    /// are first copied to <c>secrets/backup/&lt;timestamp&gt;/</c> (700, files 600, git-ignored); if
    /// the new provisioning fails, they are put back.
    /// </summary>
    public RegenerateResult Regenerate(RegenerateOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(options.Provision);
        var overrides = new Dictionary<string, int>(RotationPolicies, StringComparer.Ordinal);
        return new Provisioning.Regeneration(options, overrides).Execute(cancellationToken);
    }
}
