using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Store;

/// <summary>Stable diffs and crash safety of <see cref="SecretStore.Save()"/>.</summary>
public sealed class SecretStoreSaveTests : IDisposable
{
    private readonly StoreTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public void Opening_and_saving_without_changes_writes_nothing_and_keeps_every_byte()
    {
        _kit.SaveSample();
        var store = File.ReadAllBytes(_kit.Paths.StorePath);
        var metadata = File.ReadAllBytes(_kit.Paths.MetadataPath);
        var past = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(_kit.Paths.StorePath, past);

        using (var reopened = SecretStore.Open(_kit.Paths, _kit.Key))
        {
            Assert.False(reopened.Save());
        }

        Assert.Equal(store, File.ReadAllBytes(_kit.Paths.StorePath));
        Assert.Equal(metadata, File.ReadAllBytes(_kit.Paths.MetadataPath));
        Assert.Equal(past, File.GetLastWriteTimeUtc(_kit.Paths.StorePath));
    }

    [Fact]
    public void Changing_one_value_leaves_every_other_line_byte_identical()
    {
        _kit.SaveSample();
        var before = File.ReadAllLines(_kit.Paths.StorePath);
        var beforeMetadata = File.ReadAllLines(_kit.Paths.MetadataPath);
        var changedEntry = StoreTestKit.ReadJson(_kit.Paths.StorePath)["secrets"]!["POSTGRES_PASSWORD"]!;
        var oldNonce = (string)changedEntry["nonce"]!;
        var oldCiphertext = (string)changedEntry["ciphertext"]!;

        using (var store = SecretStore.Open(_kit.Paths, _kit.Key))
        {
            store.Set("POSTGRES_PASSWORD", "a new value", SecretSource.External, StoreTestKit.Now.AddDays(1), null);
            Assert.True(store.Save());
        }

        var after = File.ReadAllLines(_kit.Paths.StorePath);
        var gone = before.Except(after).ToList();
        // Only the generation and MAC lines and the changed secret's nonce and ciphertext lines are
        // gone from their places; the old nonce and ciphertext live on verbatim under "retired".
        Assert.Equal(4, gone.Count);
        Assert.All(gone, line => Assert.True(
            line.Contains("\"mac\"", StringComparison.Ordinal) || line.Contains("\"generation\": 1,", StringComparison.Ordinal) || line.Contains(oldNonce, StringComparison.Ordinal) || line.Contains(oldCiphertext, StringComparison.Ordinal),
            $"unexpected changed line: {line}"));
        Assert.Contains(after, line => line.Contains(oldNonce, StringComparison.Ordinal));
        Assert.Contains(after, line => line.Contains(oldCiphertext, StringComparison.Ordinal));
        var afterJson = StoreTestKit.ReadJson(_kit.Paths.StorePath)["secrets"]!;
        Assert.NotEqual(oldNonce, (string?)afterJson["POSTGRES_PASSWORD"]!["nonce"]);
        foreach (var untouched in new[] { "API_KEY", "REDIS_PASSWORD" })
        {
            var line = before.Single(l => l.Contains((string)afterJson[untouched]!["ciphertext"]!, StringComparison.Ordinal));
            Assert.Contains(line, after);
        }

        var metadataAfter = File.ReadAllLines(_kit.Paths.MetadataPath);
        var metadataGone = beforeMetadata.Except(metadataAfter).ToList();
        Assert.NotEmpty(metadataGone);
        Assert.DoesNotContain(metadataGone, line => line.Contains("API_KEY", StringComparison.Ordinal) || line.Contains("REDIS_PASSWORD", StringComparison.Ordinal));
        Assert.Equal(beforeMetadata.Length, metadataAfter.Length);
    }

    [Fact]
    public void Secrets_are_written_in_ordinal_name_order_whatever_the_insertion_order()
    {
        using (var store = SecretStore.Create(_kit.Paths, _kit.Key))
        {
            foreach (var name in new[] { "ZETA", "API_KEY", "APIKEY", "A_B", "AB" })
            {
                store.Set(name, "v", SecretSource.Generated, StoreTestKit.Now, null);
            }

            store.Save();
        }

        var names = StoreTestKit.ReadJson(_kit.Paths.StorePath)["secrets"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Equal(["AB", "APIKEY", "API_KEY", "A_B", "ZETA"], names);
    }

    [Fact]
    public void Files_use_lf_line_ends_and_end_with_a_newline()
    {
        _kit.SaveSample();

        foreach (var path in new[] { _kit.Paths.StorePath, _kit.Paths.MetadataPath })
        {
            var text = File.ReadAllText(path);
            Assert.DoesNotContain("\r", text);
            Assert.EndsWith("}\n", text);
        }
    }

    [Fact]
    public void A_crash_between_the_metadata_and_the_store_rename_is_finished_by_the_next_open()
    {
        _kit.SaveSample();
        using (var store = SecretStore.Open(_kit.Paths, _kit.Key))
        {
            store.Set("API_KEY", "sk-after-crash", SecretSource.Generated, StoreTestKit.Now.AddDays(1), null);
            Assert.Throws<InvalidOperationException>(() => store.Save(afterMetadata: () => throw new InvalidOperationException("simulated crash")));
        }

        Assert.True(File.Exists(_kit.Paths.PendingStorePath));

        using (var recovered = SecretStore.Open(_kit.Paths, _kit.Key))
        {
            Assert.Equal("sk-after-crash", recovered.Reveal("API_KEY"));
            Assert.Equal(2, recovered.GetMetadata("API_KEY").Version);
        }

        Assert.False(File.Exists(_kit.Paths.PendingStorePath));
        using var again = SecretStore.Open(_kit.Paths, _kit.Key);
        Assert.Equal("sk-after-crash", again.Reveal("API_KEY"));
    }

    [Fact]
    public void A_crash_during_the_very_first_save_is_finished_by_the_next_open()
    {
        using (var store = SecretStore.Create(_kit.Paths, _kit.Key))
        {
            store.Set("API_KEY", "first", SecretSource.Generated, StoreTestKit.Now, null);
            Assert.Throws<InvalidOperationException>(() => store.Save(afterMetadata: () => throw new InvalidOperationException("simulated crash")));
        }

        Assert.False(File.Exists(_kit.Paths.StorePath));

        using var recovered = SecretStore.OpenOrCreate(_kit.Paths, _kit.Key);
        Assert.Equal("first", recovered.Reveal("API_KEY"));
        Assert.True(File.Exists(_kit.Paths.StorePath));
    }

    [Fact]
    public void ReadHeader_after_a_crashed_first_save_reads_the_pending_store()
    {
        string storeId;
        using (var store = SecretStore.Create(_kit.Paths, _kit.Key))
        {
            storeId = store.StoreId;
            store.Set("API_KEY", "first", SecretSource.Generated, StoreTestKit.Now, null);
            Assert.Throws<InvalidOperationException>(() => store.Save(afterMetadata: () => throw new InvalidOperationException("simulated crash")));
        }

        Assert.True(SecretStore.Exists(_kit.Paths));
        var header = SecretStore.ReadHeader(_kit.Paths);

        Assert.Equal(storeId, header.StoreId);
        Assert.Equal(["key " + _kit.Key.Id], header.KeyIds);
    }

    [Fact]
    public void A_pending_file_without_metadata_is_no_store()
    {
        Directory.CreateDirectory(_kit.Paths.SecretsDirectory);
        File.WriteAllText(_kit.Paths.PendingStorePath, "{}");

        Assert.False(SecretStore.Exists(_kit.Paths));
    }

    [Fact]
    public void OpenOrCreate_creates_only_when_neither_file_exists()
    {
        using (var created = SecretStore.OpenOrCreate(_kit.Paths, _kit.Key))
        {
            Assert.Empty(created.Names);
            Assert.False(File.Exists(_kit.Paths.StorePath));
        }

        var values = _kit.SaveSample();
        using (var opened = SecretStore.OpenOrCreate(_kit.Paths, _kit.Key))
        {
            Assert.Equal(values["API_KEY"], opened.Reveal("API_KEY"));
        }

        File.Delete(_kit.Paths.StorePath);
        var ex = Assert.Throws<Core.Diagnostics.SecretsException>(() => SecretStore.OpenOrCreate(_kit.Paths, _kit.Key));
        Assert.Equal(Core.Diagnostics.DiagnosticCodes.StoreNotFound, ex.Code);
        Assert.Contains("restore", ex.Diagnostics[0].Fix);
        Assert.False(File.Exists(_kit.Paths.StorePath));
    }

    [Fact]
    public void A_leftover_pending_store_does_not_override_a_consistent_pair()
    {
        var values = _kit.SaveSample();
        var storeA = File.ReadAllBytes(_kit.Paths.StorePath);
        var metadataA = File.ReadAllBytes(_kit.Paths.MetadataPath);
        using (var store = SecretStore.Open(_kit.Paths, _kit.Key))
        {
            store.Set("API_KEY", "sk-never-committed", SecretSource.Generated, StoreTestKit.Now.AddDays(1), null);
            store.Save();
        }

        // A crash after writing the pending store but before replacing the metadata leaves
        // the old pair plus a newer pending store.
        File.Move(_kit.Paths.StorePath, _kit.Paths.PendingStorePath);
        File.WriteAllBytes(_kit.Paths.StorePath, storeA);
        File.WriteAllBytes(_kit.Paths.MetadataPath, metadataA);

        using var opened = SecretStore.Open(_kit.Paths, _kit.Key);
        Assert.Equal(values["API_KEY"], opened.Reveal("API_KEY"));
    }

    [Fact]
    public void A_pending_store_that_does_not_match_the_metadata_leaves_the_original_error()
    {
        _kit.SaveSample();
        StoreTestKit.EditJson(_kit.Paths.MetadataPath, json => json["secrets"]!["API_KEY"]!["source"] = "imported");
        File.WriteAllText(_kit.Paths.PendingStorePath, "{ truncated");

        _kit.AssertOpenFails(Core.Diagnostics.DiagnosticCodes.StoreMacMismatch, []);
    }
}
