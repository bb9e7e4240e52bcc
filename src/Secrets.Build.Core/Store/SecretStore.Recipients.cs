using System.Collections.Immutable;
using System.Security.Cryptography;
using Secrets.Build.Core.Crypto.Age;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Kms;

namespace Secrets.Build.Core.Store;

internal sealed partial class SecretStore
{
    /// <summary>True when the store has an age entry (<see cref="Recipients"/> without parsing them).</summary>
    internal bool HasRecipients
    {
        get
        {
            ThrowIfDisposed();
            foreach (var entry in _keys)
            {
                if (entry.Kind == AgeKeyWrapping.Kind)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The age recipients that can open this store, in key-list order.</summary>
    public IReadOnlyList<AgeRecipient> Recipients
    {
        get
        {
            ThrowIfDisposed();
            return [.. _keys.Select(k => AgeKeyWrapping.TryGetRecipient(k, out var r) ? r : null).OfType<AgeRecipient>()];
        }
    }

    /// <summary>
    /// Lets <paramref name="recipient"/> open this store: the same data key, wrapped once more as an
    /// age file to that public key. No value is re-encrypted. Returns false when it already can.
    /// Takes effect on <see cref="Save()"/>.
    /// </summary>
    public bool AddRecipient(AgeRecipient recipient)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(recipient);
        if (Recipients.Contains(recipient))
        {
            return false;
        }

        _keys.Add(AgeKeyWrapping.Wrap(_dataKey, recipient, StoreId, Environment));
        return true;
    }

    /// <summary>
    /// Replaces the data key (see <see cref="ReplaceDataKey"/>) for <paramref name="keys"/> and every
    /// current recipient and KMS key, so nobody loses access: neither needs a secret to be given the
    /// new data key. The KMS keys made for the replacement are released here; <paramref name="keys"/>
    /// belong to the caller.
    /// </summary>
    internal void ReplaceDataKeyKeepingAccess(IReadOnlyList<KeyMaterial> keys, DateTimeOffset now, StoreSecurity security)
    {
        var kmsKeys = KmsKeys();
        try
        {
            ReplaceDataKey([.. keys, .. Recipients.Select(r => new RecipientKey(r)), .. kmsKeys], now, security);
        }
        finally
        {
            foreach (var made in kmsKeys)
            {
                made.Dispose();
            }
        }
    }

    /// <summary>
    /// Takes <paramref name="recipient"/> off the store and replaces the data key: every value and
    /// retired version is re-encrypted under a new random data key, and every remaining recipient and
    /// key gets the new one, so the removed party's old wrapping opens nothing committed from now on.
    /// The wrappings replaced are recorded as retired keys, so the audit trail still verifies.
    /// The values themselves are unchanged: whoever could open the store before may know them.
    /// Takes effect on <see cref="Save()"/>.
    /// </summary>
    /// <param name="recipient">The recipient to remove.</param>
    /// <param name="availableKeys">
    /// The symmetric keys and passphrases at hand. Each remaining <c>key</c> or <c>passphrase</c>
    /// entry can be re-wrapped only with its own key; recipients need no secret.
    /// </param>
    /// <param name="now">The time recorded for the retired keys.</param>
    /// <param name="dropUnavailableKeys">Drop the key entries whose key is not at hand instead of failing.</param>
    /// <returns>Whether the recipient was on the store, and the key entries dropped (<c>kind id</c>).</returns>
    /// <exception cref="SecretsException">SECB269 when a remaining key is not at hand; SECB270 when nothing would remain to open the store.</exception>
    public RecipientRemoval RemoveRecipient(AgeRecipient recipient, IReadOnlyList<KeyMaterial> availableKeys, DateTimeOffset now, bool dropUnavailableKeys = false) =>
        RemoveRecipient(recipient, availableKeys, now, dropUnavailableKeys, StoreSecurity.Default);

    internal RecipientRemoval RemoveRecipient(AgeRecipient recipient, IReadOnlyList<KeyMaterial> availableKeys, DateTimeOffset now, bool dropUnavailableKeys, StoreSecurity security)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(recipient);
        return RemoveWrapping(k => AgeKeyWrapping.TryGetRecipient(k, out var r) && r.Equals(recipient), recipient.ToString(), availableKeys, now, dropUnavailableKeys, security);
    }

    /// <summary>
    /// Takes the entries <paramref name="removed"/> matches off the key list and replaces the data key,
    /// re-wrapping it for every remaining entry: recipients and KMS keys need no secret, symmetric keys
    /// and passphrases must be among <paramref name="availableKeys"/>.
    /// </summary>
    private RecipientRemoval RemoveWrapping(Func<KeyWrapDocument, bool> removed, string what, IReadOnlyList<KeyMaterial> availableKeys, DateTimeOffset now, bool dropUnavailableKeys, StoreSecurity security)
    {
        ArgumentNullException.ThrowIfNull(availableKeys);
        var remaining = _keys.Where(k => !removed(k)).ToList();
        if (remaining.Count == _keys.Count)
        {
            return new RecipientRemoval(false, []);
        }

        var newKeys = new List<KeyMaterial>();
        var unavailable = new List<KeyWrapDocument>();
        try
        {
            foreach (var entry in remaining)
            {
                if (AgeKeyWrapping.TryGetRecipient(entry, out var other))
                {
                    newKeys.Add(new RecipientKey(other));
                }
                else if (KmsKeyWrapping.IsKmsEntry(entry))
                {
                    newKeys.Add(KmsKeyFor(entry));
                }
                else if (availableKeys.FirstOrDefault(k => Opens(entry, k, security)) is { } key)
                {
                    newKeys.Add(key);
                }
                else
                {
                    unavailable.Add(entry);
                }
            }

            if (unavailable.Count > 0 && !dropUnavailableKeys)
            {
                throw StoreErrors.At(DiagnosticCodes.KeysCannotBeRewrapped, Paths.StorePath,
                    $"Removing {what} rotates the data key, and every other key must then be wrapped again, but these keys are not available here: {string.Join(", ", unavailable.Select(k => $"{k.Kind} {k.KeyId}"))}.",
                    "Run the removal where those keys are available (their key file in the key folder, or SECRETS_BUILD_KEY_<ENV> / SECRETS_BUILD_PASSPHRASE_<ENV> set), " +
                    "or drop them with -p:SecretsDropUnavailableKeys=true and add their holders back as age recipients.");
            }

            if (newKeys.Count == 0)
            {
                throw StoreErrors.At(DiagnosticCodes.LastKeyRemoval, Paths.StorePath,
                    $"Removing {what} would leave nothing that can open '{Paths.StorePath}'; its values would be lost.",
                    "Add the recipient or key that should keep access first, then remove this one.");
            }

            ReplaceDataKey(newKeys, now, security);
            return new RecipientRemoval(true, [.. unavailable.Select(k => $"{k.Kind} {k.KeyId}")]);
        }
        finally
        {
            // Only the KMS keys were made here; the available keys belong to the caller.
            foreach (var made in newKeys.OfType<KmsKey>())
            {
                made.Dispose();
            }
        }
    }

    /// <summary>True when <paramref name="key"/> is the symmetric key or passphrase of <paramref name="entry"/>.</summary>
    private bool Opens(KeyWrapDocument entry, KeyMaterial key, StoreSecurity security)
    {
        if (key is RawKey raw)
        {
            return entry.Kind == StoreFormat.KindKey && entry.KeyId == raw.Id;
        }

        if (key is not PassphraseKey || entry.Kind != StoreFormat.KindPassphrase)
        {
            return false;
        }

        var probe = new StoreDocument
        {
            Format = StoreFormat.StoreMarker,
            FormatVersion = StoreFormat.Version,
            StoreId = StoreId,
            Environment = Environment,
            Keys = [entry],
            Secrets = new(),
            Mac = string.Empty,
        };
        try
        {
            CryptographicOperations.ZeroMemory(DataKeyWrapping.Unwrap(probe, key, Paths.StorePath, security));
            return true;
        }
        catch (SecretsException ex) when (ex.Code == DiagnosticCodes.WrongKey)
        {
            return false;
        }
    }
}

/// <summary>What <see cref="SecretStore.RemoveRecipient(AgeRecipient, IReadOnlyList{KeyMaterial}, DateTimeOffset, bool)"/> did.</summary>
/// <param name="Removed">True when the recipient was on the store (and the data key was rotated).</param>
/// <param name="DroppedKeys">Key entries dropped because their key was not at hand, as <c>kind id</c>.</param>
internal sealed record RecipientRemoval(bool Removed, ImmutableArray<string> DroppedKeys);
