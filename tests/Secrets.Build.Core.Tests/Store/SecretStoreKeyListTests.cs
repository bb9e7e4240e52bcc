using System.Text.Json.Nodes;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Store;

/// <summary>The data key is one entry of a list: several keys open one store.</summary>
public sealed class SecretStoreKeyListTests : IDisposable
{
    private readonly StoreTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public void A_passphrase_added_to_a_key_store_opens_it_and_so_does_the_key()
    {
        var values = _kit.SaveSample();
        var passphrase = new PassphraseKey("team passphrase", "test");
        using (var store = SecretStore.Open(_kit.Paths, _kit.Key))
        {
            Assert.True(store.AddKey(passphrase, StoreTestKit.FastKdf));
            Assert.False(store.AddKey(passphrase, StoreTestKit.FastKdf));
            Assert.False(store.AddKey(_kit.Key));
            store.Save();
        }

        using var byPassphrase = SecretStore.Open(_kit.Paths, passphrase, StoreTestKit.FastKdf);
        using var byKey = SecretStore.Open(_kit.Paths, _kit.Key);
        Assert.Equal(values["API_KEY"], byPassphrase.Reveal("API_KEY"));
        Assert.Equal(values["API_KEY"], byKey.Reveal("API_KEY"));
        Assert.Equal(2, byKey.KeyIds.Count);
    }

    [Fact]
    public void Adding_a_key_does_not_touch_any_value()
    {
        _kit.SaveSample();
        var secretsBefore = StoreTestKit.ReadJson(_kit.Paths.StorePath)["secrets"]!.ToJsonString();

        using (var store = SecretStore.Open(_kit.Paths, _kit.Key))
        {
            store.AddKey(StoreTestKit.NewKey("second"));
            store.Save();
        }

        Assert.Equal(secretsBefore, StoreTestKit.ReadJson(_kit.Paths.StorePath)["secrets"]!.ToJsonString());
    }

    [Fact]
    public void The_wrong_key_error_lists_every_key_that_would_open_the_store()
    {
        var values = _kit.SaveSample();
        var second = StoreTestKit.NewKey("second");
        using (var store = SecretStore.Open(_kit.Paths, _kit.Key))
        {
            store.AddKey(second);
            store.Save();
        }

        var ex = _kit.AssertOpenFails(DiagnosticCodes.WrongKey, values.Values, StoreTestKit.NewKey("stranger"));

        Assert.Contains(_kit.Key.Id, ex.Message);
        Assert.Contains(second.Id, ex.Message);
    }

    [Fact]
    public void An_entry_of_a_kind_from_a_newer_version_is_skipped_and_kept_on_save()
    {
        _kit.SaveSample();
        var recipient = JsonNode.Parse("""{ "kind": "x25519", "keyId": "00112233aabbccdd", "ephemeralPublicKey": "AAEC", "wrappedKey": "AAEC" }""")!;
        // A newer version seals its entries under the store MAC like every other.
        StoreTestKit.EditSealed(_kit.Paths, _kit.Key, json => json["keys"]!.AsArray().Insert(0, recipient.DeepClone()));

        using (var store = SecretStore.Open(_kit.Paths, _kit.Key))
        {
            store.Set("NEW", "v", SecretSource.Generated, StoreTestKit.Now, null);
            store.Save();
        }

        var kept = StoreTestKit.ReadJson(_kit.Paths.StorePath)["keys"]![0]!;
        Assert.True(JsonNode.DeepEquals(recipient, kept));
    }

    [Fact]
    public void An_entry_inserted_without_the_data_key_breaks_the_store_mac()
    {
        var values = _kit.SaveSample();
        var recipient = JsonNode.Parse("""{ "kind": "x25519", "keyId": "00112233aabbccdd", "ephemeralPublicKey": "AAEC", "wrappedKey": "AAEC" }""")!;
        StoreTestKit.EditJson(_kit.Paths.StorePath, json => json["keys"]!.AsArray().Insert(0, recipient));

        _kit.AssertOpenFails(DiagnosticCodes.StoreMacMismatch, values.Values);
    }

    [Fact]
    public void A_removed_key_entry_breaks_the_store_mac()
    {
        var values = _kit.SaveSample();
        using (var store = SecretStore.Open(_kit.Paths, _kit.Key))
        {
            store.AddKey(StoreTestKit.NewKey("second"));
            store.Save();
        }

        StoreTestKit.EditJson(_kit.Paths.StorePath, json => json["keys"]!.AsArray().RemoveAt(1));

        _kit.AssertOpenFails(DiagnosticCodes.StoreMacMismatch, values.Values);
    }
}
