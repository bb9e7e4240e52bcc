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
        SortedDictionary<string, StoredSecret> secretsByName,
        byte[] dataKey,
        List<RetiredKeyDocument>? retiredKeys = null)
    {
        var views = secretsByName.ToDictionary(p => p.Key, p => new StoredSecretView(p.Value.Version, p.Value.Nonce, p.Value.Ciphertext, p.Value.Retired), StringComparer.Ordinal);
        var metadata = secretsByName.ToDictionary(p => p.Key, p => p.Value.Metadata, StringComparer.Ordinal);
        var macKey = StoreIntegrity.MacKey(dataKey);
        byte[] mac;
        try
        {
            mac = StoreIntegrity.Mac(macKey, storeId, environment, views, metadata);
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
        return (StoreSerializer.Serialize(store), StoreSerializer.Serialize(MetadataCodec.Encode(storeId, environment, metadata)));
    }
}
