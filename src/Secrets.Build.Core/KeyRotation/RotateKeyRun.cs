using System.Collections.Immutable;
using System.Security.Cryptography;
using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Crypto;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Kms;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.KeyRotation;

/// <summary>
/// One key rotation: a new data key for every value and a new environment key, after which the
/// old key no longer opens the store.
/// </summary>
/// <remarks>
/// A key file and a store cannot be replaced in one atomic step, so the store is never left
/// openable by neither key:
/// <list type="number">
/// <item>the new key goes to <c>&lt;key file&gt;.next</c> (a name builds do not read);</item>
/// <item>the store is re-encrypted and saved openable by the new key <em>and</em> the old one;</item>
/// <item>the old key file is copied to <c>&lt;key file&gt;.retired-&lt;id&gt;</c>, then the new key is
/// renamed over the key file (one atomic rename: either key opens the store);</item>
/// <item>the store is saved again without the old key's wrapping.</item>
/// </list>
/// A crash after step 2 leaves a store that both keys open; the next rotation finds the staged
/// key, sees the store already accepts it, and finishes from step 3 (SECB532).
/// </remarks>
internal sealed class RotateKeyRun
{
    private readonly RotateKeyOptions _options;
    private readonly List<SecretsDiagnostic> _diagnostics = [];

    public RotateKeyRun(RotateKeyOptions options) => _options = options;

    public RotateKeyResult Execute(CancellationToken cancellationToken)
    {
        if (LifecycleWorkspace.Load(_options, "re-key", _diagnostics) is not { } workspace)
        {
            return Result();
        }

        try
        {
            return Rotate(workspace, cancellationToken);
        }
        catch (SecretsException exception)
        {
            _diagnostics.AddRange(exception.Diagnostics);
            return Result(workspace.Paths);
        }
    }

    private RotateKeyResult Rotate(LifecycleWorkspace workspace, CancellationToken cancellationToken)
    {
        var paths = workspace.Paths;
        var variables = _options.EnvironmentVariables ?? EnvironmentSnapshot.FromProcess();
        using var workspaceLock = WorkspaceLock.Acquire(paths.LockPath, cancellationToken);
        // Read under the lock, after any earlier writer finished, so stored times only move forward.
        var now = _options.Clock.GetUtcNow();
        using var opened = StoreOpener.Open(paths, workspace.Directory, _options.KeyDirectory, variables, mayCreate: false, _diagnostics, _options.Trust, _options.KmsSettings(variables));
        using var store = opened.Store;
        var oldKeyIds = store.KeyIds.ToImmutableArray();
        var values = store.Names.Sum(n => 1 + store.RetiredVersions(n).Count);

        if (opened.Key is PassphraseKey)
        {
            var rotated = RotatePassphrase(store, now, oldKeyIds, values);
            opened.Remember(now);
            return rotated;
        }

        if (opened.Key is KmsKey && store.KeyIds.All(k => !k.StartsWith(StoreFormat.KindKey + " ", StringComparison.Ordinal) && !k.StartsWith(StoreFormat.KindPassphrase + " ", StringComparison.Ordinal)))
        {
            // Only services and recipients open it: a new data key for each of them, and still no key file.
            store.ReplaceDataKeyKeepingAccess([], now, StoreSecurity.Default);
            store.Save();
            LifecycleAudit.Record(store, [AuditEvent.Now(AuditEventKind.KeyRotated, _options.Trigger, _options.Clock)]);
            opened.Remember(now);
            return Result(paths) with { RetiredKeyIds = oldKeyIds, NewKeyId = store.KeyIds[0], ReencryptedValues = values };
        }

        var locator = new KeyLocator(paths.Environment, store.StoreId, variables, _options.KeyDirectory, workspace.Directory);
        var keyFile = CheckKeyFolder(locator);
        var staged = keyFile + ".next";
        var newKey = StageNewKey(store, staged, out var resumed);
        using var cleared = new ClearOnDispose(newKey.Key);
        var newId = newKey.Id;
        if (!resumed)
        {
            _options.AfterStep?.Invoke("staged");
            // An opener made of identities, or a KMS key, is among the recipients and KMS keys kept.
            store.ReplaceDataKeyKeepingAccess(opened.Key is IdentityKey or KmsKey ? [newKey] : [newKey, opened.Key], now, StoreSecurity.Default);
            store.Save();
            _options.AfterStep?.Invoke("both-keys-saved");
        }
        else
        {
            _diagnostics.Add(SecretsDiagnostic.Warning(DiagnosticCodes.KeyRotationResumed,
                $"An earlier key rotation of the {paths.Environment} store stopped after re-encrypting; it was completed with the key it had staged in {staged}.",
                "Nothing to do; check that no other build changed the store in between (git status).",
                SourceLocation.ForFile(staged)));
        }

        var retiredFile = SwitchKeyFile(keyFile, staged, newId);
        _options.AfterStep?.Invoke("switched");
        var retiredIds = store.KeyIds.Where(k => k != $"{StoreFormat.KindKey} {newId}" && !k.StartsWith(AgeKeyWrapping.Kind + " ", StringComparison.Ordinal) && !k.StartsWith(AwsKmsKeyWrapProvider.Kind + " ", StringComparison.Ordinal)).ToImmutableArray();
        store.KeepOnlyKey(newId);
        store.Save();
        Report(opened.Key, keyFile, retiredFile, paths);
        LifecycleAudit.Record(store, [AuditEvent.Now(AuditEventKind.KeyRotated, _options.Trigger, _options.Clock)]);
        opened.Remember(now);
        return Result(paths) with
        {
            RetiredKeyIds = resumed ? retiredIds : oldKeyIds,
            NewKeyId = $"{StoreFormat.KindKey} {newId}",
            NewKeyFile = keyFile,
            RetiredKeyFile = retiredFile,
            ReencryptedValues = values,
        };
    }

    private RotateKeyResult RotatePassphrase(SecretStore store, DateTimeOffset now, ImmutableArray<string> oldKeyIds, int values)
    {
        var variable = KeyVariables.PassphraseFor(store.Environment);
        if (string.IsNullOrWhiteSpace(_options.NewPassphrase))
        {
            _diagnostics.Add(SecretsDiagnostic.Error(DiagnosticCodes.KeyRotationNeedsPassphrase,
                $"The {store.Environment} store is opened by a passphrase, and no new passphrase was given; nothing was changed.",
                $"Pass the new passphrase (-p:SecretsNewPassphrase=... from a secret variable, or RotateKeyOptions.NewPassphrase), then set {variable} to it everywhere.",
                SourceLocation.ForFile(store.Paths.StorePath)));
            return Result(store.Paths);
        }

        // A passphrase lives in the user's variables, not in a file: there is nothing to switch,
        // so one save moves the store from the old passphrase to the new one.
        store.ReplaceDataKeyKeepingAccess([new PassphraseKey(_options.NewPassphrase.Trim(), "the new passphrase")], now, StoreSecurity.Default);
        store.Save();
        _diagnostics.Add(SecretsDiagnostic.Warning(DiagnosticCodes.KeyRotationUpdateVariable,
            $"The {store.Environment} store now opens only with the new passphrase; builds that still set {variable} to the old one fail with SECB240.",
            $"Set {variable} to the new passphrase on every build server and developer machine.",
            SourceLocation.ForFile(store.Paths.StorePath)));
        LifecycleAudit.Record(store, [AuditEvent.Now(AuditEventKind.KeyRotated, _options.Trigger, _options.Clock)]);
        return Result(store.Paths) with
        {
            RetiredKeyIds = oldKeyIds,
            // The passphrase comes first; recipients and KMS keys follow it.
            NewKeyId = store.KeyIds[0],
            ReencryptedValues = values,
        };
    }

    private static string CheckKeyFolder(KeyLocator locator)
    {
        if (locator.KeyFilePath is not { } keyFile || locator.KeyDirectoryPath is not { } folder)
        {
            throw new SecretsException(SecretsDiagnostic.Error(DiagnosticCodes.KeyDirectoryUnknown,
                "There is no folder for the new key file: none of SECRETS_BUILD_KEY_DIR, XDG_CONFIG_HOME, HOME or APPDATA is set.",
                "Set SECRETS_BUILD_KEY_DIR to a folder outside the workspace and rotate again."));
        }

        if (locator.WorkspaceDirectory is { } workspace && KeyDirectory.IsInside(folder, workspace))
        {
            throw new SecretsException(SecretsDiagnostic.Error(DiagnosticCodes.KeyDirectoryInsideWorkspace,
                $"The key folder {folder} is inside the workspace {workspace}, where the new key could be committed or deleted by 'git clean'.",
                "Choose a key folder outside the workspace and rotate again.",
                SourceLocation.ForFile(folder)));
        }

        return keyFile;
    }

    /// <summary>The new key: the one an interrupted rotation staged, if the store already accepts it; otherwise a fresh one written to <paramref name="staged"/>.</summary>
    private static RawKey StageNewKey(SecretStore store, string staged, out bool resumed)
    {
        resumed = false;
        if (File.Exists(staged))
        {
            if (KeyText.TryParse(File.ReadAllText(staged), out var leftover))
            {
                var id = KeyId.For(leftover);
                if (store.KeyIds.Contains($"{StoreFormat.KindKey} {id}"))
                {
                    resumed = true;
                    return new RawKey(leftover, staged);
                }

                CryptographicOperations.ZeroMemory(leftover);
            }

            // Staged by a rotation that crashed before its first save: no store was ever
            // encrypted for it, so it protects nothing.
            File.Delete(staged);
        }

        var key = RandomNumberGenerator.GetBytes(AesGcm256.KeySize);
        KeyFileWriter.WriteNew(staged, key);
        return new RawKey(key, staged);
    }

    /// <summary>Keeps a copy of the old key file, then renames the staged key over it in one step.</summary>
    private static string? SwitchKeyFile(string keyFile, string staged, string newId)
    {
        string? retiredFile = null;
        if (File.Exists(keyFile) && KeyText.TryParse(File.ReadAllText(keyFile), out var oldKey))
        {
            try
            {
                var oldId = KeyId.For(oldKey);
                if (oldId != newId)
                {
                    retiredFile = $"{keyFile}.retired-{oldId}";
                    if (!File.Exists(retiredFile))
                    {
                        KeyFileWriter.WriteNew(retiredFile, oldKey);
                    }
                }
            }
            finally
            {
                CryptographicOperations.ZeroMemory(oldKey);
            }
        }

        if (File.Exists(staged))
        {
            File.Move(staged, keyFile, overwrite: true);
        }

        return retiredFile;
    }

    private void Report(KeyMaterial oldKey, string keyFile, string? retiredFile, StorePaths paths)
    {
        if (!string.Equals(oldKey.Source, keyFile, StringComparison.Ordinal))
        {
            var variable = KeyVariables.KeyFor(paths.Environment);
            _diagnostics.Add(SecretsDiagnostic.Warning(DiagnosticCodes.KeyRotationUpdateVariable,
                $"The old key came from the {oldKey.Source}, which no longer opens the {paths.Environment} store; builds that set it fail with SECB240 until it is replaced.",
                $"Copy the content of the new key file {keyFile} into {variable} (or SECRETS_BUILD_KEY) on every build server and machine that sets it, then remove the old value.",
                SourceLocation.ForFile(keyFile)));
        }

        if (retiredFile is not null)
        {
            _diagnostics.Add(new SecretsDiagnostic(DiagnosticCodes.KeyRotationOldKeyKept, SecretsSeverity.Info,
                $"The old key was kept as {retiredFile}; builds never read it, but it still opens older commits of the store.",
                "Delete it once no one needs to decrypt the store's history with it.",
                SourceLocation.ForFile(retiredFile)));
        }
    }

    private RotateKeyResult Result(StorePaths? paths = null) => new()
    {
        Diagnostics = [.. _diagnostics],
        StorePath = paths?.StorePath ?? string.Empty,
    };

    private sealed class ClearOnDispose(byte[] key) : IDisposable
    {
        public void Dispose() => CryptographicOperations.ZeroMemory(key);
    }
}
