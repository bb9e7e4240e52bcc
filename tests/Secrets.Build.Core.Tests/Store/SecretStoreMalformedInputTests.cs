using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Tests.Store;

/// <summary>Odd but well-formed JSON never escapes as anything but a SECB error.</summary>
public sealed class SecretStoreMalformedInputTests : IDisposable
{
    private readonly StoreTestKit _kit = new();
    private readonly Dictionary<string, string> _values;

    public SecretStoreMalformedInputTests() => _values = _kit.SaveSample();

    public void Dispose() => _kit.Dispose();

    [Theory]
    [InlineData("\"secrets\": {", "\"secrets\": null, \"x\": {")]
    [InlineData("\"keys\": [", "\"keys\": 5, \"y\": [")]
    [InlineData("\"formatVersion\": 1", "\"formatVersion\": \"1\"")]
    [InlineData("\"formatVersion\": 1", "\"formatVersion\": 1.5")]
    [InlineData("\"version\": 1", "\"version\": 99999999999")]
    [InlineData("\"version\": 1", "\"version\": null")]
    [InlineData("\"storeId\": \"", "\"storeId\": \"ABC")]
    public void Wrong_types_and_values_are_structure_errors(string find, string replace)
    {
        var text = File.ReadAllText(_kit.Paths.StorePath);
        var index = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(index >= 0);
        File.WriteAllText(_kit.Paths.StorePath, text[..index] + replace + text[(index + find.Length)..]);

        var ex = Assert.Throws<SecretsException>(() => Core.Store.SecretStore.Open(_kit.Paths, _kit.Key));

        Assert.Contains(ex.Code, new[] { DiagnosticCodes.BadStructure, DiagnosticCodes.FileNotJson });
        foreach (var value in _values.Values)
        {
            Assert.DoesNotContain(value, ex.Message);
        }
    }

    [Fact]
    public void A_duplicated_secret_name_is_a_SECB_error()
    {
        var text = File.ReadAllText(_kit.Paths.StorePath);
        var start = text.IndexOf("\"API_KEY\": {", StringComparison.Ordinal);
        var end = text.IndexOf('}', start) + 1;
        var entry = text[start..end];
        File.WriteAllText(_kit.Paths.StorePath, text[..end] + ",\n    " + entry + text[end..]);

        var ex = Assert.Throws<SecretsException>(() => Core.Store.SecretStore.Open(_kit.Paths, _kit.Key));

        Assert.Equal(DiagnosticCodes.BadStructure, ex.Code);
        Assert.Contains("API_KEY", ex.Message);
    }
}
