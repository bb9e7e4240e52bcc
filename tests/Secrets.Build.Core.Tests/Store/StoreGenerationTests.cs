using System.Text.Json.Nodes;
using Secrets.Build.Core.Crypto;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Store;

/// <summary>
/// The generation counts the saves that changed a store, and the MAC seals it together with the
/// key lists, so an older copy cannot claim a newer generation and a key entry cannot be slipped in.
/// </summary>
public sealed class StoreGenerationTests : IDisposable
{
    private static readonly string FixtureDirectory = Path.Combine(TestPaths.RepositoryRoot, "tests", "Secrets.Build.Core.Tests", "Store", "Fixtures");
    private readonly StoreTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public void Every_save_that_changes_the_store_is_one_generation_more_and_a_save_that_changes_nothing_is_none()
    {
        _kit.SaveSample();
        Assert.Equal(1, Generation());

        using (var store = SecretStore.Open(_kit.Paths, _kit.Key))
        {
            Assert.Equal(1, store.Generation);
            Assert.False(store.Save());
            store.Set("API_KEY", "another value", SecretSource.External, StoreTestKit.Now, null);
            Assert.True(store.Save());
            Assert.Equal(2, store.Generation);
            store.AddKey(StoreTestKit.NewKey("second"));
            Assert.True(store.Save());
            Assert.Equal(3, store.Generation);
            Assert.False(store.Save());
        }

        Assert.Equal(3, Generation());
        using var reopened = SecretStore.Open(_kit.Paths, _kit.Key);
        Assert.Equal(3, reopened.Generation);
    }

    [Fact]
    public void A_store_without_a_generation_opens_as_generation_0_and_gets_generation_1_with_its_next_change()
    {
        var key = new RawKey([.. Enumerable.Range(1, 32).Select(i => (byte)i)], "fixture");
        Directory.CreateDirectory(_kit.Paths.SecretsDirectory);
        File.Copy(Path.Combine(FixtureDirectory, "serializer-store.json"), _kit.Paths.StorePath);
        File.Copy(Path.Combine(FixtureDirectory, "serializer-store.metadata"), _kit.Paths.MetadataPath);

        using (var store = SecretStore.Open(_kit.Paths, key, StoreTestKit.FastKdf))
        {
            Assert.Equal(0, store.Generation);
            store.Set("API_KEY", "a new value", SecretSource.External, StoreTestKit.Now, null);
            Assert.True(store.Save());
        }

        Assert.Equal(1, Generation());
        using var reopened = SecretStore.Open(_kit.Paths, key, StoreTestKit.FastKdf);
        Assert.Equal(1, reopened.Generation);
        Assert.Equal("a new value", reopened.Reveal("API_KEY"));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(100)]
    public void A_generation_edited_without_the_data_key_breaks_the_store_mac(int claimed)
    {
        var values = _kit.SaveSample();
        StoreTestKit.EditJson(_kit.Paths.StorePath, json => json["generation"] = claimed);

        _kit.AssertOpenFails(DiagnosticCodes.StoreMacMismatch, values.Values);
    }

    [Fact]
    public void Removing_the_generation_to_pass_for_an_older_store_breaks_the_store_mac()
    {
        var values = _kit.SaveSample();
        StoreTestKit.EditJson(_kit.Paths.StorePath, json => json.AsObject().Remove("generation"));

        _kit.AssertOpenFails(DiagnosticCodes.StoreMacMismatch, values.Values);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("\"3\"")]
    [InlineData("1.5")]
    public void A_generation_that_is_not_a_count_is_a_structure_error(string json)
    {
        var values = _kit.SaveSample();
        StoreTestKit.EditJson(_kit.Paths.StorePath, node => node["generation"] = JsonNode.Parse(json));

        _kit.AssertOpenFails(DiagnosticCodes.BadStructure, values.Values);
    }

    [Fact]
    public void A_retired_key_entry_removed_without_the_data_key_breaks_the_store_mac()
    {
        var values = _kit.SaveSample();
        var next = StoreTestKit.NewKey("next");
        using (var store = SecretStore.Open(_kit.Paths, _kit.Key))
        {
            store.ReplaceDataKey([next], StoreTestKit.Now, StoreSecurity.Default);
            store.Save();
        }

        StoreTestKit.EditJson(_kit.Paths.StorePath, json => json.AsObject().Remove("retiredKeys"));

        _kit.AssertOpenFails(DiagnosticCodes.StoreMacMismatch, values.Values, next);
    }

    [Fact]
    public void More_passphrase_entries_than_the_cap_are_refused_before_any_derivation()
    {
        var values = _kit.SaveSample();
        StoreTestKit.EditJson(_kit.Paths.StorePath, json =>
        {
            var keys = json["keys"]!.AsArray();
            for (var i = 0; i <= Argon2Parameters.MaxPassphraseEntries; i++)
            {
                keys.Insert(0, PassphraseEntry(Argon2Parameters.Default.MemoryKiB, Argon2Parameters.Default.Iterations));
            }
        });

        var ex = _kit.AssertOpenFails(DiagnosticCodes.WeakKeyDerivation, values.Values, new PassphraseKey("guess", "test"));
        Assert.Contains($"more than {Argon2Parameters.MaxPassphraseEntries} passphrase entries", ex.Message);
    }

    [Fact]
    public void Passphrase_entries_that_together_ask_for_more_work_than_one_build_allows_are_refused_before_any_derivation()
    {
        var values = _kit.SaveSample();
        // Each within the bounds of one entry; two of them at the maximum are twice the budget.
        StoreTestKit.EditJson(_kit.Paths.StorePath, json =>
        {
            var keys = json["keys"]!.AsArray();
            keys.Insert(0, PassphraseEntry(Argon2Parameters.MaxMemoryKiB, Argon2Parameters.MaxIterations));
            keys.Insert(0, PassphraseEntry(Argon2Parameters.MaxMemoryKiB, Argon2Parameters.MaxIterations));
        });

        var ex = _kit.AssertOpenFails(DiagnosticCodes.WeakKeyDerivation, values.Values, new PassphraseKey("guess", "test"));
        Assert.Contains("KiB-passes", ex.Message);
    }

    [Fact]
    public void The_issue_s_one_gibibyte_sixty_four_pass_entry_is_out_of_bounds_even_for_a_raw_key()
    {
        var values = _kit.SaveSample();
        StoreTestKit.EditJson(_kit.Paths.StorePath, json => json["keys"]!.AsArray().Insert(0, PassphraseEntry(1024 * 1024, 64)));

        _kit.AssertOpenFails(DiagnosticCodes.WeakKeyDerivation, values.Values);
    }

    private static JsonNode PassphraseEntry(int memoryKiB, int iterations) => new JsonObject
    {
        ["kind"] = "passphrase",
        ["keyId"] = "0011223344556677",
        ["salt"] = Convert.ToBase64String(new byte[PassphraseKdf.SaltSize]),
        ["argon2id"] = new JsonObject { ["memoryKiB"] = memoryKiB, ["iterations"] = iterations, ["parallelism"] = 1 },
        ["nonce"] = Convert.ToBase64String(new byte[AesGcm256.NonceSize]),
        ["wrappedKey"] = Convert.ToBase64String(new byte[48]),
    };

    private int Generation() => (int)StoreTestKit.ReadJson(_kit.Paths.StorePath)["generation"]!;
}
