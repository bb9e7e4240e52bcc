using System.Security.Cryptography;
using Secrets.Build.Core.Keys;

namespace Secrets.Build.Core.Store;

internal sealed partial class SecretStore
{
    /// <summary>
    /// A fresh random store id. Key files are named after the store, so the id is chosen
    /// before the store exists: the first run makes the id, then the key, then the store.
    /// </summary>
    public static string NewStoreId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(StoreFormat.StoreIdBytes));

    /// <summary>A new, empty store with the given id (from <see cref="NewStoreId"/>), its data key wrapped by <paramref name="key"/>.</summary>
    public static SecretStore Create(StorePaths paths, KeyMaterial key, string storeId) =>
        Create(paths, key, storeId, StoreSecurity.Default);

    /// <summary>
    /// Reads what the store file says about itself without any key: its id (to find the key
    /// file) and the ids of the keys that can open it (for a precise missing-key error).
    /// </summary>
    /// <exception cref="Diagnostics.SecretsException">When the file is missing, too large or not a store.</exception>
    public static StoreHeader ReadHeader(StorePaths paths) => ReadStoreFile(paths).Header;

    /// <summary>The store file <see cref="ReadHeader"/> reads, parsed, for an open that follows under the same lock.</summary>
    internal static ParsedStoreFile ReadStoreFile(StorePaths paths)
    {
        // After a first save that crashed between its renames only the pending store exists;
        // its header is the one Open will complete.
        var path = !File.Exists(paths.StorePath) && File.Exists(paths.PendingStorePath) && File.Exists(paths.MetadataPath)
            ? paths.PendingStorePath
            : paths.StorePath;
        if (!File.Exists(path))
        {
            throw StoreErrors.StoreNotFound(paths.StorePath);
        }

        var bytes = StoreFileReader.ReadBytes(path);
        return new ParsedStoreFile(path, StoreFileReader.Parse<StoreDocument>(path, bytes, StoreFormat.StoreMarker));
    }
}

/// <summary>The unencrypted facts at the top of a store file.</summary>
/// <param name="StoreId">The store's random id.</param>
/// <param name="Environment">The environment it belongs to.</param>
/// <param name="KeyIds">The keys that can open it, as <c>kind id</c>.</param>
internal sealed record StoreHeader(string StoreId, string Environment, IReadOnlyList<string> KeyIds);
