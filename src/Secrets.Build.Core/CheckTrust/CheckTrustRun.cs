using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Trust;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.CheckTrust;

/// <summary>
/// The keyless form of <see cref="EnvironmentTrust.CheckOpened"/>: the generation and id the store
/// file states, against the trust record. It reads only; an accepted rollback is reported but
/// recorded (in the trail and the record) by the next operation that opens the store.
/// </summary>
internal static class CheckTrustRun
{
    public static CheckTrustResult Execute(CheckTrustOptions options)
    {
        var diagnostics = new List<SecretsDiagnostic>();
        if (LifecycleWorkspace.Load(options, "check", diagnostics, requireStore: false) is not { } workspace)
        {
            return new CheckTrustResult { Diagnostics = [.. diagnostics] };
        }

        var paths = workspace.Paths;
        var variables = options.EnvironmentVariables ?? EnvironmentSnapshot.FromProcess();
        var recordPath = TrustFolder.Locate(options.KeyDirectory, variables, workspace.Directory);
        try
        {
            var used = recordPath is null ? null : TrustFolder.ReadWorkspace(recordPath, Path.GetFullPath(workspace.Directory), paths.Environment);
            var lastSeen = used is null ? null : TrustFolder.ReadStore(recordPath!, used.StoreId, paths.Environment);
            var result = new CheckTrustResult { RecordPath = recordPath, LastSeenGeneration = lastSeen?.Generation };
            if (!SecretStore.Exists(paths))
            {
                return result with { Diagnostics = [.. diagnostics] };
            }

            var document = SecretStore.ReadStoreFile(paths).Document;
            result = result with { Generation = document.Generation };
            var minimum = MinimumGeneration.From(options.Trust, variables, paths);
            if (document.Generation < minimum)
            {
                throw TrustErrors.BelowMinimum(paths, document.Generation, minimum);
            }

            if (used is not null && used.StoreId != document.StoreId)
            {
                diagnostics.Add(Refuse(options, paths, $"'{paths.StorePath}' is store {document.StoreId}, but environment '{paths.Environment}' of this workspace has used store {used.StoreId} since {StoreFormat.FormatDate(used.Since)}: the store was replaced by another one.", DiagnosticCodes.StoreReplaced));
            }
            else if (lastSeen is not null && document.Generation < lastSeen.Generation)
            {
                diagnostics.Add(Refuse(options, paths, $"'{paths.StorePath}' is generation {document.Generation} of store {document.StoreId}, but this machine saw generation {lastSeen.Generation} of it on {StoreFormat.FormatDate(lastSeen.GenerationSeenAt)}: an older copy was put back.", DiagnosticCodes.StoreRolledBack));
            }

            return result with { Diagnostics = [.. diagnostics] };
        }
        catch (SecretsException exception)
        {
            return new CheckTrustResult { RecordPath = recordPath, Diagnostics = [.. diagnostics, .. exception.Diagnostics] };
        }
    }

    // The same codes and the same acceptance as an open; an open that follows writes the acceptance to the trail.
    private static SecretsDiagnostic Refuse(CheckTrustOptions options, StorePaths paths, string message, string code) =>
        options.Trust.Accepts(paths.Environment)
            ? SecretsDiagnostic.Warning(DiagnosticCodes.RollbackAccepted,
                $"Accepted with SecretsAcceptRollback={paths.Environment}: {code}: {message}",
                "Nothing to do if this was intended; the next operation that opens the store records the acceptance in the audit trail.",
                SourceLocation.ForFile(paths.StorePath))
            : SecretsDiagnostic.Error(code, message,
                $"Bring back the newer store from version control (git log -- secrets/{Path.GetFileName(paths.StorePath)}). If this is intended, run again with -p:SecretsAcceptRollback={paths.Environment}; the acceptance is written to the audit trail.",
                SourceLocation.ForFile(paths.StorePath));
}
