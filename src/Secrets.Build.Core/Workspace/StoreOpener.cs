using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Kms;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Trust;

namespace Secrets.Build.Core.Workspace;

/// <summary>
/// Opens an environment's store with the key found for it, or creates store and key on the first
/// run. An existing store without its key is an error: it is never replaced by a new one.
/// </summary>
internal static class StoreOpener
{
    public static OpenedWorkspace Open(
        StorePaths paths,
        string workspace,
        string? keyDirectory,
        IReadOnlyDictionary<string, string> variables,
        bool mayCreate,
        List<SecretsDiagnostic> diagnostics,
        TrustOptions? trustOptions,
        KmsSettings? kms)
    {
        // Read before anything else: a malformed KMS key setting stops the run before any file changes.
        kms ??= KmsSettings.Resolve(paths.Environment, keys: null, timeoutSeconds: null, variables);
        var trust = EnvironmentTrust.Load(paths, workspace, keyDirectory, variables, trustOptions);
        if (SecretStore.Exists(paths))
        {
            // Parsed once here and handed to the open below: the workspace lock is held throughout.
            var storeFile = SecretStore.ReadStoreFile(paths);
            var locator = new KeyLocator(paths.Environment, storeFile.Document.StoreId, variables, keyDirectory, workspace);
            var opened = OpenExisting(paths, workspace, keyDirectory, variables, diagnostics, storeFile, locator, kms);
            try
            {
                opened.Store.KmsCallTimeout = kms.Timeout;
                trust.AttachChainKey(opened.Store);
                // Like an age recipient, a KMS key can wrap a data key without holding any secret of this store.
                diagnostics.AddRange(trust.CheckOpened(opened.Store, opened.Key is IdentityKey or KmsKey, locator.KeyFilePath));
                if (!kms.KeyArns.IsEmpty)
                {
                    diagnostics.AddRange(ConfiguredKeysMissing(opened.Store, kms));
                }
            }
            catch
            {
                opened.Dispose();
                throw;
            }

            return opened with { Trust = trust };
        }

        trust.CheckNoStoreExpected();
        var created = Create(paths, workspace, keyDirectory, variables, mayCreate, diagnostics, kms);
        try
        {
            created.Store.KmsCallTimeout = kms.Timeout;
            trust.AttachChainKey(created.Store);
        }
        catch
        {
            created.Dispose();
            throw;
        }

        if (GitWorkTree.WouldTrack(paths.StorePath))
        {
            diagnostics.Add(TrustErrors.NotCommitted(paths));
        }

        return created with { Trust = trust };
    }

    private static OpenedWorkspace OpenExisting(
        StorePaths paths,
        string workspace,
        string? keyDirectory,
        IReadOnlyDictionary<string, string> variables,
        List<SecretsDiagnostic> diagnostics,
        ParsedStoreFile storeFile,
        KeyLocator locator,
        KmsSettings kms)
    {
        var resolution = Resolve(locator, diagnostics);
        // Only a store with KMS entries ever creates a KMS client.
        var kmsOpener = storeFile.Document.Keys.Any(KmsKeyWrapping.IsKmsEntry) ? new KmsOpener(paths, kms.Timeout) : null;
        if (resolution.Key is not { } key)
        {
            // No symmetric key here: the store may list a KMS key, or this machine's age identity among its recipients.
            return IdentityOpener.Open(paths, workspace, keyDirectory, variables, resolution, storeFile, diagnostics, kmsOpener);
        }

        var opened = WipeOnFailure(key, () => IdentityOpener.OpenWithKey(paths, key, workspace, keyDirectory, variables, diagnostics, storeFile, kmsOpener));
        if (!ReferenceEquals(opened.Key, key))
        {
            // The key was not the store's and an age identity opened it: nothing holds the key any more.
            key.Wipe();
        }

        return opened;
    }

    private static OpenedWorkspace Create(
        StorePaths paths,
        string workspace,
        string? keyDirectory,
        IReadOnlyDictionary<string, string> variables,
        bool mayCreate,
        List<SecretsDiagnostic> diagnostics,
        KmsSettings kms)
    {
        var storeId = SecretStore.NewStoreId();
        var newLocator = new KeyLocator(paths.Environment, storeId, variables, keyDirectory, workspace);
        var found = Resolve(newLocator, diagnostics);
        if (found.Key is { } given)
        {
            // A key supplied through the environment (a build server, or a team's shared key)
            // creates the store with that key, and any KMS keys configured; no key file is written.
            return WipeOnFailure(given, () => CreateWith(paths, storeId, given, kms));
        }

        if (!kms.KeyArns.IsEmpty)
        {
            // KMS only: the service holds the key, so there is no key file to write or lose.
            var first = kms.CreateKey(kms.KeyArns[0]);
            return WipeOnFailure(first, () => CreateWith(paths, storeId, first, kms with { KeyArns = kms.KeyArns.RemoveAt(0) }));
        }

        if (!mayCreate)
        {
            throw new SecretsException(SecretsDiagnostic.Error(
                DiagnosticCodes.NoStoreGenerationOff,
                $"Environment '{paths.Environment}' has no store at {paths.StorePath} and secret generation is off here, so nothing can be provisioned. Looked for a key in: {PlacesBeforeAnyStore(found)}.",
                $"Commit the store made on a developer machine, set {found.KeyVariable} to its key, or build once with -p:SecretsGenerate=true to create it.",
                SourceLocation.ForFile(paths.StorePath)));
        }

        var created = newLocator.CreateKeyFile();
        return WipeOnFailure(created, () => new OpenedWorkspace(SecretStore.Create(paths, created, storeId), created, Created: true, CreatedKeyFile: newLocator.KeyFilePath));
    }

    /// <summary>
    /// A warning for each configured KMS key the existing store does not have: the configuration
    /// wraps only a new store's data key, and a build never changes who can open a store by itself.
    /// </summary>
    private static IEnumerable<SecretsDiagnostic> ConfiguredKeysMissing(SecretStore store, KmsSettings kms) =>
        kms.KeyArns.Where(arn => !store.KmsKeyIds.Any(k => k.KeyId == arn)).Select(arn => SecretsDiagnostic.Warning(
            DiagnosticCodes.ConfiguredKmsKeyNotOnStore,
            $"The KMS key {arn} is configured (SecretsKmsKeys or {KmsSettings.VariableFor(store.Environment)}) but does not open '{store.Paths.StorePath}': configured keys wrap only a store the build creates.",
            $"Add it to the store and commit: dotnet msbuild -t:AddSecretsKmsKey -p:SecretsEnvironment={store.Environment} -p:SecretsKmsKey={arn} (or secrets-build kms add {arn}). Or remove it from the configuration.",
            SourceLocation.ForFile(store.Paths.StorePath)));

    /// <summary>A new store wrapped by <paramref name="key"/> and by every KMS key of <paramref name="kms"/>.</summary>
    private static OpenedWorkspace CreateWith(StorePaths paths, string storeId, KeyMaterial key, KmsSettings kms)
    {
        var store = SecretStore.Create(paths, key, storeId);
        try
        {
            foreach (var arn in kms.KeyArns)
            {
                using var kmsKey = kms.CreateKey(arn);
                store.AddKmsKey(kmsKey);
            }
        }
        catch
        {
            store.Dispose();
            throw;
        }

        return new OpenedWorkspace(store, key, Created: true);
    }

    /// <summary>
    /// Where a key was looked for, less the key file: without a store there is no store id, and the
    /// file named after a random new one can never exist, so naming it would send people looking for it.
    /// </summary>
    private static string PlacesBeforeAnyStore(KeyResolution found)
    {
        var places = found.PlacesLooked.Where(p => found.KeyFilePath is null || !p.Contains(found.KeyFilePath, StringComparison.Ordinal)).ToList();
        if (found.KeyFilePath is { } keyFile)
        {
            places.Add($"the key folder {Path.GetDirectoryName(keyFile)} (key files are named after their store, and there is none yet)");
        }

        return string.Join("; ", places);
    }

    // On success the caller's OpenedWorkspace wipes the key; on failure nothing else holds it.
    private static OpenedWorkspace WipeOnFailure(KeyMaterial key, Func<OpenedWorkspace> open)
    {
        try
        {
            return open();
        }
        catch
        {
            key.Wipe();
            throw;
        }
    }

    private static KeyResolution Resolve(KeyLocator locator, List<SecretsDiagnostic> diagnostics)
    {
        var resolution = locator.Resolve();
        diagnostics.AddRange(resolution.Diagnostics.Where(d => d.Severity != SecretsSeverity.Error));
        if (resolution.HasErrors)
        {
            throw new SecretsException([.. resolution.Diagnostics.Where(d => d.Severity == SecretsSeverity.Error)]);
        }

        return resolution;
    }
}
