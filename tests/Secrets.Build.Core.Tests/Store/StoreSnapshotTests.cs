using System.Security.Cryptography;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Store;

/// <summary>
/// <see cref="StoreSnapshot"/> hands back the loaded MAC only when every input of the MAC is
/// unchanged; each test changes one input and expects a new MAC to be required.
/// </summary>
public sealed class StoreSnapshotTests
{
    private const string StoreId = "0123456789abcdef0123456789abcdef";
    private static readonly byte[] MacKey = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] LoadedMac = RandomNumberGenerator.GetBytes(32);
    private static readonly DateTimeOffset Created = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_loaded_mac_is_reused_when_nothing_changed()
    {
        using var snapshot = Snapshot();
        Assert.Same(LoadedMac, snapshot.MacFor(StoreId, "development", MacKey, Current()));
    }

    [Fact]
    public void Another_mac_key_needs_a_new_mac()
    {
        using var snapshot = Snapshot();
        Assert.Null(snapshot.MacFor(StoreId, "development", RandomNumberGenerator.GetBytes(32), Current()));
    }

    [Fact]
    public void Another_store_or_environment_needs_a_new_mac()
    {
        using var snapshot = Snapshot();
        Assert.Null(snapshot.MacFor("fedcba9876543210fedcba9876543210", "development", MacKey, Current()));
        Assert.Null(snapshot.MacFor(StoreId, "production", MacKey, Current()));
    }

    [Fact]
    public void A_changed_ciphertext_nonce_or_version_needs_a_new_mac()
    {
        using var snapshot = Snapshot();
        Assert.Null(snapshot.MacFor(StoreId, "development", MacKey, Current(secret => Copy(secret, ciphertext: Flip(secret.Ciphertext)))));
        Assert.Null(snapshot.MacFor(StoreId, "development", MacKey, Current(secret => Copy(secret, nonce: Flip(secret.Nonce)))));
        Assert.Null(snapshot.MacFor(StoreId, "development", MacKey, Current(secret => Copy(secret, version: secret.Version + 1))));
    }

    [Fact]
    public void Changed_metadata_alone_needs_a_new_mac()
    {
        using var snapshot = Snapshot();
        Assert.Null(snapshot.MacFor(StoreId, "development", MacKey,
            Current(secret => Copy(secret, metadata: secret.Metadata with { NextRotation = Created.AddDays(30) }))));
        Assert.Null(snapshot.MacFor(StoreId, "development", MacKey,
            Current(secret => Copy(secret, metadata: secret.Metadata with { Source = SecretSource.Imported }))));
    }

    [Fact]
    public void A_changed_retired_version_needs_a_new_mac()
    {
        using var snapshot = Snapshot();
        Assert.Null(snapshot.MacFor(StoreId, "development", MacKey, Current(secret => Copy(secret, retired: []))));
        Assert.Null(snapshot.MacFor(StoreId, "development", MacKey,
            Current(secret => Copy(secret, retired: [secret.Retired[0] with { RetiredAt = Created.AddSeconds(1) }]))));
    }

    [Fact]
    public void An_added_or_removed_secret_needs_a_new_mac()
    {
        using var snapshot = Snapshot();
        var added = Current();
        added["ZZZ"] = added["API_KEY"];
        Assert.Null(snapshot.MacFor(StoreId, "development", MacKey, added));
        var removed = new OrdinalMap<StoredSecret> { ["DB_PASSWORD"] = Current()["DB_PASSWORD"] };
        Assert.Null(snapshot.MacFor(StoreId, "development", MacKey, removed));
    }

    [Fact]
    public void A_renamed_secret_needs_a_new_mac()
    {
        using var snapshot = Snapshot();
        var current = Current();
        var renamed = new OrdinalMap<StoredSecret>();
        renamed["API_KEY2"] = current["API_KEY"];
        renamed["DB_PASSWORD"] = current["DB_PASSWORD"];
        Assert.Null(snapshot.MacFor(StoreId, "development", MacKey, renamed));
    }

    // Two secrets; API_KEY has one retired version. Fixed bytes, so Current() rebuilds equal values.
    private static OrdinalMap<StoredSecret> Current(Func<StoredSecret, StoredSecret>? changeApiKey = null)
    {
        var secrets = new OrdinalMap<StoredSecret>
        {
            ["API_KEY"] = Secret(2, 1, [new RetiredVersion(1, Created, Bytes(12, 3), Bytes(40, 4))]),
            ["DB_PASSWORD"] = Secret(1, 5, []),
        };
        if (changeApiKey is not null)
        {
            secrets["API_KEY"] = changeApiKey(secrets["API_KEY"]);
        }

        return secrets;
    }

    private static StoreSnapshot Snapshot()
    {
        var views = new OrdinalMap<StoredSecretView>();
        var metadata = new OrdinalMap<SecretMetadata>();
        foreach (var (name, secret) in Current())
        {
            views[name] = new StoredSecretView(secret.Version, secret.Nonce, secret.Ciphertext, secret.Retired);
            metadata[name] = secret.Metadata;
        }

        return new StoreSnapshot(StoreId, "development", views, metadata, LoadedMac, MacKey);
    }

    private static StoredSecret Secret(int version, byte seed, IReadOnlyList<RetiredVersion> retired) => new()
    {
        Version = version,
        Nonce = Bytes(12, seed),
        Ciphertext = Bytes(48, (byte)(seed + 1)),
        Retired = retired,
        Plaintext = [],
        Metadata = new SecretMetadata(version, Created, Created, null, SecretSource.Generated, "hmac-sha256:" + seed),
    };

    private static StoredSecret Copy(
        StoredSecret secret,
        int? version = null,
        byte[]? nonce = null,
        byte[]? ciphertext = null,
        IReadOnlyList<RetiredVersion>? retired = null,
        SecretMetadata? metadata = null) => new()
    {
        Version = version ?? secret.Version,
        Nonce = nonce ?? secret.Nonce,
        Ciphertext = ciphertext ?? secret.Ciphertext,
        Retired = retired ?? secret.Retired,
        Plaintext = secret.Plaintext,
        Metadata = metadata ?? secret.Metadata,
    };

    private static byte[] Bytes(int length, byte seed) => [.. Enumerable.Range(0, length).Select(i => (byte)(seed + i))];

    private static byte[] Flip(byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        copy[^1] ^= 1;
        return copy;
    }
}
