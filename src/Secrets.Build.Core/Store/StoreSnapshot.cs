using System.Security.Cryptography;

namespace Secrets.Build.Core.Store;

/// <summary>
/// What an opened store's secrets were when they were read and verified, with the MAC that
/// covered them. Saving compares the secrets it is about to write against this, value by value,
/// and re-uses the MAC when every input of it is the same: re-deriving it meant re-encoding
/// and hashing the whole store on every build that changed nothing. Nothing here decides
/// whether a file is written; that is still a byte comparison of the new content with the file.
/// </summary>
internal sealed class StoreSnapshot : IDisposable
{
    private readonly string _storeId;
    private readonly string _environment;
    private readonly OrdinalMap<StoredSecretView> _secrets;
    private readonly OrdinalMap<SecretMetadata> _metadata;
    private readonly byte[] _mac;

    // A copy of the MAC key the snapshot was verified under: a key rotation changes the data key
    // in place, and a MAC under the old key must never be written next to values under the new one.
    private readonly byte[] _macKey;

    public StoreSnapshot(
        string storeId,
        string environment,
        OrdinalMap<StoredSecretView> secrets,
        OrdinalMap<SecretMetadata> metadata,
        byte[] mac,
        ReadOnlySpan<byte> macKey)
    {
        _storeId = storeId;
        _environment = environment;
        _secrets = secrets;
        _metadata = metadata;
        _mac = mac;
        _macKey = macKey.ToArray();
    }

    /// <summary>
    /// The loaded content MAC (<see cref="StoreIntegrity.Mac"/>, before the generation and key lists are sealed on) when it covers exactly <paramref name="secrets"/> under <paramref name="macKey"/>
    /// (every MAC input equal: ids, names, versions, nonces, ciphertexts, retired versions and
    /// metadata); otherwise null, and the caller computes a new one.
    /// </summary>
    public byte[]? MacFor(string storeId, string environment, ReadOnlySpan<byte> macKey, OrdinalMap<StoredSecret> secrets) =>
        string.Equals(storeId, _storeId, StringComparison.Ordinal)
        && string.Equals(environment, _environment, StringComparison.Ordinal)
        && CryptographicOperations.FixedTimeEquals(macKey, _macKey)
        && SameSecrets(secrets)
            ? _mac
            : null;

    /// <summary>Wipes the copy of the MAC key.</summary>
    public void Dispose() => CryptographicOperations.ZeroMemory(_macKey);

    private bool SameSecrets(OrdinalMap<StoredSecret> secrets)
    {
        if (secrets.Count != _secrets.Count || secrets.Count != _metadata.Count)
        {
            return false;
        }

        // All three enumerate in ordinal order, so walking them side by side pairs equal names.
        var loaded = _secrets.GetEnumerator();
        var loadedMetadata = _metadata.GetEnumerator();
        foreach (var (name, secret) in secrets)
        {
            if (!loaded.MoveNext() || !loadedMetadata.MoveNext()
                || !string.Equals(name, loaded.Current.Key, StringComparison.Ordinal)
                || !string.Equals(name, loadedMetadata.Current.Key, StringComparison.Ordinal)
                || !SameSecret(secret, loaded.Current.Value)
                || !secret.Metadata.Equals(loadedMetadata.Current.Value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameSecret(StoredSecret current, StoredSecretView loaded)
    {
        if (current.Version != loaded.Version
            || !current.Nonce.AsSpan().SequenceEqual(loaded.Nonce)
            || !current.Ciphertext.AsSpan().SequenceEqual(loaded.Ciphertext)
            || current.Retired.Count != loaded.Retired.Count)
        {
            return false;
        }

        for (var i = 0; i < current.Retired.Count; i++)
        {
            var (now, then) = (current.Retired[i], loaded.Retired[i]);
            if (now.Version != then.Version || now.RetiredAt != then.RetiredAt
                || !now.Nonce.AsSpan().SequenceEqual(then.Nonce)
                || !now.Ciphertext.AsSpan().SequenceEqual(then.Ciphertext))
            {
                return false;
            }
        }

        return true;
    }
}
