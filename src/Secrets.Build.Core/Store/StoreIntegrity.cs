using System.Text.Json;
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
    /// its line endings into CRLF does not break a valid store. The key lists and the generation
    /// are sealed on top of this by <see cref="SealedMac"/>; a store written before generations
    /// existed carries this MAC alone.
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

    /// <summary>
    /// The MAC a store with a generation carries: the content MAC of <see cref="Mac"/> bound to
    /// the generation, every key entry and every retired key. Each wrapping has its own AES-GCM
    /// tag, but only the MAC sees an entry removed, re-added from an old copy or replaced with
    /// one a former recipient made; only it ties the generation to the values, so a rollback
    /// cannot keep an old store and claim a newer generation. Generation 0 is the older form:
    /// the content MAC alone.
    /// </summary>
    public static byte[] SealedMac(
        ReadOnlySpan<byte> macKey,
        int generation,
        IReadOnlyList<KeyWrapDocument> keys,
        IReadOnlyList<RetiredKeyDocument>? retiredKeys,
        byte[] contentMac)
    {
        if (generation == 0)
        {
            return contentMac;
        }

        using var hmac = new IncrementalHmacSha256(macKey);
        var canonical = new CanonicalWriter(hmac)
            .Add(StoreFormat.SealedMacLabel)
            .Add(generation)
            .Add(contentMac)
            .Add(keys.Count);
        foreach (var key in keys)
        {
            canonical.Add(key.Kind).Add(key.KeyId);
            Optional(canonical, key.Salt);
            canonical.Add(key.Argon2id is null ? 0 : 1);
            if (key.Argon2id is { } argon2)
            {
                canonical.Add(argon2.MemoryKiB).Add(argon2.Iterations).Add(argon2.Parallelism);
            }

            Optional(canonical, key.Nonce);
            Optional(canonical, key.WrappedKey);
            canonical.Add(key.Other?.Count ?? 0);
            if (key.Other is { } other)
            {
                // Only when present: an empty dictionary over JsonElement, made for every entry,
                // was generic code over a value type that each build compiled anew.
                foreach (var (name, value) in other)
                {
                    // Compact JSON: the writer re-indents these members, so their raw text is not stable.
                    canonical.Add(name).Add(CompactJson(value));
                }
            }
        }

        canonical.Add(retiredKeys?.Count ?? 0);
        foreach (var retired in retiredKeys ?? [])
        {
            canonical.Add(retired.Kind).Add(retired.KeyId).Add(retired.RetiredAt).Add(retired.Nonce).Add(retired.AuditChainKey);
        }

        return hmac.Finish();
    }

    private static byte[] CompactJson(JsonElement value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            value.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Optional(CanonicalWriter canonical, string? value) =>
        canonical.Add(value is null ? 0 : 1).Add(value ?? string.Empty);
}

/// <summary>The encrypted half of a secret, which is all the MAC needs.</summary>
internal sealed record StoredSecretView(int Version, byte[] Nonce, byte[] Ciphertext, IReadOnlyList<RetiredVersion> Retired);
