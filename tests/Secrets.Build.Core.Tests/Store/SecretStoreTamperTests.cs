using System.Text.Json.Nodes;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Store;

/// <summary>Every way a committed store can be damaged or attacked is refused with its own code.</summary>
public sealed class SecretStoreTamperTests : IDisposable
{
    private readonly StoreTestKit _kit = new();
    private readonly Dictionary<string, string> _values;

    public SecretStoreTamperTests() => _values = _kit.SaveSample();

    public void Dispose() => _kit.Dispose();

    private string StorePath => _kit.Paths.StorePath;

    private string MetadataPath => _kit.Paths.MetadataPath;

    private SecretsException Fails(string code, KeyMaterial? key = null) => _kit.AssertOpenFails(code, _values.Values, key);

    [Fact]
    public void Flipping_one_ciphertext_byte_names_the_secret()
    {
        StoreTestKit.EditJson(StorePath, json =>
        {
            var entry = json["secrets"]!["POSTGRES_PASSWORD"]!;
            var bytes = Convert.FromBase64String((string)entry["ciphertext"]!);
            bytes[3] ^= 0x01;
            entry["ciphertext"] = Convert.ToBase64String(bytes);
        });

        var ex = Fails(DiagnosticCodes.ValueTampered);

        Assert.Contains("POSTGRES_PASSWORD", ex.Message);
    }

    [Fact]
    public void Swapping_two_values_is_detected()
    {
        StoreTestKit.EditJson(StorePath, json =>
        {
            var a = json["secrets"]!["API_KEY"]!;
            var b = json["secrets"]!["REDIS_PASSWORD"]!;
            (a["nonce"], b["nonce"]) = ((string)b["nonce"]!, (string)a["nonce"]!);
            (a["ciphertext"], b["ciphertext"]) = ((string)b["ciphertext"]!, (string)a["ciphertext"]!);
        });

        Fails(DiagnosticCodes.ValueTampered);
    }

    [Fact]
    public void A_ciphertext_moved_from_another_environment_is_detected_even_with_the_same_key()
    {
        var staging = _kit.PathsFor("staging");
        _kit.SaveSample(staging, _kit.Key);
        var foreign = StoreTestKit.ReadJson(staging.StorePath)["secrets"]!["API_KEY"]!;

        StoreTestKit.EditJson(StorePath, json => json["secrets"]!["API_KEY"] = foreign.DeepClone());

        var ex = Fails(DiagnosticCodes.ValueTampered);
        Assert.Contains("API_KEY", ex.Message);
    }

    [Fact]
    public void A_whole_store_copied_to_another_environment_is_refused()
    {
        var staging = _kit.PathsFor("staging");
        File.Copy(StorePath, staging.StorePath);
        File.Copy(MetadataPath, staging.MetadataPath);

        var ex = _kit.AssertOpenFails(DiagnosticCodes.StoreMismatch, _values.Values, paths: staging);

        Assert.Contains("development", ex.Message);
    }

    [Fact]
    public void Deleting_an_entry_from_store_and_metadata_breaks_the_mac()
    {
        StoreTestKit.EditJson(StorePath, json => json["secrets"]!.AsObject().Remove("REDIS_PASSWORD"));
        StoreTestKit.EditJson(MetadataPath, json => json["secrets"]!.AsObject().Remove("REDIS_PASSWORD"));

        Fails(DiagnosticCodes.StoreMacMismatch);
    }

    [Fact]
    public void Deleting_an_entry_from_the_store_only_breaks_the_mac()
    {
        StoreTestKit.EditJson(StorePath, json => json["secrets"]!.AsObject().Remove("API_KEY"));

        Fails(DiagnosticCodes.StoreMacMismatch);
    }

    [Fact]
    public void Rolling_one_entry_back_to_an_older_version_breaks_the_mac()
    {
        var old = StoreTestKit.ReadJson(StorePath)["secrets"]!["API_KEY"]!.DeepClone();
        var oldMetadata = StoreTestKit.ReadJson(MetadataPath)["secrets"]!["API_KEY"]!.DeepClone();
        using (var store = SecretStore.Open(_kit.Paths, _kit.Key))
        {
            store.Set("API_KEY", "sk-new", SecretSource.Generated, StoreTestKit.Now.AddDays(1), null);
            store.Save();
        }

        // Old version, nonce and ciphertext decrypt fine on their own (the AAD carries the old
        // version); only the MAC knows the store moved on.
        StoreTestKit.EditJson(StorePath, json => json["secrets"]!["API_KEY"] = old);
        StoreTestKit.EditJson(MetadataPath, json => json["secrets"]!["API_KEY"] = oldMetadata);

        _kit.AssertOpenFails(DiagnosticCodes.StoreMacMismatch, [.. _values.Values, "sk-new"]);
    }

    [Fact]
    public void Editing_a_rotation_date_in_the_metadata_breaks_the_mac()
    {
        StoreTestKit.EditJson(MetadataPath, json => json["secrets"]!["POSTGRES_PASSWORD"]!["nextRotation"] = "2099-01-01T00:00:00Z");

        Fails(DiagnosticCodes.StoreMacMismatch);
    }

    [Fact]
    public void Editing_the_source_in_the_metadata_breaks_the_mac()
    {
        StoreTestKit.EditJson(MetadataPath, json => json["secrets"]!["API_KEY"]!["source"] = "external");

        Fails(DiagnosticCodes.StoreMacMismatch);
    }

    [Fact]
    public void A_date_that_is_not_iso_8601_utc_is_a_structure_error()
    {
        StoreTestKit.EditJson(MetadataPath, json => json["secrets"]!["API_KEY"]!["createdAt"] = "01/03/2026");

        var ex = Fails(DiagnosticCodes.BadStructure);

        Assert.Equal(MetadataPath, ex.Diagnostics[0].Location!.File);
        Assert.Contains("API_KEY", ex.Message);
    }

    [Fact]
    public void Editing_the_mac_itself_is_detected()
    {
        StoreTestKit.EditJson(StorePath, json => json["mac"] = Convert.ToBase64String(new byte[32]));

        Fails(DiagnosticCodes.StoreMacMismatch);
    }

    [Fact]
    public void A_wrong_key_names_the_key_given_the_key_needed_and_the_file()
    {
        var wrong = StoreTestKit.NewKey("environment variable SECRETS_BUILD_KEY_DEVELOPMENT");

        var ex = Fails(DiagnosticCodes.WrongKey, wrong);

        Assert.Contains(wrong.Id, ex.Message);
        Assert.Contains(_kit.Key.Id, ex.Message);
        Assert.Contains(StorePath, ex.Message);
        Assert.Contains("SECRETS_BUILD_KEY_DEVELOPMENT", ex.Message);
    }

    [Fact]
    public void A_passphrase_for_a_raw_key_store_is_a_wrong_key_error()
    {
        var ex = Fails(DiagnosticCodes.WrongKey, new PassphraseKey("some passphrase", "test"));

        Assert.Contains(_kit.Key.Id, ex.Message);
        Assert.DoesNotContain("some passphrase", ex.Message);
    }

    [Fact]
    public void A_tampered_wrapped_data_key_is_detected()
    {
        StoreTestKit.EditJson(StorePath, json =>
        {
            var entry = json["keys"]![0]!;
            var bytes = Convert.FromBase64String((string)entry["wrappedKey"]!);
            bytes[0] ^= 0x80;
            entry["wrappedKey"] = Convert.ToBase64String(bytes);
        });

        Fails(DiagnosticCodes.ValueTampered);
    }

    [Fact]
    public void An_unknown_format_version_is_refused_with_the_update_fix()
    {
        StoreTestKit.EditJson(StorePath, json => json["formatVersion"] = 2);

        var ex = Fails(DiagnosticCodes.UnknownFormatVersion);

        Assert.Contains("version 2", ex.Message);
        Assert.Contains("Update", ex.Diagnostics[0].Fix);
    }

    [Fact]
    public void A_json_file_of_another_kind_is_refused()
    {
        File.WriteAllText(StorePath, """{ "name": "package.json?" }""");

        Fails(DiagnosticCodes.NotAStoreFile);
    }

    [Fact]
    public void Corrupt_json_is_reported_with_its_line()
    {
        var lines = File.ReadAllLines(StorePath).ToList();
        lines.Insert(4, "<<<<<<< HEAD");
        File.WriteAllLines(StorePath, lines);

        var ex = Fails(DiagnosticCodes.FileNotJson);

        Assert.Equal(5, ex.Diagnostics[0].Location!.Line);
        Assert.Contains("conflict", ex.Diagnostics[0].Fix);
    }

    [Fact]
    public void Text_after_the_closing_brace_is_not_json()
    {
        File.AppendAllText(StorePath, "}\n");

        Fails(DiagnosticCodes.FileNotJson);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(-2)]
    public void A_truncated_store_is_reported_as_truncated(int keep)
    {
        var bytes = File.ReadAllBytes(StorePath);
        var length = keep >= 0 ? keep : bytes.Length + keep;
        File.WriteAllBytes(StorePath, bytes[..length]);

        Fails(DiagnosticCodes.FileTruncated);
    }

    [Fact]
    public void A_truncated_metadata_file_is_reported_with_its_path()
    {
        var bytes = File.ReadAllBytes(MetadataPath);
        File.WriteAllBytes(MetadataPath, bytes[..(bytes.Length / 2)]);

        var ex = Fails(DiagnosticCodes.FileTruncated);

        Assert.Equal(MetadataPath, ex.Diagnostics[0].Location!.File);
    }

    [Fact]
    public void Bad_base64_names_the_field()
    {
        StoreTestKit.EditJson(StorePath, json => json["secrets"]!["REDIS_PASSWORD"]!["nonce"] = "not*base64!");

        var ex = Fails(DiagnosticCodes.BadEncoding);

        Assert.Contains("secrets.REDIS_PASSWORD.nonce", ex.Message);
    }

    [Fact]
    public void A_nonce_of_the_wrong_length_is_bad_encoding()
    {
        StoreTestKit.EditJson(StorePath, json => json["secrets"]!["REDIS_PASSWORD"]!["nonce"] = Convert.ToBase64String(new byte[8]));

        Fails(DiagnosticCodes.BadEncoding);
    }

    [Fact]
    public void An_unknown_field_in_an_entry_is_a_structure_error()
    {
        StoreTestKit.EditJson(StorePath, json => json["secrets"]!["API_KEY"]!["plaintext"] = "oops");

        Fails(DiagnosticCodes.BadStructure);
    }

    [Fact]
    public void A_missing_field_is_a_structure_error()
    {
        StoreTestKit.EditJson(StorePath, json => json["secrets"]!["API_KEY"]!.AsObject().Remove("version"));

        Fails(DiagnosticCodes.BadStructure);
    }

    [Fact]
    public void Metadata_of_another_store_is_refused()
    {
        var other = _kit.PathsFor("other");
        _kit.SaveSample(other);
        StoreTestKit.EditJson(MetadataPath, json => json["storeId"] = (string?)StoreTestKit.ReadJson(other.StorePath)["storeId"]);

        Fails(DiagnosticCodes.StoreMismatch);
    }

    [Fact]
    public void A_missing_metadata_file_is_its_own_error()
    {
        File.Delete(MetadataPath);

        var ex = Fails(DiagnosticCodes.MetadataNotFound);

        Assert.Equal(MetadataPath, ex.Diagnostics[0].Location!.File);
    }

    [Fact]
    public void A_missing_store_is_its_own_error()
    {
        File.Delete(StorePath);

        Fails(DiagnosticCodes.StoreNotFound);
    }

    [Fact]
    public void A_huge_file_is_refused_before_it_is_read()
    {
        using (var stream = File.OpenWrite(StorePath))
        {
            stream.SetLength(65L * 1024 * 1024);
        }

        Fails(DiagnosticCodes.FileTooLarge);
    }
}
