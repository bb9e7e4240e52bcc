using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Kms;

namespace Secrets.Build.Core.Store;

// Key management service keys: entries of kind aws-kms (KmsKeyWrapping), added and removed like
// age recipients. A KMS key needs no secret here, only a service that answers, so a data key
// replacement wraps the new data key for every KMS key of the store.
internal sealed partial class SecretStore
{
    /// <summary>The total time of one KMS call made for this store (re-wrapping on a data key replacement).</summary>
    internal TimeSpan KmsCallTimeout { get; set; } = KmsTimeout.Default;

    /// <summary>The KMS keys that can open this store, as their entry kind and key ARN, in key-list order.</summary>
    public IReadOnlyList<(string Kind, string KeyId)> KmsKeyIds
    {
        get
        {
            ThrowIfDisposed();
            return [.. _keys.Where(KmsKeyWrapping.IsKmsEntry).Select(k => (k.Kind, k.KeyId))];
        }
    }

    /// <summary>
    /// Lets <paramref name="key"/> open this store: the same data key, wrapped once more by the key
    /// management service under the store's encryption context. No value is re-encrypted. Returns
    /// false when the key already can. Takes effect on <see cref="Save()"/>.
    /// </summary>
    /// <exception cref="SecretsException">SECB730-SECB736 when the service refuses or cannot be reached.</exception>
    public bool AddKmsKey(KmsKey key)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(key);
        if (_keys.Any(k => k.Kind == key.Provider.EntryKind && k.KeyId == key.Provider.KeyId))
        {
            return false;
        }

        _keys.Add(KmsKeyWrapping.Wrap(_dataKey, key, StoreId, Environment));
        return true;
    }

    /// <summary>
    /// Takes the KMS key <paramref name="keyId"/> off the store and replaces the data key, as
    /// <see cref="RemoveRecipient(Crypto.Age.AgeRecipient, IReadOnlyList{KeyMaterial}, DateTimeOffset, bool)"/>
    /// does for a recipient: whoever can use that key can open only copies made before.
    /// Takes effect on <see cref="Save()"/>.
    /// </summary>
    /// <exception cref="SecretsException">SECB269 when a remaining key is not at hand; SECB270 when nothing would remain; SECB730-SECB736 when a remaining KMS key cannot wrap.</exception>
    public RecipientRemoval RemoveKmsKey(string keyId, IReadOnlyList<KeyMaterial> availableKeys, DateTimeOffset now, bool dropUnavailableKeys = false)
    {
        ThrowIfDisposed();
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        return RemoveWrapping(k => KmsKeyWrapping.IsKmsEntry(k) && k.KeyId == keyId, $"the KMS key {keyId}", availableKeys, now, dropUnavailableKeys, StoreSecurity.Default);
    }

    /// <summary>Every KMS key of the store as a key source; made on demand, disposed by the caller.</summary>
    internal IReadOnlyList<KmsKey> KmsKeys() => [.. _keys.Where(KmsKeyWrapping.IsKmsEntry).Select(KmsKeyFor)];

    private KmsKey KmsKeyFor(KeyWrapDocument entry) => KmsProviders.Create(entry.Kind, entry.KeyId, KmsCallTimeout);
}
