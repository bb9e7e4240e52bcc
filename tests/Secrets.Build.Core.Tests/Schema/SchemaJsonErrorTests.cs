using System.Text;
using System.Text.Json;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Schema;

namespace Secrets.Build.Core.Tests.Schema;

/// <summary>
/// Text without comments is read by a faster reader that does not accept them; its errors must
/// still be the ones the comment-skipping reader reports, word for word and position for position.
/// </summary>
public sealed class SchemaJsonErrorTests
{
    [Theory]
    [InlineData("{ \"project\": \"app\" / }")]
    [InlineData("{ \"project\": \"app\", \"secrets\": { \"A_KEY\": { \"category\": \"api_keys\" } } /x")]
    [InlineData("{ \"project\": \"app\"\n  \"secrets\": {} }")]
    [InlineData("{ \"project\": \"a/b\", \"secrets\": { \"A_KEY\": { \"category\": \"api_keys\", } ")]
    [InlineData("{ \"project\": \"app\", // a comment\n \"secrets\": { \"A_KEY\": [ } }")]
    [InlineData("{ \"project\": \"app\", /* a comment */ \"secrets\": { \"A_KEY\": { } } } }")]
    public void Malformed_text_gets_the_comment_skipping_readers_error(string text)
    {
        var expected = ReadWithCommentSkipping(text);

        var diagnostic = Assert.Single(SchemaParser.Parse(text, "secrets.schema.json").Diagnostics);

        Assert.Equal(DiagnosticCodes.SchemaMalformedJson, diagnostic.Code);
        Assert.StartsWith("The schema is not valid JSON: " + expected.Message![..expected.Message!.IndexOf(" LineNumber:", StringComparison.Ordinal)].Trim(), diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(expected.LineNumber + 1, diagnostic.Location!.Line);
    }

    private static JsonException ReadWithCommentSkipping(string text)
    {
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
                MaxDepth = 64,
            });
            while (reader.Read())
            {
            }
        }
        catch (JsonException exception)
        {
            return exception;
        }

        throw new InvalidOperationException("The test text was meant to be malformed.");
    }
}
