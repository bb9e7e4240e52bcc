using System.Collections.Immutable;
using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Kms;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Recipients;

/// <summary>
/// Add, remove and list an environment's KMS keys, under the environment's lock, with the age
/// recipients' semantics: adding wraps the same data key once more; removing replaces the data key
/// and warns which values whoever can use the removed key could have read. Every user mistake ends
/// as a diagnostic in the result.
/// </summary>
internal sealed class KmsKeyCommand
{
    private readonly KmsKeyOptions _options;
    private readonly List<SecretsDiagnostic> _diagnostics = [];
    private readonly string _workspace;
    private readonly IReadOnlyDictionary<string, string> _variables;
    private StorePaths? _paths;

    public KmsKeyCommand(KmsKeyOptions options)
    {
        _options = options;
        _workspace = options.RequiredWorkspace();
        _variables = options.EnvironmentVariables ?? EnvironmentSnapshot.FromProcess();
    }

    /// <summary>Parses the KMS options each time it is read: read it once per operation.</summary>
    private KmsSettings Settings => _options.KmsSettings(_variables) ?? KmsSettings.None;

    public KmsKeyResult Add(CancellationToken cancellationToken) => Run(() =>
    {
        var arn = RequireArn();
        var paths = ExistingStore();
        using var workspaceLock = WorkspaceLock.Acquire(paths.LockPath, cancellationToken);
        var settings = Settings;
        using var opened = StoreOpener.Open(paths, _workspace, _options.KeyDirectory, _variables, mayCreate: false, _diagnostics, _options.Trust, settings);
        using var store = opened.Store;
        using var key = settings.CreateKey(arn);
        var added = store.AddKmsKey(key);
        if (added)
        {
            store.Save();
            LifecycleAudit.Record(store, [Event(AuditEventKind.KmsKeyAdded, arn)]);
        }
        else
        {
            _diagnostics.Add(SecretsDiagnostic.Warning(DiagnosticCodes.KmsKeyAlreadyPresent,
                $"The KMS key {arn} can already open '{paths.StorePath}'; the store was not changed.",
                "Nothing to do. To let another account or region open the store, add that key's own ARN.",
                SourceLocation.ForFile(paths.StorePath)));
        }

        opened.Remember(_options.Clock.GetUtcNow());
        return Describe(store.KeyIds) with { Changed = added };
    });

    public KmsKeyResult Remove(CancellationToken cancellationToken) => Run(() =>
    {
        var arn = RequireArn();

        var paths = ExistingStore();
        using var workspaceLock = WorkspaceLock.Acquire(paths.LockPath, cancellationToken);
        using var opened = StoreOpener.Open(paths, _workspace, _options.KeyDirectory, _variables, mayCreate: false, _diagnostics, _options.Trust, Settings);
        using var store = opened.Store;
        if (!store.KmsKeyIds.Any(k => k.KeyId == arn))
        {
            throw new SecretsException(SecretsDiagnostic.Error(DiagnosticCodes.KmsKeyNotOnStore,
                $"The KMS key {arn} is not one of the keys of '{paths.StorePath}'. The store accepts: {string.Join(", ", store.KeyIds)}.",
                "Check the ARN: list the store's KMS keys with 'dotnet msbuild -t:ListSecretsKmsKeys' (or 'secrets-build kms list') and copy the one to remove from there.",
                SourceLocation.ForFile(paths.StorePath)));
        }

        var removal = store.RemoveKmsKey(arn, [opened.Key], _options.Clock.GetUtcNow(), _options.DropUnavailableKeys);
        store.Save();
        // Both under the new data key's chain key; the lines before verify with the retired one.
        LifecycleAudit.Record(store, [Event(AuditEventKind.KmsKeyRemoved, arn), AuditEvent.Now(AuditEventKind.KeyRotated, _options.Trigger, _options.Clock)]);
        ImmutableArray<string> toRotate = [.. store.Names];
        _diagnostics.Add(SawValuesWarning(arn, paths, toRotate, removal.DroppedKeys));
        opened.Remember(_options.Clock.GetUtcNow());
        return Describe(store.KeyIds) with { Changed = true, SecretsToRotate = toRotate };
    });

    public KmsKeyResult List() => Run(() =>
    {
        var paths = ExistingStore();
        return Describe(SecretStore.ReadHeader(paths).KeyIds);
    });

    /// <summary>The key to add or remove; SECB738 when it is empty or not a KMS key ARN.</summary>
    private string RequireArn() => AwsKmsArn.Require(_options.KeyArn ?? string.Empty, "The property SecretsKmsKey");

    private AuditEvent Event(AuditEventKind kind, string arn) =>
        AuditEvent.Now(kind, _options.Trigger, _options.Clock) with { KmsKey = arn };

    private KmsKeyResult Run(Func<KmsKeyResult> operation)
    {
        try
        {
            return operation() with { Diagnostics = [.. _diagnostics] };
        }
        catch (SecretsException exception)
        {
            _diagnostics.AddRange(exception.Diagnostics);
            return new KmsKeyResult
            {
                Diagnostics = [.. _diagnostics],
                StorePath = _paths?.StorePath ?? string.Empty,
            };
        }
    }

    private StorePaths ExistingStore()
    {
        _paths = StorePaths.ForWorkspace(_workspace, _options.Environment);
        if (!SecretStore.Exists(_paths))
        {
            throw new SecretsException(SecretsDiagnostic.Error(DiagnosticCodes.NoStoreForKmsKey,
                $"Environment '{_paths.Environment}' has no store at {_paths.StorePath} yet, so there is no data key for a KMS key to wrap.",
                $"Build once for this environment with the key configured (dotnet build -p:SecretsEnvironment={_paths.Environment} -p:SecretsKmsKeys=<arn>), which creates the store wrapped by it.",
                SourceLocation.ForFile(_paths.StorePath)));
        }

        return _paths;
    }

    /// <summary>Splits the key list into KMS keys (by ARN) and the rest (<c>kind id</c>).</summary>
    private KmsKeyResult Describe(IReadOnlyList<string> keyIds)
    {
        var kms = keyIds.Select(id => id.Split(' ', 2)).Where(p => p.Length == 2 && KmsProviders.IsKnownKind(p[0])).Select(p => p[1]);
        return new KmsKeyResult
        {
            KmsKeys = [.. kms],
            OtherKeys = [.. keyIds.Where(id => !KmsProviders.IsKnownKind(id.Split(' ', 2)[0]))],
            StorePath = _paths!.StorePath,
        };
    }

    private static SecretsDiagnostic SawValuesWarning(string arn, StorePaths paths, ImmutableArray<string> names, ImmutableArray<string> dropped)
    {
        var droppedNote = dropped.IsEmpty ? string.Empty : $" These keys were dropped and can no longer open it: {string.Join(", ", dropped)}.";
        var secrets = names.IsEmpty ? "none (the store is empty)" : string.Join(", ", names);
        return SecretsDiagnostic.Warning(DiagnosticCodes.RemovedKmsKeySawValues,
            $"The KMS key {arn} can no longer open '{paths.StorePath}': the data key was rotated and every value re-encrypted.{droppedNote} " +
            $"But every identity allowed to decrypt with that key could read every value until now, and the old store stays in version control history, so these secrets must be rotated: {secrets}.",
            "Commit the store now, then give each listed secret a new value (change it at its service, then store the new value), starting with production credentials. Disable or schedule the deletion of the KMS key if nothing else uses it.",
            SourceLocation.ForFile(paths.StorePath));
    }
}
