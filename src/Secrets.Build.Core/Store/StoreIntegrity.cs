using Secrets.Build.Core.Crypto;

namespace Secrets.Build.Core.Store;

/// <summary>
/// The cryptographic bindings of the format: what each value's associated data covers, and
/// the whole-store MAC over store and metadata together. Per-value AES-GCM alone cannot see
/// an entry that was deleted, rolled back to an older ciphertext with its older version, or a
/// rotation date edited in the metadata; the MAC sees all of them.
/// </summary>
internal static class StoreIntegrity
{
    /// <summary>Binds a ciphertext to its store, environment, name and version.</summary>
    public static byte[] ValueAad(string storeId, string environment, string name, int version) =>
        new CanonicalWriter().Add(StoreFormat.ValueAadLabel).Add(storeId).Add(environment).Add(name).Add(version).ToArray();

    public static byte[] MacKey(ReadOnlySpan<byte> dataKey) =>
        KeyDerivation.Hkdf(dataKey, ReadOnlySpan<byte>.Empty, StoreFormat.MacInfo, 32);

    public static byte[] FingerprintKey(ReadOnlySpan<byte> dataKey) =>
        KeyDerivation.Hkdf(dataKey, ReadOnlySpan<byte>.Empty, StoreFormat.FingerprintInfo, 32);

    public static string Fingerprint(ReadOnlySpan<byte> fingerprintKey, ReadOnlySpan<byte> value)
    {
        using var imported = new HmacSha256Key(fingerprintKey);
        return Fingerprint(imported, value);
    }

    /// <summary>The fingerprint under a key imported once, for fingerprinting many values.</summary>
    public static string Fingerprint(HmacSha256Key fingerprintKey, ReadOnlySpan<byte> value) =>
        StoreFormat.FingerprintPrefix
        + Convert.ToHexStringLower(fingerprintKey.Mac(value).AsSpan(0, StoreFormat.FingerprintBytes));

    /// <summary>
    /// The MAC over a canonical form of everything both files say, in ordinal name order.
    /// The metadata enters as parsed fields rather than raw bytes, so a checkout that turns
    /// its line endings into CRLF does not break a valid store. The key list is left out: each
    /// wrapping is authenticated by its own AES-GCM tag, and adding a recipient must not
    /// require re-sealing the store.
    /// </summary>
    public static byte[] Mac(
        ReadOnlySpan<byte> macKey,
        string storeId,
        string environment,
        OrdinalMap<StoredSecretView> secrets,
        OrdinalMap<SecretMetadata> metadata)
    {
        using var hmac = new IncrementalHmacSha256(macKey);
        var canonical = new CanonicalWriter(hmac)
            .Add(StoreFormat.MacLabel)
            .Add(StoreFormat.Version)
            .Add(storeId)
            .Add(environment)
            .Add(secrets.Count);
        foreach (var (name, secret) in secrets)
        {
            canonical.Add(name).Add(secret.Version).Add(secret.Nonce).Add(secret.Ciphertext).Add(secret.Retired.Count);
            foreach (var retired in secret.Retired)
            {
                canonical.Add(retired.Version).Add(StoreFormat.FormatDate(retired.RetiredAt)).Add(retired.Nonce).Add(retired.Ciphertext);
            }
        }

        canonical.Add(metadata.Count);
        foreach (var (name, entry) in metadata)
        {
            canonical
                .Add(name)
                .Add(entry.Version)
                .Add(StoreFormat.FormatDate(entry.CreatedAt))
                .Add(StoreFormat.FormatDate(entry.RotatedAt))
                .Add(entry.NextRotation is { } next ? StoreFormat.FormatDate(next) : string.Empty)
                .Add(StoreFormat.SourceName(entry.Source))
                .Add(entry.Fingerprint);
        }

        return hmac.Finish();
    }
}

/// <summary>The encrypted half of a secret, which is all the MAC needs.</summary>
internal sealed record StoredSecretView(int Version, byte[] Nonce, byte[] Ciphertext, IReadOnlyList<RetiredVersion> Retired);
