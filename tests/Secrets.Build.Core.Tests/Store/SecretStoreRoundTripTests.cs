using System.Security.Cryptography;
using System.Text;
using Secrets.Build.Core.Crypto;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Store;

public sealed class SecretStoreRoundTripTests : IDisposable
{
    private readonly StoreTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public void Saved_values_and_metadata_read_back_with_the_same_key()
    {
        var values = _kit.SaveSample();

        using var store = SecretStore.Open(_kit.Paths, _kit.Key);

        Assert.Equal(["API_KEY", "POSTGRES_PASSWORD", "REDIS_PASSWORD"], store.Names);
        foreach (var (name, value) in values)
        {
            Assert.Equal(value, store.Reveal(name));
            var metadata = store.GetMetadata(name);
            Assert.Equal(1, metadata.Version);
            Assert.Equal(StoreTestKit.Now, metadata.CreatedAt);
            Assert.Equal(StoreTestKit.Now, metadata.RotatedAt);
            Assert.Equal(StoreTestKit.Now.AddDays(90), metadata.NextRotation);
            Assert.Equal(SecretSource.Generated, metadata.Source);
        }
    }

    [Fact]
    public void Values_outside_ascii_and_empty_values_round_trip()
    {
        using (var store = SecretStore.Create(_kit.Paths, _kit.Key))
        {
            store.Set("UNICODE", "pä$$ wörd 🔑 \"quoted\"\n", SecretSource.External, StoreTestKit.Now, null);
            store.Set("EMPTY", "", SecretSource.Imported, StoreTestKit.Now, null);
            store.Save();
        }

        using var reopened = SecretStore.Open(_kit.Paths, _kit.Key);
        Assert.Equal("pä$$ wörd 🔑 \"quoted\"\n", reopened.Reveal("UNICODE"));
        Assert.Equal("", reopened.Reveal("EMPTY"));
        Assert.Null(reopened.GetMetadata("EMPTY").NextRotation);
        Assert.Equal(SecretSource.Imported, reopened.GetMetadata("EMPTY").Source);
    }

    [Fact]
    public void The_files_hold_no_plaintext()
    {
        var values = _kit.SaveSample();

        var store = File.ReadAllText(_kit.Paths.StorePath);
        var metadata = File.ReadAllText(_kit.Paths.MetadataPath);
        foreach (var value in values.Values)
        {
            Assert.DoesNotContain(value, store);
            Assert.DoesNotContain(value, metadata);
        }
    }

    [Fact]
    public void The_store_records_format_store_id_environment_and_a_key_entry()
    {
        _kit.SaveSample();

        var json = StoreTestKit.ReadJson(_kit.Paths.StorePath);
        Assert.Equal("secrets-build-store", (string?)json["format"]);
        Assert.Equal(1, (int?)json["formatVersion"]);
        Assert.Matches("^[0-9a-f]{32}$", (string?)json["storeId"]);
        Assert.Equal("development", (string?)json["environment"]);
        var entry = Assert.Single(json["keys"]!.AsArray())!;
        Assert.Equal("key", (string?)entry["kind"]);
        Assert.Equal(_kit.Key.Id, (string?)entry["keyId"]);
        Assert.Equal(32 + 16, Convert.FromBase64String((string)entry["wrappedKey"]!).Length);
    }

    [UnixFact, System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Files_are_mode_600_in_a_700_folder()
    {
        _kit.SaveSample();

        Assert.Equal(FileModes.PrivateDirectory, File.GetUnixFileMode(_kit.Paths.SecretsDirectory));
        Assert.Equal(FileModes.PrivateFile, File.GetUnixFileMode(_kit.Paths.StorePath));
        Assert.Equal(FileModes.PrivateFile, File.GetUnixFileMode(_kit.Paths.MetadataPath));
    }

    [Fact]
    public void Setting_the_same_value_changes_nothing()
    {
        var values = _kit.SaveSample();
        using var store = SecretStore.Open(_kit.Paths, _kit.Key);

        var outcome = store.Set("API_KEY", values["API_KEY"], SecretSource.Generated, StoreTestKit.Now.AddDays(5), null);

        Assert.Equal(SetOutcome.Unchanged, outcome);
        Assert.Equal(StoreTestKit.Now.AddDays(90), store.GetMetadata("API_KEY").NextRotation);
        Assert.False(store.Save());
    }

    [Fact]
    public void A_new_value_becomes_the_next_version_and_retires_the_old_one()
    {
        _kit.SaveSample();
        var later = StoreTestKit.Now.AddDays(30);
        using (var store = SecretStore.Open(_kit.Paths, _kit.Key))
        {
            Assert.Equal(SetOutcome.Changed, store.Set("API_KEY", "sk-rotated", SecretSource.Generated, later, later.AddDays(180)));
            Assert.Equal(SetOutcome.Added, store.Set("NEW_ONE", "x", SecretSource.External, later, null));
            store.Save();
        }

        using var reopened = SecretStore.Open(_kit.Paths, _kit.Key);
        var metadata = reopened.GetMetadata("API_KEY");
        Assert.Equal("sk-rotated", reopened.Reveal("API_KEY"));
        Assert.Equal(2, metadata.Version);
        Assert.Equal(StoreTestKit.Now, metadata.CreatedAt);
        Assert.Equal(later, metadata.RotatedAt);
        Assert.Equal([1], reopened.RetiredVersions("API_KEY"));
        var retired = Assert.Single(StoreTestKit.ReadJson(_kit.Paths.StorePath)["secrets"]!["API_KEY"]!["retired"]!.AsArray())!;
        Assert.Equal("2026-03-31T12:00:00Z", (string?)retired["retiredAt"]);
    }

    [Fact]
    public void Retired_versions_stay_readable_after_save_and_open()
    {
        var values = _kit.SaveSample();
        using (var store = SecretStore.Open(_kit.Paths, _kit.Key))
        {
            store.Set("API_KEY", "second", SecretSource.Generated, StoreTestKit.Now.AddDays(1), null);
            store.Set("API_KEY", "third", SecretSource.Generated, StoreTestKit.Now.AddDays(2), null);
            store.Save();
        }

        using var reopened = SecretStore.Open(_kit.Paths, _kit.Key);
        Assert.Equal([1, 2], reopened.RetiredVersions("API_KEY"));
        Assert.Equal(values["API_KEY"], reopened.RevealVersion("API_KEY", 1));
        Assert.Equal("second", reopened.RevealVersion("API_KEY", 2));
        Assert.Equal("third", reopened.RevealVersion("API_KEY", 3));
        Assert.Equal(DiagnosticCodes.SecretNotInStore, Assert.Throws<SecretsException>(() => reopened.RevealVersion("API_KEY", 4)).Code);
    }

    [Fact]
    public void Times_are_stored_as_utc_iso_8601_with_whole_seconds()
    {
        using (var store = SecretStore.Create(_kit.Paths, _kit.Key))
        {
            var local = new DateTimeOffset(2026, 3, 1, 14, 30, 15, 987, TimeSpan.FromHours(2));
            store.Set("A", "v", SecretSource.Generated, local, local.AddDays(1));
            store.Save();
        }

        var entry = StoreTestKit.ReadJson(_kit.Paths.MetadataPath)["secrets"]!["A"]!;
        Assert.Equal("2026-03-01T12:30:15Z", (string?)entry["createdAt"]);
        Assert.Equal("2026-03-01T12:30:15Z", (string?)entry["rotatedAt"]);
        Assert.Equal("2026-03-02T12:30:15Z", (string?)entry["nextRotation"]);
        Assert.Equal("generated", (string?)entry["source"]);
    }

    [Fact]
    public void Fingerprints_are_keyed_equal_for_equal_values_and_never_a_plain_hash()
    {
        using var store = SecretStore.Create(_kit.Paths, _kit.Key);
        using var other = SecretStore.Create(_kit.PathsFor("staging"), _kit.Key);
        store.Set("A", "same value", SecretSource.Generated, StoreTestKit.Now, null);
        store.Set("B", "same value", SecretSource.Generated, StoreTestKit.Now, null);
        store.Set("C", "other value", SecretSource.Generated, StoreTestKit.Now, null);
        other.Set("A", "same value", SecretSource.Generated, StoreTestKit.Now, null);

        var fingerprint = store.GetMetadata("A").Fingerprint;

        Assert.Matches("^hmac-sha256:[0-9a-f]{32}$", fingerprint);
        Assert.Equal(fingerprint, store.GetMetadata("B").Fingerprint);
        Assert.NotEqual(fingerprint, store.GetMetadata("C").Fingerprint);
        Assert.NotEqual(fingerprint, other.GetMetadata("A").Fingerprint);
        var plainHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("same value")));
        Assert.DoesNotContain(fingerprint["hmac-sha256:".Length..], plainHash);
    }

    [Fact]
    public void ToString_and_errors_never_show_a_value()
    {
        var values = _kit.SaveSample();
        using var store = SecretStore.Open(_kit.Paths, _kit.Key);

        var text = store.ToString();
        var missing = Assert.Throws<SecretsException>(() => store.Reveal("NOT_THERE"));

        Assert.Equal(DiagnosticCodes.SecretNotInStore, missing.Code);
        foreach (var value in values.Values)
        {
            Assert.DoesNotContain(value, text);
            Assert.DoesNotContain(value, missing.Message);
        }
    }

    [Fact]
    public void Invalid_names_are_refused()
    {
        using var store = SecretStore.Create(_kit.Paths, _kit.Key);

        Assert.Throws<ArgumentException>(() => store.Set("1ABC", "v", SecretSource.Generated, StoreTestKit.Now, null));
        Assert.Throws<ArgumentException>(() => store.Set("A-B", "v", SecretSource.Generated, StoreTestKit.Now, null));
    }

    [Fact]
    public void A_disposed_store_refuses_to_reveal()
    {
        _kit.SaveSample();
        var store = SecretStore.Open(_kit.Paths, _kit.Key);
        store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => store.Reveal("API_KEY"));
    }

    [Fact]
    public void Passphrase_store_round_trips_with_the_real_default_argon2id_parameters()
    {
        var passphrase = new PassphraseKey("correct horse battery staple", "environment variable SECRETS_BUILD_PASSPHRASE");
        using (var store = SecretStore.Create(_kit.Paths, passphrase))
        {
            store.Set("A", "value-a", SecretSource.Generated, StoreTestKit.Now, null);
            store.Save();
        }

        var entry = Assert.Single(StoreTestKit.ReadJson(_kit.Paths.StorePath)["keys"]!.AsArray())!;
        Assert.Equal("passphrase", (string?)entry["kind"]);
        Assert.Equal(Argon2Parameters.Default.MemoryKiB, (int?)entry["argon2id"]!["memoryKiB"]);
        Assert.Equal(Argon2Parameters.Default.Iterations, (int?)entry["argon2id"]!["iterations"]);
        Assert.Equal(16, Convert.FromBase64String((string)entry["salt"]!).Length);

        using var reopened = SecretStore.Open(_kit.Paths, passphrase);
        Assert.Equal("value-a", reopened.Reveal("A"));
    }

    [Fact]
    public void A_wrong_passphrase_is_a_wrong_key_error()
    {
        using (var store = SecretStore.Create(_kit.Paths, new PassphraseKey("right one", "test"), StoreTestKit.FastKdf))
        {
            store.Set("A", "value-a", SecretSource.Generated, StoreTestKit.Now, null);
            store.Save();
        }

        var ex = _kit.AssertOpenFails(DiagnosticCodes.WrongKey, ["value-a", "right one", "wrong one"],
            new PassphraseKey("wrong one", "environment variable SECRETS_BUILD_PASSPHRASE_DEVELOPMENT"), security: StoreTestKit.FastKdf);
        Assert.Contains("SECRETS_BUILD_PASSPHRASE_DEVELOPMENT", ex.Message);
    }

    [Fact]
    public void Argon2id_parameters_below_the_owasp_minimum_are_refused_outside_tests()
    {
        using (var store = SecretStore.Create(_kit.Paths, new PassphraseKey("pass", "test"), StoreTestKit.FastKdf))
        {
            store.Save();
        }

        _kit.AssertOpenFails(DiagnosticCodes.WeakKeyDerivation, [], new PassphraseKey("pass", "test"));
    }
}
