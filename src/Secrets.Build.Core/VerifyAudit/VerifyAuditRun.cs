using System.Collections.Immutable;
using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.VerifyAudit;

/// <summary>
/// One verification: open the environment's store (for its chain keys, nothing else), verify the
/// trail and report. It writes nothing: no audit line (appending to the trail it just checked would
/// change what it reported on), no store, no output. Every user mistake ends as a diagnostic.
/// </summary>
internal sealed class VerifyAuditRun
{
    private readonly VerifyAuditOptions _options;
    private readonly List<SecretsDiagnostic> _diagnostics = [];

    public VerifyAuditRun(VerifyAuditOptions options) => _options = options;

    public VerifyAuditResult Execute(CancellationToken cancellationToken)
    {
        var result = new VerifyAuditResult { Environment = _options.Environment.Trim().ToLowerInvariant() };
        try
        {
            var paths = StorePaths.ForWorkspace(_options.RequiredWorkspace(), result.Environment);
            result = result with { Environment = paths.Environment, TrailPath = AuditTrail.PathFor(paths.SecretsDirectory, paths.Environment) };
            return Verify(paths, result, cancellationToken);
        }
        catch (SecretsException exception)
        {
            // No key, a wrong key, a damaged store, a lock held too long: the trail was not read.
            _diagnostics.AddRange(exception.Diagnostics);
            return result with { Diagnostics = [.. _diagnostics] };
        }
    }

    private VerifyAuditResult Verify(StorePaths paths, VerifyAuditResult result, CancellationToken cancellationToken)
    {
        var trail = result.TrailPath;
        if (!SecretStore.Exists(paths))
        {
            _diagnostics.Add(SecretsDiagnostic.Error(DiagnosticCodes.AuditNoStore,
                $"Environment '{paths.Environment}' has no store at {paths.StorePath}, and the audit trail's chain key derives from the store's data key, so {trail} cannot be verified.",
                "Check SecretsEnvironment and SecretsWorkspace; if the store was not committed or was deleted, restore it from version control (the trail verifies only with the store it belongs to).",
                SourceLocation.ForFile(paths.StorePath)));
            return result with { Diagnostics = [.. _diagnostics] };
        }

        var workspace = Path.GetDirectoryName(paths.SecretsDirectory)!;
        var variables = _options.EnvironmentVariables ?? EnvironmentSnapshot.FromProcess();
        // Held while reading, so a key rotation saved at the same time cannot pair the old store's
        // chain key with a trail that already continues under the new one.
        using var workspaceLock = WorkspaceLock.Acquire(paths.LockPath, cancellationToken);
        using var opened = StoreOpener.Open(paths, workspace, _options.KeyDirectory, variables, mayCreate: false, _diagnostics, _options.Trust with { VerifiesTrail = true }, _options.KmsSettings(variables));
        using var store = opened.Store;
        var verification = StoreAuditChain.Verify(store, _options.ExpectedHead);

        if (verification.Error is { } error)
        {
            _diagnostics.Add(error);
        }
        else if (verification.LinesChecked == 0)
        {
            _diagnostics.Add(AuditProblems.TrailMissing(paths.StorePath, trail));
        }

        ImmutableArray<string> files = [.. verification.Files];
        return result with
        {
            Diagnostics = [.. _diagnostics],
            EntriesVerified = verification.LinesChecked,
            Head = verification.Head,
            Files = files,
            RolledOverFiles = [.. files.Where(f => !string.Equals(f, trail, StringComparison.Ordinal))],
            Break = verification.Error,
        };
    }
}
