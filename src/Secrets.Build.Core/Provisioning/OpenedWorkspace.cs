using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Provisioning;

/// <summary>
/// An environment's store, opened or newly created, and the key that opened it. Disposing wipes
/// both: the store's data key and values, and the key's bytes.
/// </summary>
internal sealed record OpenedWorkspace(SecretStore Store, KeyMaterial Key, bool Created) : IDisposable
{
    public void Dispose()
    {
        Store.Dispose();
        Key.Wipe();
    }
}
