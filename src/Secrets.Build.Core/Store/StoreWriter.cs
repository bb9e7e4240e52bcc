using System.Security.Cryptography;

namespace Secrets.Build.Core.Store;

/// <summary>
/// Turns an opened store into the bytes of its two files, MAC included. Values that did not
/// change keep the nonce and ciphertext they were read with, so their lines stay identical.
/// </summary>
internal static class StoreWriter
{
    public static (byte[] Store, byte[] Metadata) Serialize(
        string storeId,
        string environment,
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
            mac = loaded?.MacFor(storeId, environment, macKey, secretsByName) ?? NewMac(macKey, storeId, environment, secretsByName);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(macKey);
        }

        var secrets = new SortedDictionary<string, SecretDocument>(StringComparer.Ordinal);
        foreach (var (name, secret) in secretsByName)
        {
            secrets[name] = new SecretDocument
            {
                Version = secret.Version,
                Nonce = Convert.ToBase64String(secret.Nonce),
                Ciphertext = Convert.ToBase64String(secret.Ciphertext),
                Retired = secret.Retired.Count == 0
                    ? null
                    : [.. secret.Retired.Select(r => new RetiredDocument
                    {
                        Version = r.Version,
                        RetiredAt = StoreFormat.FormatDate(r.RetiredAt),
                        Nonce = Convert.ToBase64String(r.Nonce),
                        Ciphertext = Convert.ToBase64String(r.Ciphertext),
                    })],
            };
        }

        var store = new StoreDocument
        {
            Format = StoreFormat.StoreMarker,
            FormatVersion = StoreFormat.Version,
            StoreId = storeId,
            Environment = environment,
            Keys = keys,
            Secrets = secrets,
            RetiredKeys = retiredKeys is { Count: > 0 } ? retiredKeys : null,
            Mac = Convert.ToBase64String(mac),
        };
        return (StoreSerializer.Serialize(store), StoreSerializer.Serialize(MetadataCodec.Encode(storeId, environment, secretsByName)));
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
