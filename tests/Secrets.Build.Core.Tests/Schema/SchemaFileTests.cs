using System.Text;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Schema;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Tests.Schema;

/// <summary>
/// SchemaFile reads an all-ASCII file straight from its bytes and decodes anything else the way
/// File.ReadAllText does: both must give what parsing the file's text gives, positions included.
/// </summary>
public sealed class SchemaFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private const string Valid = """
        {
          "project": "app",
          // comments and trailing commas are allowed
          "secrets": {
            "DB_PASSWORD": { "description": "Café db", "category": "database_passwords", "services": ["db", "api",], },
            "API_KEY": { "category": "api_keys", "generate": { "kind": "token", "prefix": "sk-", "length": 48 } }
          }
        }
        """;

    private const string Broken = """
        {
          "project": "app",
          "secrets": {
            "DB_PASSWORD": { "category": "database_passwords", "lenght": 3 },
            "DB_PASSWORD": { "category": "nope" },
            "API_KEY": { "category": "api_keys" "type": "int" }
          }
        }
        """;

    public static TheoryData<string, string> Files => new()
    {
        { "ascii", Valid.Replace("Café", "Cafe") },
        { "ascii", Broken },
        { "ascii", Broken.Replace("\"type\": \"int\"", ", \"type\": \"int\"").Replace("\"type\"", "\"typo\"") },
        { "utf8", Valid },
        { "utf8-bom", Valid },
        { "utf16", Valid },
        { "utf8", Broken.Replace("app", "apé") },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Loading_a_file_equals_parsing_its_text(string encoding, string text)
    {
        var path = Path.Combine(_temp.Path, "secrets.schema.json");
        var bytes = encoding switch
        {
            "utf8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf16" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            _ => Encoding.UTF8.GetBytes(text),
        };
        File.WriteAllBytes(path, bytes);

        var loaded = SchemaFile.Load(path);
        var parsed = SchemaParser.Parse(text, path);

        Assert.Equal(Describe(parsed), Describe(loaded));
        Assert.Equal(parsed.Schema is null, loaded.Schema is null);
        if (parsed.Schema is { } expected)
        {
            Assert.Equal(expected.Secrets.Select(Describe), loaded.Schema!.Secrets.Select(Describe));
        }
    }

    [Fact]
    public void A_file_that_is_not_valid_utf8_reads_as_replacement_characters_as_before()
    {
        var path = Path.Combine(_temp.Path, "secrets.schema.json");
        var bytes = Encoding.UTF8.GetBytes(Valid.Replace("Café", "Caf?"));
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xFF;
        File.WriteAllBytes(path, bytes);

        var loaded = SchemaFile.Load(path);

        Assert.Equal("Caf\uFFFD db", loaded.Schema!.Secrets[0].Description);
    }

    [Fact]
    public void Secrets_are_read_in_file_order_with_their_positions()
    {
        var path = Path.Combine(_temp.Path, "secrets.schema.json");
        File.WriteAllText(path, Valid.Replace("Café", "Cafe"));

        var secrets = SchemaFile.Load(path).Schema!.Secrets;

        Assert.Equal(["DB_PASSWORD", "API_KEY"], secrets.Select(s => s.Name));
        Assert.Equal((5, 5), (secrets[0].Location.Line, secrets[0].Location.Column));
        Assert.Equal((6, 5), (secrets[1].Location.Line, secrets[1].Location.Column));
        Assert.Equal(["db", "api"], secrets[0].Services.ToArray());
        Assert.Equal("sk-", secrets[1].Generation.Prefix);
    }

    private static string[] Describe(SchemaParseResult result) =>
        [.. result.Diagnostics.Select(d => $"{d.Code} {d.Severity} {Describe(d.Location)} {d.Message} | {d.Fix}")];

    private static string Describe(SecretDefinition s) =>
        $"{s.Name} {s.PropertyName} {s.Description} {s.Category} {s.Type} {s.Generation} {string.Join(",", s.Services)} {s.RotationDays} {Describe(s.Location)}";

    private static string Describe(SourceLocation? l) =>
        l is null ? "-" : $"{l.File}({l.Line},{l.Column}-{l.EndLine},{l.EndColumn})@{l.Offset}+{l.Length}";
}
