using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Tests.Store;

/// <summary>
/// Each shape error the store and metadata readers report, with the JSON path in the message
/// and the line and column of the offending token; and which error wins when a file has several.
/// </summary>
public sealed class StoreFileShapeTests : IDisposable
{
    private readonly StoreTestKit _kit = new();
    private readonly Dictionary<string, string> _values;

    public StoreFileShapeTests() => _values = _kit.SaveSample();

    public void Dispose() => _kit.Dispose();

    private string StorePath => _kit.Paths.StorePath;

    private string MetadataPath => _kit.Paths.MetadataPath;

    [Theory]
    [InlineData("\"nonce\": \"", "\"nonce\": 5, \"x\": \"", "keys[0].nonce must be a string or null, not a number")]
    [InlineData("\"ciphertext\": \"", "\"ciphertext\": null, \"x\": \"", "secrets.API_KEY.ciphertext must be a string, not null")]
    [InlineData("\"version\": 1", "\"version\": 1.5", "secrets.API_KEY.version must be a whole number")]
    [InlineData("\"version\": 1", "\"version\": true", "secrets.API_KEY.version must be a whole number that fits in 32 bits, not true or false")]
    [InlineData("\"version\": 1", "\"version\": 1, \"plaintext\": \"x\"", "secrets.API_KEY.plaintext is not a field this format version has")]
    [InlineData("\"API_KEY\": {", "\"API_KEY\": [], \"X\": {", "secrets.API_KEY must be an object, not an array")]
    [InlineData("\"keys\": [", "\"keys\": [ 7 ], \"y\": [", "keys[0] must be an object, not a number")]
    [InlineData("\"kind\": \"key\"", "\"kind\": [\"key\"]", "keys[0].kind must be a string, not an array")]
    [InlineData("\"mac\": ", "\"stamp\": 1, \"mac\": ", "stamp is not a field this format version has")]
    public void A_store_of_the_wrong_shape_names_the_field_and_its_line(string find, string replace, string expected)
    {
        var line = Replace(StorePath, find, replace);

        var ex = _kit.AssertOpenFails(DiagnosticCodes.BadStructure, _values.Values);

        Assert.Contains(expected, ex.Message);
        Assert.Equal(line, ex.Diagnostics[0].Location!.Line);
        Assert.True(ex.Diagnostics[0].Location!.Column > 1);
    }

    [Theory]
    [InlineData("\"source\": \"generated\"", "\"source\": 3", "secrets.API_KEY.source must be a string, not a number")]
    [InlineData("\"createdAt\": ", "\"colour\": \"red\", \"createdAt\": ", "secrets.API_KEY.colour is not a field this format version has")]
    [InlineData("\"secrets\": {", "\"secrets\": [], \"x\": {", "secrets must be an object, not an array")]
    public void Metadata_of_the_wrong_shape_names_the_field_and_its_line(string find, string replace, string expected)
    {
        var line = Replace(MetadataPath, find, replace);

        var ex = _kit.AssertOpenFails(DiagnosticCodes.BadStructure, _values.Values);

        Assert.Equal(MetadataPath, ex.Diagnostics[0].Location!.File);
        Assert.Contains(expected, ex.Message);
        Assert.Equal(line, ex.Diagnostics[0].Location!.Line);
    }

    [Fact]
    public void A_member_named_twice_is_reported_where_it_appears_the_second_time()
    {
        var line = Replace(StorePath, "\"version\": 1", "\"version\": 1, \"nonce\": \"AAAAAAAAAAAAAAAA\"");

        var ex = _kit.AssertOpenFails(DiagnosticCodes.BadStructure, _values.Values);

        Assert.Contains("the property \"nonce\" appears twice in one object", ex.Message);
        Assert.Equal(line + 1, ex.Diagnostics[0].Location!.Line);
    }

    [Fact]
    public void A_missing_member_is_named_with_its_path_at_the_end_of_its_object()
    {
        StoreTestKit.EditJson(MetadataPath, json => json["secrets"]!["REDIS_PASSWORD"]!.AsObject().Remove("nextRotation"));

        var ex = _kit.AssertOpenFails(DiagnosticCodes.BadStructure, _values.Values);

        Assert.Contains("secrets.REDIS_PASSWORD.nextRotation is missing", ex.Message);
        Assert.True(ex.Diagnostics[0].Location!.Line > 0);
    }

    [Fact]
    public void A_missing_top_level_member_is_named()
    {
        StoreTestKit.EditJson(StorePath, json => json.AsObject().Remove("mac"));

        var ex = _kit.AssertOpenFails(DiagnosticCodes.BadStructure, _values.Values);

        Assert.Contains("well-formed Secrets.Build file: mac is missing.", ex.Message);
    }

    [Fact]
    public void A_syntax_error_after_a_shape_error_is_reported_first_as_before()
    {
        Replace(StorePath, "\"nonce\": \"", "\"nonce\": 5, \"x\": \"");
        File.AppendAllText(StorePath, "<<<<<<< HEAD\n");

        _kit.AssertOpenFails(DiagnosticCodes.FileNotJson, _values.Values);
    }

    [Fact]
    public void A_foreign_marker_after_a_shape_error_is_reported_first_as_before()
    {
        Replace(StorePath, "\"nonce\": \"", "\"nonce\": 5, \"x\": \"");
        Replace(StorePath, "\"secrets-build-store\"", "\"someone-elses-file\"");

        _kit.AssertOpenFails(DiagnosticCodes.NotAStoreFile, _values.Values);
    }

    [Fact]
    public void A_duplicate_name_after_a_shape_error_is_not_reported_before_it()
    {
        // The shape error comes first in the file, the repeated member later: as before, the
        // check for repeated members (a whole-file syntax check) wins over any shape error.
        Replace(StorePath, "\"nonce\": \"", "\"nonce\": 5, \"x\": \"");
        Replace(StorePath, "\"mac\": ", "\"storeId\": \"0\", \"mac\": ");

        var ex = _kit.AssertOpenFails(DiagnosticCodes.BadStructure, _values.Values);

        Assert.Contains("\"storeId\" appears twice", ex.Message);
    }

    // Replaces the first occurrence and returns its 1-based line.
    private static int Replace(string path, string find, string replace)
    {
        var text = File.ReadAllText(path);
        var index = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{find}' is not in {path}");
        File.WriteAllText(path, text[..index] + replace + text[(index + find.Length)..]);
        return text[..index].Count(c => c == '\n') + 1;
    }
}
