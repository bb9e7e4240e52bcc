using System.Security.Cryptography;
using Secrets.Build.Core.Crypto;
using Secrets.Build.Core.Keys;

namespace Secrets.Build.Core.Store;

// Key rotation: a new data key for every value, new wrappings, and a record of the keys retired.
//
// The audit trail's chain key is derived from the data key, so a new data key means a new chain
// key. Rather than deriving the chain key from something that never changes (which would let a
// leaked old data key keep forging trail lines forever), each rotation stores the old chain key
// encrypted under the new data key in "retiredKeys". Whoever can open the store can verify the
// whole trail; the old data key alone can no longer sign new lines that verify under the new key.
// The entries are AES-GCM authenticated and bound to the store, environment and key id; they are
// outside the store MAC, like the key list, so removing one is noticed when old trail lines no
// longer verify, never silently.
internal sealed partial class SecretStore
{
    private const string RetiredChainKeyAadLabel = "secrets-build retired audit chain key v1";

    private List<RetiredKeyDocument> _retiredKeys = [];

    /// <summary>The keys key rotations retired, oldest first, as <c>kind id</c> with the time.</summary>
    public IReadOnlyList<(string KeyId, DateTimeOffset RetiredAt)> RetiredKeyIds
    {
        get
        {
            ThrowIfDisposed();
            return [.. _retiredKeys.Select(k => ($"{k.Kind} {k.KeyId}", StoreFormat.TryParseDate(k.RetiredAt, out var at) ? at : default))];
        }
    }

    /// <summary>
    /// Replaces the data key: every value, current and retired, is re-encrypted under a new random
    /// data key, every fingerprint is recomputed, and the store can afterwards be opened by exactly
    /// <paramref name="newKeys"/>. Every key that opened it before is recorded as retired at
    /// <paramref name="now"/>, with the audit chain key of the old data key. Takes effect on <see cref="Save()"/>.
    /// </summary>
    internal void ReplaceDataKey(IReadOnlyList<KeyMaterial> newKeys, DateTimeOffset now, StoreSecurity security)
    {
        ThrowIfDisposed();
        if (newKeys.Count == 0)
        {
            throw new ArgumentException("A store needs at least one key.", nameof(newKeys));
        }

        var newDataKey = RandomNumberGenerator.GetBytes(StoreFormat.DataKeyBytes);
        var oldChainKey = DeriveAuditChainKey();
        var retiredChainKeys = DecryptRetiredChainKeys();
        try
        {
            var retiredAt = StoreFormat.FormatDate(StoreFormat.TruncateToSeconds(now));
            var retiredKeys = _retiredKeys.Select((k, i) => Seal(newDataKey, k.Kind, k.KeyId, k.RetiredAt, retiredChainKeys[i])).ToList();
            retiredKeys.AddRange(_keys.Select(k => Seal(newDataKey, k.Kind, k.KeyId, retiredAt, oldChainKey)));

            var newFingerprintKey = StoreIntegrity.FingerprintKey(newDataKey);
            foreach (var name in (string[])[.. _secrets.Names])
            {
                _secrets[name] = Reencrypt(name, _secrets[name], newDataKey, newFingerprintKey);
            }

            var wraps = newKeys.Select(k => DataKeyWrapping.Wrap(newDataKey, k, StoreId, Environment, security)).ToList();
            _keys.Clear();
            _keys.AddRange(wraps);
            _retiredKeys = retiredKeys;
            newDataKey.CopyTo(_dataKey, 0);
            ReimportKeys(newFingerprintKey);
            CryptographicOperations.ZeroMemory(newFingerprintKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(newDataKey);
            CryptographicOperations.ZeroMemory(oldChainKey);
            retiredChainKeys.ForEach(k => CryptographicOperations.ZeroMemory(k));
        }
    }

    /// <summary>Removes every wrapping except the one of the raw key <paramref name="keyId"/> and the age recipients'; the last step of a key rotation.</summary>
    internal void KeepOnlyKey(string keyId)
    {
        ThrowIfDisposed();
        if (!_keys.Any(k => k.Kind == StoreFormat.KindKey && k.KeyId == keyId))
        {
            throw new InvalidOperationException("The store has no wrapping for that key; refusing to remove every other one.");
        }

        // Age recipients and KMS keys are people and services with their own keys; a key rotation keeps them.
        _keys.RemoveAll(k => !(k.Kind == StoreFormat.KindKey && k.KeyId == keyId) && k.Kind != AgeKeyWrapping.Kind && !KmsKeyWrapping.IsKmsEntry(k));
    }

    /// <summary>The chain keys of the data keys earlier key rotations replaced, for <see cref="Audit.AuditTrailOptions.RetiredChainKeys"/>. Callers clear them.</summary>
    internal List<byte[]> DecryptRetiredChainKeys()
    {
        ThrowIfDisposed();
        var keys = new List<byte[]>();
        foreach (var entry in _retiredKeys)
        {
            var nonce = StoreDecoder.Bytes(Paths.StorePath, entry.Nonce, "retiredKeys.nonce", AesGcm256.NonceSize);
            var sealedKey = StoreDecoder.Bytes(Paths.StorePath, entry.AuditChainKey, "retiredKeys.auditChainKey", minimumLength: AesGcm256.TagSize);
            if (!AesGcm256.TryDecrypt(_dataKey, nonce, sealedKey, RetiredAad(entry.Kind, entry.KeyId, entry.RetiredAt), out var chainKey))
            {
                keys.ForEach(k => CryptographicOperations.ZeroMemory(k));
                throw StoreErrors.ValueTampered(Paths.StorePath, $"the retired key entry {entry.Kind} {entry.KeyId}");
            }

            keys.Add(chainKey);
        }

        return keys;
    }

    private RetiredKeyDocument Seal(byte[] dataKey, string kind, string keyId, string retiredAt, byte[] chainKey)
    {
        var nonce = AesGcm256.NewNonce();
        return new RetiredKeyDocument
        {
            Kind = kind,
            KeyId = keyId,
            RetiredAt = retiredAt,
            Nonce = Convert.ToBase64String(nonce),
            AuditChainKey = Convert.ToBase64String(AesGcm256.Encrypt(dataKey, nonce, chainKey, RetiredAad(kind, keyId, retiredAt))),
        };
    }

    private byte[] RetiredAad(string kind, string keyId, string retiredAt) =>
        new CanonicalWriter().Add(RetiredChainKeyAadLabel).Add(StoreId).Add(Environment).Add(kind).Add(keyId).Add(retiredAt).ToArray();

    private StoredSecret Reencrypt(string name, StoredSecret secret, byte[] newDataKey, byte[] newFingerprintKey)
    {
        var retired = secret.Retired.Select(r =>
        {
            if (!AesGcm256.TryDecrypt(_dataKey, r.Nonce, r.Ciphertext, StoreIntegrity.ValueAad(StoreId, Environment, name, r.Version), out var padded))
            {
                throw StoreErrors.ValueTampered(Paths.StorePath, $"retired version {r.Version} of {name}");
            }

            try
            {
                var nonce = AesGcm256.NewNonce();
                return r with { Nonce = nonce, Ciphertext = AesGcm256.Encrypt(newDataKey, nonce, padded, StoreIntegrity.ValueAad(StoreId, Environment, name, r.Version)) };
            }
            finally
            {
                CryptographicOperations.ZeroMemory(padded);
            }
        }).ToList();

        var currentNonce = AesGcm256.NewNonce();
        var currentPadded = ValuePadding.Pad(secret.Plaintext);
        try
        {
            return new StoredSecret
            {
                Version = secret.Version,
                Nonce = currentNonce,
                Ciphertext = AesGcm256.Encrypt(newDataKey, currentNonce, currentPadded, StoreIntegrity.ValueAad(StoreId, Environment, name, secret.Version)),
                Retired = retired,
                Plaintext = secret.Plaintext,
                Metadata = secret.Metadata with { Fingerprint = StoreIntegrity.Fingerprint(newFingerprintKey, secret.Plaintext) },
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(currentPadded);
        }
    }
}
