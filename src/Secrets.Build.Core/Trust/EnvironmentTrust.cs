using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Trust;

/// <summary>
/// One environment's store held against this machine's trust record, for one operation: the
/// workspace's record is read when the operation starts (under the environment's lock), the
/// store's when the store is known, every check runs against those readings, and
/// <see cref="Record"/> writes what the operation saw and did.
/// Store/README.md ("Threat model") says what each check detects and what it cannot.
/// </summary>
internal sealed class EnvironmentTrust
{
    private const int MaxKeyIds = 64;

    private readonly string? _folder;
    private readonly StorePaths _paths;
    private readonly string _workspace;
    private readonly TrustOptions _options;
    private readonly int _minimumGeneration;
    private readonly List<string> _accepted = [];
    private WorkspaceTrust? _used;

    private EnvironmentTrust(string? folder, WorkspaceTrust? used, StorePaths paths, string workspace, TrustOptions options, int minimumGeneration)
    {
        _folder = folder;
        _used = used;
        _paths = paths;
        _workspace = workspace;
        _options = options;
        _minimumGeneration = minimumGeneration;
    }

    /// <summary>
    /// Gives the store this machine's chain key for its trail (see <see cref="AuditChainSecret"/>).
    /// A secret not made yet is made at the first append, unless the operation only reads: a run
    /// that fails before it writes anything leaves nothing new in the key folder. Without a key
    /// folder the trail stays chained under the data key's chain key.
    /// </summary>
    /// <exception cref="SecretsException">SECB709 when the secret exists but cannot be read.</exception>
    public void AttachChainKey(SecretStore store)
    {
        if (_folder is null)
        {
            return;
        }

        var directory = Path.GetDirectoryName(_folder)!;
        var secretPath = Path.Combine(directory, AuditChainSecret.FileName);
        if (AuditChainSecret.Read(secretPath) is { } secret)
        {
            store.LocalChainKey = ChainKey(secret, store);
        }
        else if (!_options.VerifiesTrail)
        {
            MakeChainKeyOnFirstAppend(store, directory);
        }
    }

    // Its own method: a lambda's captured variables live in an object made where they are
    // declared, so written inline every build made that object and loaded its types.
    private void MakeChainKeyOnFirstAppend(SecretStore store, string directory) =>
        store.MakeLocalChainKey = () => AuditChainSecret.ReadOrCreate(directory) is { } made ? ChainKey(made, store) : null;

    private byte[] ChainKey(byte[] secret, SecretStore store)
    {
        var key = AuditChainSecret.ChainKey(secret, store.StoreId, _paths.Environment);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(secret);
        return key;
    }

    /// <summary>The environment's store as this machine last saw it, or null.</summary>
    /// <exception cref="SecretsException">SECB707 for a damaged record.</exception>
    public StoreTrust? Seen(string storeId) =>
        _folder is null ? null : TrustFolder.ReadStore(_folder, storeId, _paths.Environment);

    /// <summary>Reads the workspace's record from the key folder; without a key folder nothing is remembered and every check passes.</summary>
    /// <exception cref="SecretsException">SECB706 for an unusable minimum generation; SECB707 for a damaged record.</exception>
    public static EnvironmentTrust Load(StorePaths paths, string workspace, string? keyDirectory, IReadOnlyDictionary<string, string> variables, TrustOptions? options)
    {
        options ??= TrustOptions.None;
        var minimum = MinimumGeneration.From(options, variables, paths);
        var folder = TrustFolder.Locate(keyDirectory, variables, workspace);
        var fullPath = Path.GetFullPath(workspace);
        var used = folder is null ? null : TrustFolder.ReadWorkspace(folder, fullPath, paths.Environment);
        return new EnvironmentTrust(folder, used, paths, fullPath, options, minimum);
    }

    /// <summary>
    /// Before a store is created: the environment must not be one this machine (or its trail)
    /// knows had a store. Starting over is what a confirmed RegenerateSecrets does.
    /// </summary>
    /// <exception cref="SecretsException">SECB703.</exception>
    public void CheckNoStoreExpected()
    {
        if (_options.StartingOver)
        {
            return;
        }

        if (_used is { } used)
        {
            throw TrustErrors.Vanished(_paths, used.StoreId, Seen(used.StoreId), "this machine's trust record");
        }

        var trail = new AuditFiles(AuditTrail.PathFor(_paths.SecretsDirectory, _paths.Environment));
        if ((File.Exists(trail.ActivePath) && new FileInfo(trail.ActivePath).Length > 0) || trail.FindRolled().Count > 0)
        {
            throw TrustErrors.Vanished(_paths, storeId: null, seen: null, $"the audit trail {trail.ActivePath}");
        }

        if (_minimumGeneration > 0)
        {
            throw TrustErrors.BelowMinimum(_paths, 0, _minimumGeneration);
        }
    }

    /// <summary>
    /// After a store opened: its generation against the pinned minimum and the highest this machine
    /// saw, its id against the one this workspace used, and an opening through an age identity
    /// against this machine's key file for the store. Returns the warnings (an accepted rollback).
    /// </summary>
    /// <exception cref="SecretsException">SECB700, SECB701, SECB702 or SECB705.</exception>
    public IReadOnlyList<SecretsDiagnostic> CheckOpened(SecretStore store, bool throughIdentity, string? keyFilePath)
    {
        var warnings = new List<SecretsDiagnostic>();
        if (store.Generation < _minimumGeneration)
        {
            throw TrustErrors.BelowMinimum(_paths, store.Generation, _minimumGeneration);
        }

        if (throughIdentity && KeyFileEntry.MatchesNone(keyFilePath, store) is { } keyId)
        {
            throw TrustErrors.KeyFileMatchesNoEntry(_paths, keyFilePath!, keyId, store);
        }

        if (!_options.StartingOver && _used is { } used && used.StoreId != store.StoreId)
        {
            var replaced = TrustErrors.Replaced(_paths, used, Seen(used.StoreId), store);
            Accept(replaced, warnings);
        }

        var seen = Seen(store.StoreId);
        if (seen is not null && store.Generation < seen.Generation)
        {
            Accept(TrustErrors.RolledBack(_paths, seen, store), warnings);
        }

        CheckTrail(store, seen);

        if (_accepted.Count > 0)
        {
            AuditAccepted(store);
        }

        return warnings;
    }

    // Chained like every other event, so the trail says who put an older store back, and when.
    // A method of its own: the types only this rare path uses are then loaded only when it runs,
    // not by every build's first call of CheckOpened.
    private void AuditAccepted(SecretStore store) =>
        StoreAuditChain.Append(store, [.. _accepted.Select(code => AuditEvent.Now(AuditEventKind.RollbackAccepted, "SecretsAcceptRollback") with { Code = code })]);

    /// <summary>Remembers the store as it is now (after the operation's save) and the trail head it left.</summary>
    /// <exception cref="SecretsException">SECB248 when the record cannot be written; SECB707 when it became unreadable.</exception>
    public void Record(SecretStore store, DateTimeOffset now)
    {
        var head = store.RecordedAuditHead;
        if (_folder is null)
        {
            return;
        }

        using var held = TrustFolder.Lock(_folder);
        if (held is null)
        {
            return;
        }

        // Read again under the folder's lock: another clone of the store may have recorded it since.
        var before = TrustFolder.ReadStore(_folder, store.StoreId, _paths.Environment);
        // Only an accepted rollback lowers the generation; otherwise another process may have
        // recorded a newer one meanwhile, which stays.
        var generation = before is null || _accepted.Count > 0 ? store.Generation : Math.Max(before.Generation, store.Generation);
        var seenAt = before is not null && before.Generation == generation ? before.GenerationSeenAt : now;
        TrustFolder.Write(_folder, new StoreTrust(store.StoreId, _paths.Environment, generation, seenAt, KeyIdsSeen(before, store), head ?? (_accepted.Count > 0 ? null : before?.AuditHead), now));
        if (_used?.StoreId != store.StoreId)
        {
            RecordWorkspace(store.StoreId, now);
        }
    }

    // Only when the workspace is new here or now uses another store: a build of a known
    // workspace reads its record and leaves it alone.
    private void RecordWorkspace(string storeId, DateTimeOffset now)
    {
        var first = _used is null;
        _used = new WorkspaceTrust(_workspace, _paths.Environment, storeId, now);
        TrustFolder.Write(_folder!, _used);
        if (first)
        {
            TrustFolder.Prune(_folder!);
        }
    }

    /// <summary>Every key id seen before and now, the newest 64 (a store rotated without end must not grow the record without bound).</summary>
    private static List<string> KeyIdsSeen(StoreTrust? before, SecretStore store)
    {
        var keyIds = new List<string>(before?.KeyIds ?? []);
        foreach (var keyId in store.KeyIds)
        {
            if (!keyIds.Contains(keyId))
            {
                keyIds.Add(keyId);
            }
        }

        if (keyIds.Count > MaxKeyIds)
        {
            keyIds.RemoveRange(0, keyIds.Count - MaxKeyIds);
        }

        return keyIds;
    }

    // Before anything is written: a cut trail stops the operation while store and outputs are as they were.
    private void CheckTrail(SecretStore store, StoreTrust? seen)
    {
        if (seen?.AuditHead is not { } recorded)
        {
            return;
        }

        store.RecordedAuditHead = recorded;
        if (_options.VerifiesTrail)
        {
            return;
        }

        var path = AuditTrail.PathFor(_paths.SecretsDirectory, _paths.Environment);
        var actual = AuditTrail.ReadHead(path);
        if (!AuditTrail.Reaches(actual, recorded))
        {
            throw new SecretsException(AuditProblems.CutAgainstRecord(path, recorded, actual));
        }
    }

    private void Accept(SecretsException refusal, List<SecretsDiagnostic> warnings)
    {
        if (!_options.Accepts(_paths.Environment))
        {
            throw refusal;
        }

        var error = refusal.Diagnostics[0];
        _accepted.Add(error.Code);
        warnings.Add(error with
        {
            Severity = SecretsSeverity.Warning,
            Code = DiagnosticCodes.RollbackAccepted,
            Message = $"Accepted with SecretsAcceptRollback={_paths.Environment} and recorded in the audit trail: {error.Code}: {error.Message}",
            Fix = "Nothing to do if this was intended; from now on this machine compares against this store.",
        });
    }
}
