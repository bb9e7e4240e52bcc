using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Secrets.Build.Core.Crypto;
using Secrets.Build.Core.Crypto.Age;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Recipients;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Recipients;

/// <summary>A store with age recipients next to its symmetric key: open, add, remove, tamper.</summary>
public sealed class RecipientStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();
    private readonly RawKey _key = new(RandomNumberGenerator.GetBytes(32), "test key");
    private readonly AgeIdentity _alice = AgeIdentity.Generate("alice.txt");
    private readonly AgeIdentity _bob = AgeIdentity.Generate("bob.txt");

    private StorePaths Paths => StorePaths.ForSecretsDirectory(Path.Combine(_temp.Path, "secrets"), "development");

    public void Dispose()
    {
        _alice.Dispose();
        _bob.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void A_recipient_opens_the_store_and_the_key_still_does()
    {
        CreateStore(_alice.Recipient);

        using (var byAlice = SecretStore.Open(Paths, Identities(_alice)))
        {
            Assert.Equal("hunter2-but-longer", byAlice.Reveal("DB_PASSWORD"));
            Assert.Equal("v1", byAlice.RevealVersion("API_TOKEN", 1));
            Assert.Equal([_alice.Recipient], byAlice.Recipients);
        }

        using var byKey = SecretStore.Open(Paths, _key);
        Assert.Equal("hunter2-but-longer", byKey.Reveal("DB_PASSWORD"));
        Assert.Equal(["key " + _key.Id, "age " + _alice.Recipient.Fingerprint], byKey.KeyIds);
    }

    [Fact]
    public void Adding_a_recipient_changes_no_value_line()
    {
        CreateStore();
        var before = JsonNode.Parse(File.ReadAllText(Paths.StorePath))!["secrets"]!.ToJsonString();

        using (var store = SecretStore.Open(Paths, _key))
        {
            Assert.True(store.AddRecipient(_alice.Recipient));
            Assert.False(store.AddRecipient(AgeRecipient.Parse(_alice.Recipient.Text)));
            store.Save();
        }

        Assert.Equal(before, JsonNode.Parse(File.ReadAllText(Paths.StorePath))!["secrets"]!.ToJsonString());
    }

    [Fact]
    public void An_identity_that_is_not_a_recipient_gets_an_error_naming_what_was_tried_and_what_the_store_accepts()
    {
        CreateStore(_alice.Recipient);

        var ex = Assert.Throws<SecretsException>(() => SecretStore.Open(Paths, Identities(_bob)));

        Assert.Equal(DiagnosticCodes.NoIdentityOpensStore, ex.Code);
        Assert.Contains(_bob.Recipient.Text, ex.Message, StringComparison.Ordinal);
        Assert.Contains("bob.txt", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"age {_alice.Recipient.Fingerprint} ({_alice.Recipient})", ex.Message, StringComparison.Ordinal);
        Assert.Contains("key " + _key.Id, ex.Message, StringComparison.Ordinal);
        Assert.Equal(Paths.StorePath, ex.Diagnostics[0].Location!.File);
    }

    [AgeCliFact]
    public void age_decrypts_the_wrapped_data_key_and_that_key_decrypts_a_stored_value()
    {
        CreateStore(_alice.Recipient);
        var identityFile = Path.Combine(_temp.Path, "alice.txt");
        File.WriteAllText(identityFile, _alice.ToSecretText() + "\n");
        var document = JsonNode.Parse(File.ReadAllText(Paths.StorePath))!;
        var entry = document["keys"]!.AsArray().Single(k => (string?)k!["kind"] == "age")!;
        Assert.Equal(_alice.Recipient.Text, (string?)entry["recipient"]);

        var dataKey = AgeCli.Run(AgeCli.AgePath!, Convert.FromBase64String((string)entry["wrappedKey"]!), "-d", "-i", identityFile);

        var secret = document["secrets"]!["DB_PASSWORD"]!;
        var aad = new CanonicalWriter().Add("secrets-build value v1").Add((string)document["storeId"]!).Add("development").Add("DB_PASSWORD").Add(1L).ToArray();
        Assert.True(AesGcm256.TryDecrypt(dataKey, Convert.FromBase64String((string)secret["nonce"]!), Convert.FromBase64String((string)secret["ciphertext"]!), aad, out var padded));
        Assert.Equal("hunter2-but-longer"u8.ToArray(), padded[..18]);
    }

    [Fact]
    public void Removing_a_recipient_rotates_the_data_key_and_keeps_every_value()
    {
        CreateStore(_alice.Recipient, _bob.Recipient);
        var oldDocument = File.ReadAllText(Paths.StorePath);
        var oldFingerprint = ReadFingerprint("DB_PASSWORD");

        using (var store = SecretStore.Open(Paths, _key))
        {
            var removal = store.RemoveRecipient(_bob.Recipient, [_key], Now);
            Assert.True(removal.Removed);
            Assert.Empty(removal.DroppedKeys);
            store.Save();
        }

        var ex = Assert.Throws<SecretsException>(() => SecretStore.Open(Paths, Identities(_bob)));
        Assert.Equal(DiagnosticCodes.NoIdentityOpensStore, ex.Code);
        foreach (var key in new KeyMaterial[] { _key, Identities(_alice) })
        {
            using var store = SecretStore.Open(Paths, key);
            Assert.Equal("hunter2-but-longer", store.Reveal("DB_PASSWORD"));
            Assert.Equal("v1", store.RevealVersion("API_TOKEN", 1));
            Assert.Equal("v2", store.Reveal("API_TOKEN"));
        }

        // What Bob kept from before (the old wrapping) opens the old data key only, which no longer decrypts anything.
        var oldEntry = JsonNode.Parse(oldDocument)!["keys"]!.AsArray().Single(k => (string?)k!["recipient"] == _bob.Recipient.Text)!;
        var oldDataKey = AgeFile.Decrypt(Convert.FromBase64String((string)oldEntry["wrappedKey"]!), [_bob]).Plaintext!;
        var secret = JsonNode.Parse(File.ReadAllText(Paths.StorePath))!["secrets"]!["DB_PASSWORD"]!;
        var aad = new CanonicalWriter().Add("secrets-build value v1").Add((string)JsonNode.Parse(oldDocument)!["storeId"]!).Add("development").Add("DB_PASSWORD").Add(1L).ToArray();
        Assert.False(AesGcm256.TryDecrypt(oldDataKey, Convert.FromBase64String((string)secret["nonce"]!), Convert.FromBase64String((string)secret["ciphertext"]!), aad, out _));
        Assert.NotEqual(oldFingerprint, ReadFingerprint("DB_PASSWORD"));
    }

    [Fact]
    public void Removing_needs_every_remaining_symmetric_key_unless_told_to_drop_it()
    {
        CreateStore(_alice.Recipient, _bob.Recipient);

        using (var store = SecretStore.Open(Paths, Identities(_alice)))
        {
            var ex = Assert.Throws<SecretsException>(() => store.RemoveRecipient(_bob.Recipient, [Identities(_alice)], Now));
            Assert.Equal(DiagnosticCodes.KeysCannotBeRewrapped, ex.Code);
            Assert.Contains("key " + _key.Id, ex.Message, StringComparison.Ordinal);

            var removal = store.RemoveRecipient(_bob.Recipient, [Identities(_alice)], Now, dropUnavailableKeys: true);
            Assert.Equal("key " + _key.Id, Assert.Single(removal.DroppedKeys));
            store.Save();
        }

        Assert.Equal(DiagnosticCodes.WrongKey, Assert.Throws<SecretsException>(() => SecretStore.Open(Paths, _key)).Code);
        using var reopened = SecretStore.Open(Paths, Identities(_alice));
        Assert.Equal("hunter2-but-longer", reopened.Reveal("DB_PASSWORD"));
    }

    [Fact]
    public void Removing_the_only_way_in_is_refused()
    {
        CreateStore(_alice.Recipient);
        using var store = SecretStore.Open(Paths, Identities(_alice));
        var ex = Assert.Throws<SecretsException>(() => store.RemoveRecipient(_alice.Recipient, [Identities(_alice)], Now, dropUnavailableKeys: true));
        Assert.Equal(DiagnosticCodes.LastKeyRemoval, ex.Code);
        Assert.False(store.RemoveRecipient(_bob.Recipient, [_key], Now).Removed);
    }

    [Fact]
    public void An_altered_wrapping_is_an_error_never_a_regeneration()
    {
        CreateStore(_alice.Recipient);
        var document = JsonNode.Parse(File.ReadAllText(Paths.StorePath))!;
        var entry = document["keys"]!.AsArray().Single(k => (string?)k!["kind"] == "age")!;
        var wrapped = Convert.FromBase64String((string)entry["wrappedKey"]!);
        wrapped[^1] ^= 1;
        entry["wrappedKey"] = Convert.ToBase64String(wrapped);
        File.WriteAllText(Paths.StorePath, document.ToJsonString());
        var before = File.ReadAllBytes(Paths.StorePath);

        var ex = Assert.Throws<SecretsException>(() => SecretStore.Open(Paths, Identities(_alice)));

        Assert.Equal(DiagnosticCodes.RecipientEntryTampered, ex.Code);
        Assert.Equal(before, File.ReadAllBytes(Paths.StorePath));
    }

    [Fact]
    public void A_wrapping_copied_from_another_store_is_refused()
    {
        CreateStore(_alice.Recipient);
        var otherPaths = StorePaths.ForSecretsDirectory(Path.Combine(_temp.Path, "other"), "development");
        using (var other = SecretStore.Create(otherPaths, _key))
        {
            other.Set("DB_PASSWORD", "something else", SecretSource.Generated, Now, null);
            other.AddRecipient(_alice.Recipient);
            other.Save();
        }

        // Swap in the other store's wrapping: the data key it holds belongs to another store id.
        var document = JsonNode.Parse(File.ReadAllText(Paths.StorePath))!;
        var foreign = JsonNode.Parse(File.ReadAllText(otherPaths.StorePath))!["keys"]!.AsArray().Single(k => (string?)k!["kind"] == "age")!;
        var keys = document["keys"]!.AsArray();
        keys.RemoveAt(keys.Select((k, i) => (k, i)).Single(p => (string?)p.k!["kind"] == "age").i);
        keys.Add(foreign.DeepClone());
        File.WriteAllText(Paths.StorePath, document.ToJsonString());

        var ex = Assert.Throws<SecretsException>(() => SecretStore.Open(Paths, Identities(_alice)));
        Assert.Equal(DiagnosticCodes.RecipientEntryTampered, ex.Code);
        Assert.Contains("copied from another store", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_message_or_ToString_shows_a_private_key()
    {
        CreateStore(_alice.Recipient);
        var ex = Assert.Throws<SecretsException>(() => SecretStore.Open(Paths, Identities(_bob)));
        foreach (var text in new[] { ex.Message, Identities(_bob).ToString(), _bob.ToString() })
        {
            Assert.DoesNotContain(_bob.ToSecretText(), text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(_alice.ToSecretText(), text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static IdentityKey Identities(params AgeIdentity[] identities) => new(identities, "test identities");

    private void CreateStore(params AgeRecipient[] recipients)
    {
        using var store = SecretStore.Create(Paths, _key);
        store.Set("DB_PASSWORD", "hunter2-but-longer", SecretSource.Generated, Now, null);
        store.Set("API_TOKEN", "v1", SecretSource.External, Now, null);
        store.Set("API_TOKEN", "v2", SecretSource.External, Now.AddDays(1), null);
        foreach (var recipient in recipients)
        {
            store.AddRecipient(recipient);
        }

        store.Save();
    }

    private string ReadFingerprint(string name) =>
        (string)JsonNode.Parse(File.ReadAllText(Paths.MetadataPath))!["secrets"]![name]!["fingerprint"]!;
}
