using System.Collections.Immutable;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Outputs;
using Secrets.Build.Core.Schema;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Provisioning;

/// <summary>
/// Replaces an environment's values with new ones, only when the request repeats the
/// environment's name: back up everything that would be lost, remove it under the workspace
/// lock, provision anew. If the new provisioning fails, the backed-up files go back in place,
/// so a failed regeneration leaves the environment as it was.
/// </summary>
internal sealed class Regeneration(RegenerateOptions options, IReadOnlyDictionary<string, int> categoryOverrides)
{
    private readonly List<SecretsDiagnostic> _diagnostics = new();

    public RegenerateResult Execute(CancellationToken cancellationToken)
    {
        var provision = options.Provision;
        var loaded = SchemaFile.Load(provision.SchemaPath);
        if (loaded.Schema is not { } schema)
        {
            return new RegenerateResult { Diagnostics = loaded.Diagnostics };
        }

        var environment = provision.Environment.ToLowerInvariant();
        if (!schema.Environments.Contains(environment))
        {
            // The provisioning run words this error; it changes nothing.
            return Finish(new ProvisionRun(provision, categoryOverrides).Execute(cancellationToken));
        }

        var workspace = Path.GetFullPath(provision.WorkspacePath ?? Path.GetDirectoryName(Path.GetFullPath(provision.SchemaPath))!);
        try
        {
            var paths = StorePaths.ForWorkspace(workspace, environment);
            if (Refusal(paths, workspace) is { } refusal)
            {
                return new RegenerateResult { Diagnostics = [refusal] };
            }

            var backup = BackUpAndRemove(paths, workspace, cancellationToken);
            // Confirmed: the store this machine knew for the environment is meant to go.
            var startOver = provision with { Trust = provision.Trust with { StartingOver = true } };
            var result = new ProvisionRun(startOver, categoryOverrides).Execute(cancellationToken);
            if (!result.Succeeded && !File.Exists(paths.StorePath) && backup.RestoreMissing() > 0)
            {
                _diagnostics.Add(SecretsDiagnostic.Warning(DiagnosticCodes.RegenerationRolledBack,
                    $"Environment '{environment}' could not be provisioned anew, so its previous files were put back from {backup.Directory}.",
                    "Fix the errors reported with this one and ask again.",
                    SourceLocation.ForFile(paths.StorePath)));
            }

            return Finish(result) with { BackupDirectory = backup.Directory, BackedUp = backup.Originals };
        }
        catch (SecretsException exception)
        {
            _diagnostics.AddRange(exception.Diagnostics);
            return new RegenerateResult { Diagnostics = [.. _diagnostics] };
        }
    }

    private RegenerateResult Finish(ProvisionResult result) => new()
    {
        Diagnostics = [.. result.Diagnostics, .. _diagnostics],
        Provision = result,
    };

    private SecretsDiagnostic? Refusal(StorePaths paths, string workspace)
    {
        var environment = paths.Environment;
        if (!string.Equals(options.Confirm?.Trim(), environment, StringComparison.OrdinalIgnoreCase))
        {
            var existing = EnvironmentBackup.ExistingFiles(paths, workspace);
            var lost = existing.Count == 0
                ? "it has no files yet, so nothing would be lost"
                : $"every value in {string.Join(", ", existing.Select(f => Path.GetRelativePath(workspace, f)))} would be replaced by a new one, and every service, database or colleague still using the current values would stop working";
            return SecretsDiagnostic.Error(DiagnosticCodes.RegenerationNotConfirmed,
                $"Regenerating environment '{environment}' was not confirmed: {lost}. The files would first be backed up to {Path.Combine(StorePaths.SecretsFolderName, EnvironmentBackup.FolderName)}/<timestamp>/.",
                $"If a key was lost, look for it first ({Keys.KeyVariables.KeyFor(environment)}, the key folder, a colleague). To regenerate anyway, ask again with Confirm = \"{environment}\".",
                SourceLocation.ForFile(paths.StorePath));
        }

        if (!options.Provision.Generate)
        {
            return SecretsDiagnostic.Error(DiagnosticCodes.RegenerationNeedsGeneration,
                $"Regenerating environment '{environment}' needs secret generation, which is turned off for this run; nothing was changed.",
                "Regenerate on a developer machine with generation on (-p:SecretsGenerate=true), then commit the new store.",
                SourceLocation.ForFile(paths.StorePath));
        }

        return null;
    }

    private EnvironmentBackup BackUpAndRemove(StorePaths paths, string workspace, CancellationToken cancellationToken)
    {
        // The lock (which makes the secrets folder 700, refusing another user's) keeps a parallel
        // build from reading a half-removed environment. It is released before provisioning,
        // which takes it again (the lock is not re-entrant).
        using var held = WorkspaceLock.Acquire(paths.LockPath, cancellationToken);
        KeepBackupsOutOfGit(workspace);
        var backup = EnvironmentBackup.Take(paths, workspace, options.Provision.Clock.GetUtcNow());
        backup.RemoveOriginals();
        return backup;
    }

    /// <summary>A backup holds the plaintext outputs, so the whole backup folder is ignored.</summary>
    private static void KeepBackupsOutOfGit(string workspace) =>
        GitIgnoreFile.Ensure(workspace, [$"{StorePaths.SecretsFolderName}/{EnvironmentBackup.FolderName}/"]);
}
