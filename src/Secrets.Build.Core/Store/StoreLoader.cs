using System.Security.Cryptography;
using Secrets.Build.Core.Crypto;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Keys;

namespace Secrets.Build.Core.Store;

/// <summary>Everything an opened store starts from, verified.</summary>
internal sealed record LoadedStore(
    string StoreId,
    List<KeyWrapDocument> Keys,
    byte[] DataKey,
    OrdinalMap<StoredSecret> Secrets,
    List<RetiredKeyDocument> RetiredKeys,
    StoreSnapshot Snapshot,
    int Generation,
    byte[] Mac);

/// <summary>
/// Opens a store in the order that gives the most precise error: the file's shape, the key,
/// each value's authentication (naming the secret), then the MAC over both files for what
/// per-value checks cannot see (deleted entries, rollbacks, edited metadata).
/// </summary>
internal static class StoreLoader
{
    /// <param name="paths">The environment's files.</param>
    /// <param name="key">The key to open with.</param>
    /// <param name="security">The key-derivation limits.</param>
    /// <param name="parsed">The store file already parsed for its header, or null; used only for the path it was read from.</param>
    public static LoadedStore Load(StorePaths paths, KeyMaterial key, StoreSecurity security, ParsedStoreFile? parsed = null)
    {
        if (!File.Exists(paths.MetadataPath))
        {
            throw File.Exists(paths.StorePath)
                ? StoreErrors.MetadataNotFound(paths.MetadataPath, paths.StorePath)
                : StoreErrors.StoreNotFound(paths.StorePath);
        }

        if (!File.Exists(paths.StorePath))
        {
            // The very first save crashed between its two renames: only the pending store
            // can complete the pair.
            var first = File.Exists(paths.PendingStorePath)
                ? TryLoadPending(paths, StoreFileReader.ReadBytes(paths.MetadataPath), key, security, ParsedStoreFile.From(parsed, paths.PendingStorePath))
                : null;
            if (first is null)
            {
                throw StoreErrors.StoreNotFound(paths.StorePath);
            }

            File.Move(paths.PendingStorePath, paths.StorePath, overwrite: false);
            return first;
        }

        var metadataBytes = StoreFileReader.ReadBytes(paths.MetadataPath);
        var store = ParsedStoreFile.From(parsed, paths.StorePath) ?? ParseStore(paths.StorePath, StoreFileReader.ReadBytes(paths.StorePath));
        try
        {
            return Load(paths, paths.StorePath, store, metadataBytes, key, security);
        }
        catch (SecretsException ex) when (ex.Code == DiagnosticCodes.StoreMacMismatch && File.Exists(paths.PendingStorePath))
        {
            // A save that crashed between its two renames left the new metadata next to the
            // old store, and the new store complete under its pending name. If that pair
            // verifies, finish the save; otherwise report the original mismatch.
            var recovered = TryLoadPending(paths, metadataBytes, key, security, parsedPending: null);
            if (recovered is null)
            {
                throw;
            }

            File.Move(paths.PendingStorePath, paths.StorePath, overwrite: true);
            return recovered;
        }
    }

    private static LoadedStore? TryLoadPending(StorePaths paths, byte[] metadataBytes, KeyMaterial key, StoreSecurity security, StoreDocument? parsedPending)
    {
        try
        {
            // Read as if it were the store: errors name the store's path, like the old pair's would.
            var store = parsedPending ?? ParseStore(paths.StorePath, StoreFileReader.ReadBytes(paths.PendingStorePath));
            return Load(paths, paths.StorePath, store, metadataBytes, key, security);
        }
        catch (SecretsException)
        {
            return null;
        }
    }

    private static StoreDocument ParseStore(string path, byte[] bytes) => StoreFileReader.Parse<StoreDocument>(path, bytes, StoreFormat.StoreMarker);

    private static LoadedStore Load(StorePaths paths, string storePath, StoreDocument store, byte[] metadataBytes, KeyMaterial key, StoreSecurity security)
    {
        CheckIdentity(storePath, store.StoreId, store.Environment, paths.Environment, expectedStoreId: null);
        var metadata = StoreFileReader.Parse<MetadataDocument>(paths.MetadataPath, metadataBytes, StoreFormat.MetadataMarker);
        CheckIdentity(paths.MetadataPath, metadata.StoreId, metadata.Environment, paths.Environment, store.StoreId);

        var dataKey = DataKeyWrapping.Unwrap(store, key, storePath, security);
        var plaintexts = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            var views = DecodeSecrets(storePath, store);
            var metadataEntries = MetadataCodec.Decode(paths.MetadataPath, metadata);
            var macKey = StoreIntegrity.MacKey(dataKey);
            try
            {
                // One key import for every value: importing costs more than decrypting a secret.
                using var valueKey = AesGcm256.ImportKey(dataKey);
                foreach (var (name, view) in views)
                {
                    var aad = StoreIntegrity.ValueAad(store.StoreId, store.Environment, name, view.Version);
                    if (!valueKey.TryDecrypt(view.Nonce, view.Ciphertext, aad, out var padded)
                        || !ValuePadding.TryUnpad(padded, out var plaintext))
                    {
                        throw StoreErrors.ValueTampered(storePath, $"the value of {name} (version {view.Version})");
                    }

                    plaintexts[name] = plaintext;
                }

                var contentMac = StoreIntegrity.Mac(macKey, store.StoreId, store.Environment, views, metadataEntries);
                var expected = StoreIntegrity.SealedMac(macKey, store.Generation, store.Keys, store.RetiredKeys, contentMac);
                var mac = StoreDecoder.Bytes(storePath, store.Mac, "mac", KeyDerivation.HmacSize);
                if (!CryptographicOperations.FixedTimeEquals(expected, mac))
                {
                    throw StoreErrors.MacMismatch(storePath, paths.MetadataPath);
                }

                var secrets = Combine(paths.MetadataPath, views, plaintexts, metadataEntries);
                var snapshot = new StoreSnapshot(store.StoreId, store.Environment, views, metadataEntries, contentMac, macKey);
                return new LoadedStore(store.StoreId, store.Keys, dataKey, secrets, store.RetiredKeys ?? [], snapshot, store.Generation, mac);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(macKey);
            }
        }
        catch
        {
            foreach (var plaintext in plaintexts.Values)
            {
                CryptographicOperations.ZeroMemory(plaintext);
            }

            CryptographicOperations.ZeroMemory(dataKey);
            throw;
        }
    }

    private static void CheckIdentity(string path, string storeId, string environment, string expectedEnvironment, string? expectedStoreId)
    {
        if (storeId.Length != StoreFormat.StoreIdBytes * 2 || !storeId.All(char.IsAsciiHexDigitLower))
        {
            throw StoreErrors.BadStructure(path, "\"storeId\" is not 32 lower-case hex digits.");
        }

        if (!string.Equals(environment, expectedEnvironment, StringComparison.Ordinal))
        {
            throw StoreErrors.Mismatch(path, $"belongs to environment \"{environment}\", not \"{expectedEnvironment}\".");
        }

        if (expectedStoreId is not null && !string.Equals(storeId, expectedStoreId, StringComparison.Ordinal))
        {
            throw StoreErrors.Mismatch(path, $"belongs to store {storeId}, but the store next to it is {expectedStoreId}.");
        }
    }

    internal static OrdinalMap<StoredSecretView> DecodeSecrets(string path, StoreDocument store)
    {
        var views = new OrdinalMap<StoredSecretView>(store.Secrets.Count);
        foreach (var (name, secret) in store.Secrets)
        {
            if (secret.Version < 1)
            {
                throw StoreErrors.BadStructure(path, $"secrets.{name}.version must be 1 or more.");
            }

            var nonce = StoreDecoder.SecretBytes(path, secret.Nonce, name, ".nonce", AesGcm256.NonceSize);
            var ciphertext = StoreDecoder.SecretBytes(path, secret.Ciphertext, name, ".ciphertext", minimumLength: AesGcm256.TagSize);
            var retired = new List<RetiredVersion>(secret.Retired?.Count ?? 0);
            var retiredDocuments = secret.Retired ?? [];
            for (var index = 0; index < retiredDocuments.Count; index++)
            {
                var old = retiredDocuments[index];
                var field = $"secrets.{name}.retired[{index}]";
                if (!StoreFormat.TryParseDate(old.RetiredAt, out var retiredAt))
                {
                    throw StoreErrors.BadStructure(path, $"{field}.retiredAt is not a UTC time like 2025-01-31T12:00:00Z.");
                }

                retired.Add(new RetiredVersion(
                    old.Version,
                    retiredAt,
                    StoreDecoder.Bytes(path, old.Nonce, field + ".nonce", AesGcm256.NonceSize),
                    StoreDecoder.Bytes(path, old.Ciphertext, field + ".ciphertext", minimumLength: AesGcm256.TagSize)));
            }

            views[name] = new StoredSecretView(secret.Version, nonce, ciphertext, retired);
        }

        return views;
    }

    private static OrdinalMap<StoredSecret> Combine(
        string metadataPath,
        OrdinalMap<StoredSecretView> views,
        Dictionary<string, byte[]> plaintexts,
        OrdinalMap<SecretMetadata> metadata)
    {
        // After a valid MAC these always agree (Save writes them together); checked anyway so
        // a bug can never hand out a value without its facts.
        var result = new OrdinalMap<StoredSecret>(views.Count);
        foreach (var (name, view) in views)
        {
            if (!metadata.TryGetValue(name, out var entry) || entry.Version != view.Version)
            {
                throw StoreErrors.BadStructure(metadataPath, $"the entry for {name} is missing or has another version than the store.");
            }

            result[name] = new StoredSecret
            {
                Version = view.Version,
                Nonce = view.Nonce,
                Ciphertext = view.Ciphertext,
                Retired = view.Retired,
                Plaintext = plaintexts[name],
                Metadata = entry,
            };
        }

        foreach (var orphan in metadata.Names)
        {
            if (!views.ContainsKey(orphan))
            {
                throw StoreErrors.BadStructure(metadataPath, $"it has an entry for {orphan}, which the store does not hold.");
            }
        }

        return result;
    }
}
