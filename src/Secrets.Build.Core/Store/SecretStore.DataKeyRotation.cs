using System.Security.Cryptography;
using Secrets.Build.Core.Crypto;

namespace Secrets.Build.Core.Store;

public sealed partial class SecretStore
{
    /// <summary>
    /// Replaces the data key: re-encrypts every current and retired value under a new random key,
    /// recomputes the keyed fingerprints, and rebuilds the key list with <paramref name="rewrappers"/>.
    /// Everything new is built first and swapped in at the end, so a failure leaves the store as it was.
    /// </summary>
    private void RotateDataKey(IReadOnlyList<Func<byte[], KeyWrapDocument>> rewrappers)
    {
        var newKey = RandomNumberGenerator.GetBytes(StoreFormat.DataKeyBytes);
        var newFingerprintKey = StoreIntegrity.FingerprintKey(newKey);
        try
        {
            var secrets = new Dictionary<string, StoredSecret>(StringComparer.Ordinal);
            foreach (var (name, secret) in _secrets)
            {
                secrets[name] = ReencryptUnderDataKey(name, secret, newKey, newFingerprintKey);
            }

            var keys = rewrappers.Select(wrap => wrap(newKey)).ToList();

            // The store keeps its arrays for its whole life (Dispose wipes them), so the new keys are copied in.
            newKey.CopyTo(_dataKey, 0);
            newFingerprintKey.CopyTo(_fingerprintKey, 0);
            foreach (var (name, secret) in secrets)
            {
                _secrets[name] = secret;
            }

            _keys.Clear();
            _keys.AddRange(keys);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(newKey);
            CryptographicOperations.ZeroMemory(newFingerprintKey);
        }
    }

    private StoredSecret ReencryptUnderDataKey(string name, StoredSecret secret, byte[] newKey, byte[] newFingerprintKey)
    {
        var nonce = AesGcm256.NewNonce();
        var padded = ValuePadding.Pad(secret.Plaintext);
        byte[] ciphertext;
        try
        {
            ciphertext = AesGcm256.Encrypt(newKey, nonce, padded, StoreIntegrity.ValueAad(StoreId, Environment, name, secret.Version));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(padded);
        }

        var retired = new List<RetiredVersion>(secret.Retired.Count);
        foreach (var old in secret.Retired)
        {
            var aad = StoreIntegrity.ValueAad(StoreId, Environment, name, old.Version);
            if (!AesGcm256.TryDecrypt(_dataKey, old.Nonce, old.Ciphertext, aad, out var oldPadded))
            {
                throw StoreErrors.ValueTampered(Paths.StorePath, $"retired version {old.Version} of {name}");
            }

            try
            {
                // Re-encrypt the padded bytes as they are: the padding was chosen when the value was stored.
                var oldNonce = AesGcm256.NewNonce();
                retired.Add(old with { Nonce = oldNonce, Ciphertext = AesGcm256.Encrypt(newKey, oldNonce, oldPadded, aad) });
            }
            finally
            {
                CryptographicOperations.ZeroMemory(oldPadded);
            }
        }

        return new StoredSecret
        {
            Version = secret.Version,
            Nonce = nonce,
            Ciphertext = ciphertext,
            Retired = retired,
            Plaintext = secret.Plaintext,
            Metadata = secret.Metadata with { Fingerprint = StoreIntegrity.Fingerprint(newFingerprintKey, secret.Plaintext) },
        };
    }
}
