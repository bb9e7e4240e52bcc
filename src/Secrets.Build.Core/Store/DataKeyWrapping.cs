using System.Security.Cryptography;
using Secrets.Build.Core.Crypto;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Kms;

namespace Secrets.Build.Core.Store;

/// <summary>
/// The envelope: the store's random data key, wrapped with AES-256-GCM by an environment key
/// (a raw key, or a key stretched from a passphrase with Argon2id). Each wrapping is one entry
/// of the store's <c>keys</c> list, so more ways to open the same store can be added later
/// without re-encrypting any value.
/// </summary>
internal static class DataKeyWrapping
{
    public static KeyWrapDocument Wrap(ReadOnlySpan<byte> dataKey, KeyMaterial key, string storeId, string environment, StoreSecurity security)
    {
        switch (key)
        {
            case RawKey raw:
                return WrapWith(dataKey, raw.Key, StoreFormat.KindKey, storeId, environment, salt: null, argon2: null);
            case PassphraseKey passphrase:
                var salt = PassphraseKdf.NewSalt();
                var parameters = security.ForNewStores;
                var kek = PassphraseKdf.DeriveKey(passphrase.Passphrase, salt, parameters);
                try
                {
                    return WrapWith(dataKey, kek, StoreFormat.KindPassphrase, storeId, environment, salt,
                        new Argon2Document { MemoryKiB = parameters.MemoryKiB, Iterations = parameters.Iterations, Parallelism = parameters.Parallelism });
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(kek);
                }

            case RecipientKey recipient:
                return AgeKeyWrapping.Wrap(dataKey, recipient.Recipient, storeId, environment);
            case KmsKey kms:
                return KmsKeyWrapping.Wrap(dataKey, kms, storeId, environment);
            default:
                throw new ArgumentException($"Unsupported key kind {key.GetType().Name}.", nameof(key));
        }
    }

    /// <summary>
    /// Finds the entry <paramref name="key"/> opens and returns the data key.
    /// </summary>
    /// <exception cref="SecretsException">SECB240 when no entry belongs to the key; SECB241 when the matching entry was altered.</exception>
    public static byte[] Unwrap(StoreDocument store, KeyMaterial key, string path, StoreSecurity security)
    {
        CheckDerivationBudget(store, path);
        if (key is IdentityKey identities)
        {
            return AgeKeyWrapping.Unwrap(store, identities, path);
        }

        if (key is KmsKey kms)
        {
            return KmsKeyWrapping.Unwrap(store, kms, path);
        }

        var givenIds = new List<string>();
        for (var index = 0; index < store.Keys.Count; index++)
        {
            var entry = store.Keys[index];
            var kek = DeriveKeyFor(entry, index, key, path, security);
            if (kek is null)
            {
                continue;
            }

            try
            {
                var id = KeyId.For(kek);
                givenIds.Add(id);
                if (!string.Equals(id, entry.KeyId, StringComparison.Ordinal))
                {
                    continue;
                }

                var nonce = StoreDecoder.Bytes(path, entry.Nonce, $"keys[{index}].nonce", AesGcm256.NonceSize);
                var wrapped = StoreDecoder.Bytes(path, entry.WrappedKey, $"keys[{index}].wrappedKey", StoreFormat.DataKeyBytes + AesGcm256.TagSize);
                var aad = WrapAad(store.StoreId, store.Environment, entry.Kind, entry.KeyId);
                if (!AesGcm256.TryDecrypt(kek, nonce, wrapped, aad, out var dataKey))
                {
                    throw StoreErrors.ValueTampered(path, $"the wrapped data key in keys[{index}]");
                }

                return dataKey;
            }
            finally
            {
                CryptographicOperations.ZeroMemory(kek);
            }
        }

        throw WrongKey(store, key, path, givenIds);
    }

    private static KeyWrapDocument WrapWith(ReadOnlySpan<byte> dataKey, byte[] kek, string kind, string storeId, string environment, byte[]? salt, Argon2Document? argon2)
    {
        var keyId = KeyId.For(kek);
        var nonce = AesGcm256.NewNonce();
        var wrapped = AesGcm256.Encrypt(kek, nonce, dataKey, WrapAad(storeId, environment, kind, keyId));
        return new KeyWrapDocument
        {
            Kind = kind,
            KeyId = keyId,
            Salt = salt is null ? null : Convert.ToBase64String(salt),
            Argon2id = argon2,
            Nonce = Convert.ToBase64String(nonce),
            WrappedKey = Convert.ToBase64String(wrapped),
        };
    }

    /// <summary>The key-encryption key for one entry, or null when the given key is of another kind.</summary>
    private static byte[]? DeriveKeyFor(KeyWrapDocument entry, int index, KeyMaterial key, string path, StoreSecurity security)
    {
        switch (key)
        {
            case RawKey raw when entry.Kind == StoreFormat.KindKey:
                return (byte[])raw.Key.Clone();
            case PassphraseKey passphrase when entry.Kind == StoreFormat.KindPassphrase:
                var salt = StoreDecoder.Bytes(path, entry.Salt, $"keys[{index}].salt", PassphraseKdf.SaltSize);
                var parameters = Argon2From(entry, index, path, security);
                return PassphraseKdf.DeriveKey(passphrase.Passphrase, salt, parameters);
            default:
                return null;
        }
    }

    private static Argon2Parameters BoundedArgon2(KeyWrapDocument entry, int index, string path)
    {
        var document = entry.Argon2id ?? throw StoreErrors.BadStructure(path, $"keys[{index}] is a passphrase entry without \"argon2id\" parameters.");
        var parameters = new Argon2Parameters(document.MemoryKiB, document.Iterations, document.Parallelism);
        return parameters.Problem is { } problem
            // Also stops a committed file from making every build allocate gigabytes.
            ? throw StoreErrors.WeakKeyDerivation(path, problem)
            : parameters;
    }

    private static Argon2Parameters Argon2From(KeyWrapDocument entry, int index, string path, StoreSecurity security)
    {
        var parameters = BoundedArgon2(entry, index, path);
        if (!parameters.MeetsOwaspMinimum && !security.AcceptBelowOwaspMinimum)
        {
            throw StoreErrors.WeakKeyDerivation(path,
                $"m={parameters.MemoryKiB} KiB, t={parameters.Iterations}, p={parameters.Parallelism} is below m={Argon2Parameters.Default.MemoryKiB} KiB, t={Argon2Parameters.Default.Iterations}, p=1.");
        }

        return parameters;
    }

    /// <summary>
    /// Every passphrase entry's parameters, their number and their sum, checked before the first
    /// derivation: the key list comes from a committed file, and until the data key is unwrapped
    /// nothing in it is authenticated. Without this, entries prepended to the list would make
    /// every build derive each of them first.
    /// </summary>
    private static void CheckDerivationBudget(StoreDocument store, string path)
    {
        var count = 0;
        long total = 0;
        for (var index = 0; index < store.Keys.Count; index++)
        {
            if (store.Keys[index].Kind != StoreFormat.KindPassphrase)
            {
                continue;
            }

            if (++count > Argon2Parameters.MaxPassphraseEntries)
            {
                throw StoreErrors.WeakKeyDerivation(path,
                    $"the key list has more than {Argon2Parameters.MaxPassphraseEntries} passphrase entries, more than any team uses.");
            }

            total += BoundedArgon2(store.Keys[index], index, path).Cost;
        }

        if (total > Argon2Parameters.MaxTotalCost)
        {
            throw StoreErrors.WeakKeyDerivation(path,
                $"its passphrase entries together ask for {total} KiB-passes of Argon2id work, more than the {Argon2Parameters.MaxTotalCost} one build allows.");
        }
    }

    private static SecretsException WrongKey(StoreDocument store, KeyMaterial key, string path, List<string> givenIds)
    {
        var needed = store.Keys.Count == 0
            ? "no key at all (its key list is empty)"
            : string.Join(", ", store.Keys.Select(k => $"{k.Kind} {k.KeyId}"));
        var given = key switch
        {
            RawKey raw => $"The key {raw.Id}",
            _ when givenIds.Count > 0 => $"A passphrase (key id {string.Join(", ", givenIds.Distinct())} with this store's salt)",
            _ => "A passphrase",
        };
        return StoreErrors.At(DiagnosticCodes.WrongKey, path,
            $"{given} from {key.Source} cannot open '{path}'; the store needs: {needed}.",
            "Provide the environment's key: set SECRETS_BUILD_KEY_<ENV> (or SECRETS_BUILD_PASSPHRASE_<ENV>) on build servers, or copy the key file from a teammate into your key folder. " +
            "If this store is older than a key rotation (an earlier commit or another branch), the key that opens it was kept in the key folder as <key file>.retired-<key id>: set SECRETS_BUILD_KEY_<ENV> to that file's text. " +
            "Never delete the store to start over: its values would be lost.");
    }

    private static byte[] WrapAad(string storeId, string environment, string kind, string keyId) =>
        new CanonicalWriter().Add(StoreFormat.WrapAadLabel).Add(storeId).Add(environment).Add(kind).Add(keyId).ToArray();
}
