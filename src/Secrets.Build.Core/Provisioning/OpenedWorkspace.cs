using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Provisioning;

/// <summary>
/// An environment's store, opened or newly created, and the key that opened it. Disposing wipes
/// both: the store's data key and values, and the key's bytes.
/// </summary>
internal sealed record OpenedWorkspace(SecretStore Store, KeyMaterial Key, bool Created) : IDisposable
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
        Store.Dispose();
        Key.Wipe();
    }
}
