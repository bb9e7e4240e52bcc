using System.Security.Cryptography;
using Secrets.Build.Core.Store.Json;

namespace Secrets.Build.Core.Store;

/// <summary>
/// Turns an opened store into the bytes of its two files, MAC included. Values that did not
/// change keep the nonce and ciphertext they were read with, so their lines stay identical.
/// </summary>
internal static class StoreWriter
{
    public static (byte[] Store, byte[] Metadata, byte[] Mac) Serialize(
        string storeId,
        string environment,
        int generation,
        List<KeyWrapDocument> keys,
        OrdinalMap<StoredSecret> secretsByName,
        byte[] dataKey,
        List<RetiredKeyDocument>? retiredKeys = null,
        StoreSnapshot? loaded = null)
    {
        var macKey = StoreIntegrity.MacKey(dataKey);
        byte[] mac;
        try
        {
            var contentMac = loaded?.MacFor(storeId, environment, macKey, secretsByName) ?? NewMac(macKey, storeId, environment, secretsByName);
            mac = StoreIntegrity.SealedMac(macKey, generation, keys, retiredKeys, contentMac);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(macKey);
        }

        return (
            StoreFileWriter.Store(storeId, environment, generation, keys, secretsByName, retiredKeys, mac),
            StoreFileWriter.Metadata(storeId, environment, secretsByName),
            mac);
    }

    private static byte[] NewMac(byte[] macKey, string storeId, string environment, OrdinalMap<StoredSecret> secretsByName)
    {
        var views = new OrdinalMap<StoredSecretView>(secretsByName.Count);
        foreach (var (name, secret) in secretsByName)
        {
            views[name] = new StoredSecretView(secret.Version, secret.Nonce, secret.Ciphertext, secret.Retired);
        }

        return StoreIntegrity.Mac(macKey, storeId, environment, views, Metadata(secretsByName));
    }

    private static OrdinalMap<SecretMetadata> Metadata(OrdinalMap<StoredSecret> secretsByName)
    {
        var metadata = new OrdinalMap<SecretMetadata>(secretsByName.Count);
        foreach (var (name, secret) in secretsByName)
        {
            metadata[name] = secret.Metadata;
        }

        return metadata;
    }
}
