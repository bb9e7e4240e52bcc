using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Workspace;

/// <summary>
/// The second half of key resolution for an existing store: when no symmetric key or passphrase
/// was found, the store may still list this machine's age identity among its recipients.
/// </summary>
internal static class IdentityOpener
{
    /// <summary>Opens the store with the identities found, or throws an error naming everything tried and everything the store accepts.</summary>
    public static OpenedWorkspace Open(
        StorePaths paths,
        string workspace,
        string? keyDirectory,
        IReadOnlyDictionary<string, string> variables,
        KeyResolution keys,
        ParsedStoreFile storeFile,
        List<SecretsDiagnostic> diagnostics,
        KmsOpener? kms)
    {
        if (kms?.TryOpen(storeFile) is { } viaKms)
        {
            return viaKms;
        }

        var resolution = Resolve(paths.Environment, workspace, keyDirectory, variables, diagnostics);
        if (resolution.Key is { } identities)
        {
            var opened = OpenWith(paths, identities, storeFile);
            kms?.ReportFallback(opened.Key, diagnostics);
            return opened;
        }

        if (kms is { Failures.Count: > 0 })
        {
            // Every KMS key of the store was tried and failed: that is the error to fix.
            throw new SecretsException([.. kms.Failures]);
        }

        var keyList = storeFile.Document.Keys;
        if (!keyList.Any(k => k.Kind == AgeKeyWrapping.Kind))
        {
            // A store without recipients needs its symmetric key; that error explains how to supply it.
            throw new SecretsException(keys.MissingKeyError(paths.StorePath, [.. storeFile.Header.KeyIds]));
        }

        throw AgeKeyWrapping.NoIdentityOpens(paths.StorePath, keyList,
            $"no identity (looked in: {resolution.DescribePlacesLooked()}) and no key (looked in: {keys.DescribePlacesLooked()})");
    }

    /// <summary>
    /// Opens the store with the symmetric key found; when that key is not one of the store's
    /// (e.g. a shared SECRETS_BUILD_KEY meant for other stores), tries this machine's identities
    /// before giving up, and then names both in the error. <paramref name="storeFile"/> is the store
    /// file already parsed for its header under the same lock, so it is not read again.
    /// </summary>
    public static OpenedWorkspace OpenWithKey(
        StorePaths paths,
        KeyMaterial key,
        string workspace,
        string? keyDirectory,
        IReadOnlyDictionary<string, string> variables,
        List<SecretsDiagnostic> diagnostics,
        ParsedStoreFile storeFile,
        KmsOpener? kms)
    {
        try
        {
            return new OpenedWorkspace(SecretStore.Open(paths, key, StoreSecurity.Default, storeFile), key, Created: false);
        }
        catch (SecretsException wrongKey) when (wrongKey.Code == DiagnosticCodes.WrongKey)
        {
            // After the key: the store's KMS keys, then this machine's age identities.
            if (kms?.TryOpen(storeFile) is { } viaKms)
            {
                return viaKms;
            }

            var resolution = Resolve(paths.Environment, workspace, keyDirectory, variables, diagnostics);
            if (resolution.Key is not { } identities)
            {
                if (kms is { Failures.Count: > 0 })
                {
                    throw new SecretsException([.. kms.Failures, .. wrongKey.Diagnostics]);
                }

                throw;
            }

            try
            {
                var opened = OpenWith(paths, identities, storeFile);
                kms?.ReportFallback(opened.Key, diagnostics);
                return opened;
            }
            catch (SecretsException noIdentity) when (noIdentity.Code == DiagnosticCodes.NoIdentityOpensStore)
            {
                throw AgeKeyWrapping.NoIdentityOpens(paths.StorePath, storeFile.Document.Keys, $"{identities.Describe()}, and the key from {key.Source}");
            }
        }
    }

    // The identities are wiped by the caller's OpenedWorkspace on success, here on failure.
    private static OpenedWorkspace OpenWith(StorePaths paths, IdentityKey identities, ParsedStoreFile storeFile)
    {
        try
        {
            return new OpenedWorkspace(SecretStore.Open(paths, identities, StoreSecurity.Default, storeFile), identities, Created: false);
        }
        catch
        {
            identities.Wipe();
            throw;
        }
    }

    /// <summary>Finds the identities, passing warnings on and turning errors into an exception.</summary>
    public static IdentityResolution Resolve(
        string environment,
        string workspace,
        string? keyDirectory,
        IReadOnlyDictionary<string, string> variables,
        List<SecretsDiagnostic> diagnostics)
    {
        var resolution = new IdentityLocator(environment, variables, keyDirectory, workspace).Resolve();
        diagnostics.AddRange(resolution.Diagnostics.Where(d => d.Severity != SecretsSeverity.Error));
        if (resolution.HasErrors)
        {
            throw new SecretsException([.. resolution.Diagnostics.Where(d => d.Severity == SecretsSeverity.Error)]);
        }

        return resolution;
    }

    /// <summary>The store's key list, read without any key (it holds only public facts).</summary>
    public static List<KeyWrapDocument> ReadKeyList(StorePaths paths)
    {
        var path = !File.Exists(paths.StorePath) && File.Exists(paths.PendingStorePath) ? paths.PendingStorePath : paths.StorePath;
        if (!File.Exists(path))
        {
            throw StoreErrors.StoreNotFound(paths.StorePath);
        }

        return StoreFileReader.Parse<StoreDocument>(path, StoreFileReader.ReadBytes(path), StoreFormat.StoreMarker).Keys;
    }
}
