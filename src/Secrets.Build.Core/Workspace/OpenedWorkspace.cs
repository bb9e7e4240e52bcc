using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Workspace;

/// <summary>
/// An environment's store, opened or newly created, and the key that opened it. Disposing wipes
/// both: the store's data key and values, and the key's bytes.
/// </summary>
/// <param name="Store">The opened or new store.</param>
/// <param name="Key">The key that opened or created it.</param>
/// <param name="Created">True when the store is new (not yet on disk until saved).</param>
/// <param name="CreatedKeyFile">The key file written for a new store, if one was.</param>
internal sealed record OpenedWorkspace(SecretStore Store, KeyMaterial Key, bool Created, string? CreatedKeyFile = null) : IDisposable
{
    /// <summary>The store held against this machine's trust record; set by <see cref="StoreOpener"/>.</summary>
    public Trust.EnvironmentTrust? Trust { get; init; }

    /// <summary>
    /// Writes what the operation leaves behind to the trust record: the store's generation, key ids
    /// and audit head. Call once the operation's save and audit lines are done; a failed operation
    /// skips it and the record keeps what was there.
    /// </summary>
    public void Remember(DateTimeOffset now) => Trust?.Record(Store, now);

    public void Dispose()
    {
        // A run that failed before its new store was written (SECB283 on a first production build)
        // leaves no key file behind: it would open nothing, and the next run makes a new store id.
        if (CreatedKeyFile is { } keyFile && !File.Exists(Store.Paths.StorePath))
        {
            File.Delete(keyFile);
        }

        Store.Dispose();
        Key.Wipe();
    }
}
