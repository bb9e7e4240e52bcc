using System.Text;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Schema;
using Secrets.Build.Core.Schema.Json;

namespace Secrets.Build.Generator.Tests.Schema;

/// <summary>
/// The schema reader's fast paths (the generator's own copy of Core's Schema sources): positions
/// after non-ASCII text, escaped field names, shared field names and nested containers.
/// </summary>
public sealed class SchemaReaderTests
{
    [Theory]
    [InlineData("Plain ASCII description")]
    [InlineData("Clé 🔑 ünïcode, then more")]
    public void Positions_count_characters_not_bytes(string description)
    {
        var text = "{\n  \"version\": 1,\n  \"project\": \"app\",\n  \"secrets\": {\n" +
            $"    \"A_KEY\": {{ \"description\": \"{description}\", \"category\": \"nope\" }}\n  }}\n}}\n";

        var diagnostic = Assert.Single(SchemaParser.Parse(text, "secrets.schema.json").Diagnostics);

        var line = text.Split('\n')[4];
        Assert.Equal(DiagnosticCodes.SchemaUnknownCategory, diagnostic.Code);
        Assert.Equal(5, diagnostic.Location!.Line);
        Assert.Equal(line.IndexOf("\"nope\"", StringComparison.Ordinal) + 1, diagnostic.Location.Column);
        Assert.Equal(text.IndexOf("\"nope\"", StringComparison.Ordinal), diagnostic.Location.Offset);
        Assert.Equal(6, diagnostic.Location.Length);
    }

    [Fact]
    public void Escaped_field_names_are_read_like_plain_ones()
    {
        const string text = """
            { "version": 1, "project": "app", "secrets": {
              "A_KEY": { "\u0063ategory": "api_keys", "\u0062ogus": 1 } } }
            """;

        var diagnostic = Assert.Single(SchemaParser.Parse(text, "secrets.schema.json").Diagnostics);

        Assert.Equal(DiagnosticCodes.SchemaUnknownField, diagnostic.Code);
        Assert.StartsWith("Unknown field 'bogus' in secret 'A_KEY'.", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_containers_keep_their_own_members_in_order()
    {
        var root = JsonTreeReader.Read(Encoding.UTF8.GetBytes("""{ "a": [1, [2, 3], { "b": 4, "c": [5] }, []], "d": {} , "e": 6 }"""));

        Assert.Equal(new[] { "a", "d", "e" }, root.Properties.Select(p => p.Name));
        var a = root.Properties[0].Value.Items;
        Assert.Equal(4, a.Length);
        Assert.Equal("1", a[0].Text);
        Assert.Equal(new[] { "2", "3" }, a[1].Items.Select(i => i.Text));
        Assert.Equal(new[] { "b", "c" }, a[2].Properties.Select(p => p.Name));
        Assert.Equal("5", Assert.Single(a[2].Properties[1].Value.Items).Text);
        Assert.Empty(a[3].Items);
        Assert.Empty(root.Properties[1].Value.Properties);
        Assert.Equal("6", root.Properties[2].Value.Text);
    }

    // Core's NameConventionsTests cover ordinary names; these are the edges of the ASCII shortcut.
    [Theory]
    [InlineData("__A__B_", "AB")]
    [InlineData("ÉTÉ_X", "ÉtéX")]
    [InlineData("", "")]
    public void Property_names_from_ascii_and_other_names(string name, string expected) =>
        Assert.Equal(expected, NameConventions.ToPropertyName(name));
}
