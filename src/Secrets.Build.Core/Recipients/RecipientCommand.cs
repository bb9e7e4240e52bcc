using System.Collections.Immutable;
using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Crypto.Age;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Recipients;

/// <summary>
/// Add, remove and list an environment's age recipients, under the environment's lock. The store
/// is saved before the recipients file, so a crash in between leaves a difference that
/// <see cref="List"/> reports rather than a store nobody can open. Every user mistake ends as a
/// diagnostic in the result.
/// </summary>
internal sealed class RecipientCommand
{
    private readonly RecipientOptions _options;
    private readonly List<SecretsDiagnostic> _diagnostics = [];
    private readonly string _workspace;
    private readonly IReadOnlyDictionary<string, string> _variables;
    private StorePaths? _paths;

    public RecipientCommand(RecipientOptions options)
    {
        _options = options;
        _workspace = options.RequiredWorkspace();
        _variables = options.EnvironmentVariables ?? EnvironmentSnapshot.FromProcess();
    }

    public RecipientResult Add(CancellationToken cancellationToken) => Run(() =>
    {
        var recipient = ParseRecipient();
        var paths = ExistingStore();
        using var workspaceLock = WorkspaceLock.Acquire(paths.LockPath, cancellationToken);
        var file = RecipientsFile.PathFor(paths);
        var entry = RecipientsFile.Read(file).FirstOrDefault(e => e.Recipient.Equals(recipient));
        using var opened = StoreOpener.Open(paths, _workspace, _options.KeyDirectory, _variables, mayCreate: false, _diagnostics, _options.Trust, _options.KmsSettings(_variables));
        using var store = opened.Store;
        var added = store.AddRecipient(recipient);
        if (added)
        {
            store.Save();
            LifecycleAudit.Record(store, [RecipientAuditEvents.Added(recipient, entry?.Name ?? _options.Name, _options.Trigger, _options.Clock)]);
        }

        var addedToFile = entry is null;
        if (addedToFile)
        {
            RecipientsFile.Add(file, paths.Environment, recipient, _options.Name);
        }

        if (!added)
        {
            _diagnostics.Add(SecretsDiagnostic.Warning(DiagnosticCodes.RecipientAlreadyPresent,
                $"{recipient} (age {recipient.Fingerprint}) can already open '{paths.StorePath}'; the store was not changed.",
                "Nothing to do. To give a new machine access, add that machine's own public key.",
                SourceLocation.ForFile(paths.StorePath)));
        }

        opened.Remember(_options.Clock.GetUtcNow());
        return Describe(store.KeyIds, store.Recipients) with { Changed = added || addedToFile };
    });

    public RecipientResult Remove(CancellationToken cancellationToken) => Run(() =>
    {
        var recipient = ParseRecipient();
        var paths = ExistingStore();
        using var workspaceLock = WorkspaceLock.Acquire(paths.LockPath, cancellationToken);
        var file = RecipientsFile.PathFor(paths);
        var entry = RecipientsFile.Read(file).FirstOrDefault(e => e.Recipient.Equals(recipient));
        using var opened = StoreOpener.Open(paths, _workspace, _options.KeyDirectory, _variables, mayCreate: false, _diagnostics, _options.Trust, _options.KmsSettings(_variables));
        using var store = opened.Store;
        var removal = store.RemoveRecipient(recipient, [opened.Key], _options.Clock.GetUtcNow(), _options.DropUnavailableKeys);
        var inFile = entry is not null;
        if (!removal.Removed && !inFile)
        {
            throw new SecretsException(SecretsDiagnostic.Error(DiagnosticCodes.RecipientNotFound,
                $"{recipient} (age {recipient.Fingerprint}) is neither a recipient of '{paths.StorePath}' nor listed in '{file}'. The store accepts: {string.Join(", ", store.KeyIds)}.",
                "Check the key: list the recipients with 'dotnet msbuild -t:ListSecretsRecipients' and copy the age1… key to remove from there.",
                SourceLocation.ForFile(file)));
        }

        var toRotate = ImmutableArray<string>.Empty;
        if (removal.Removed)
        {
            store.Save();
            // Both under the new data key's chain key; the lines before verify with the retired one.
            LifecycleAudit.Record(store,
            [
                RecipientAuditEvents.Removed(recipient, entry?.Name, _options.Trigger, _options.Clock),
                AuditEvent.Now(AuditEventKind.KeyRotated, _options.Trigger, _options.Clock),
            ]);
            toRotate = [.. store.Names];
            _diagnostics.Add(SawValuesWarning(recipient, entry?.Name, paths, toRotate, removal.DroppedKeys));
        }

        if (inFile)
        {
            RecipientsFile.Remove(file, recipient);
        }

        opened.Remember(_options.Clock.GetUtcNow());
        return Describe(store.KeyIds, store.Recipients) with { Changed = true, SecretsToRotate = toRotate };
    });

    public RecipientResult List() => Run(() =>
    {
        var paths = ExistingStore();
        var keyList = IdentityOpener.ReadKeyList(paths);
        var recipients = keyList.Select(k => AgeKeyWrapping.TryGetRecipient(k, out var r) ? r : null).OfType<AgeRecipient>().ToList();
        return Describe([.. keyList.Select(k => $"{k.Kind} {k.KeyId}")], recipients);
    });

    private RecipientResult Run(Func<RecipientResult> operation)
    {
        try
        {
            return operation() with { Diagnostics = [.. _diagnostics] };
        }
        catch (SecretsException exception)
        {
            _diagnostics.AddRange(exception.Diagnostics);
            return new RecipientResult
            {
                Diagnostics = [.. _diagnostics],
                StorePath = _paths?.StorePath ?? string.Empty,
                RecipientsFilePath = _paths is null ? string.Empty : RecipientsFile.PathFor(_paths),
            };
        }
    }

    private AgeRecipient ParseRecipient()
    {
        if (AgeRecipient.TryParse(_options.Recipient, out var recipient))
        {
            return AgeX25519.IsLowOrder(recipient)
                ? throw new SecretsException(SecretsDiagnostic.Error(DiagnosticCodes.RecipientMalformed,
                    $"The recipient {recipient} is a low-order X25519 point: it has no private key, and the data key wrapped to it would be readable by anyone.",
                    "Pass the real public key of the person or server, as 'age-keygen' prints it after 'Public key:' (or 'age-keygen -y identity.txt')."))
                : recipient;
        }

        // The text given is never repeated: it may be a private identity pasted by mistake.
        var given = string.IsNullOrWhiteSpace(_options.Recipient)
            ? "No recipient was given"
            : _options.Recipient.Trim().StartsWith("AGE-SECRET-KEY-", StringComparison.OrdinalIgnoreCase)
                ? "The recipient given is a private identity (AGE-SECRET-KEY-1…), not a public key; treat that identity as exposed if it was typed into a shared log"
                : "The recipient given is not an age X25519 public key";
        throw new SecretsException(SecretsDiagnostic.Error(DiagnosticCodes.RecipientMalformed,
            $"{given}: a recipient is 'age1' followed by 58 lower-case Bech32 characters.",
            "Pass the public key of the person or server: -p:SecretsRecipient=age1… as 'age-keygen' prints it after 'Public key:' (or 'age-keygen -y identity.txt'). Never pass an AGE-SECRET-KEY-1… line: that is the private half."));
    }

    private StorePaths ExistingStore()
    {
        _paths = StorePaths.ForWorkspace(_workspace, _options.Environment);
        if (!SecretStore.Exists(_paths))
        {
            throw new SecretsException(SecretsDiagnostic.Error(DiagnosticCodes.NoStoreForRecipients,
                $"Environment '{_paths.Environment}' has no store at {_paths.StorePath} yet, so there is no data key to share.",
                $"Build once for this environment (dotnet build -p:SecretsEnvironment={_paths.Environment}) to create the store, then add recipients.",
                SourceLocation.ForFile(_paths.StorePath)));
        }

        return _paths;
    }

    /// <summary>Store and file together: every recipient of either, named from the file, with other keys listed apart.</summary>
    private RecipientResult Describe(IReadOnlyList<string> keyIds, IReadOnlyList<AgeRecipient> inStore)
    {
        var file = RecipientsFile.PathFor(_paths!);
        var listed = RecipientsFile.Read(file);
        var infos = RecipientsSync.Combine(inStore, listed);
        _diagnostics.AddRange(RecipientsSync.Differences(infos, listed, file, _paths!.StorePath));

        return new RecipientResult
        {
            Recipients = infos,
            OtherKeys = [.. keyIds.Where(id => !id.StartsWith(AgeKeyWrapping.Kind + " ", StringComparison.Ordinal))],
            StorePath = _paths!.StorePath,
            RecipientsFilePath = file,
        };
    }

    private static SecretsDiagnostic SawValuesWarning(AgeRecipient recipient, string? holder, StorePaths paths, ImmutableArray<string> names, ImmutableArray<string> dropped)
    {
        var droppedNote = dropped.IsEmpty ? string.Empty : $" These keys were dropped and can no longer open it: {string.Join(", ", dropped)}.";
        var secrets = names.IsEmpty ? "none (the store is empty)" : string.Join(", ", names);
        return SecretsDiagnostic.Warning(DiagnosticCodes.RemovedRecipientSawValues,
            $"{recipient} (age {recipient.Fingerprint}{(holder is null ? string.Empty : ", " + holder)}) can no longer open '{paths.StorePath}': the data key was rotated and every value re-encrypted.{droppedNote} " +
            $"But they could read every value until now, and the old store stays in version control history, so these secrets must be rotated: {secrets}.",
            "Commit the store and the recipients file now, then give each listed secret a new value (change it at its service, then store the new value), starting with production credentials.",
            SourceLocation.ForFile(paths.StorePath));
    }
}
