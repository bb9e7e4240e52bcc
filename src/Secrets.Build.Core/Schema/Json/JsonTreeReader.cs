using System;
using System.Text;
using System.Text.Json;

namespace Secrets.Build.Core.Schema.Json;

/// <summary>Reads JSON text into a <see cref="JsonNode"/> tree with byte positions.</summary>
internal static class JsonTreeReader
{
    /// <summary>Deep enough for any real schema; deeper input is refused rather than recursed into.</summary>
    public const int MaxDepth = 64;

    /// <summary>Parses <paramref name="utf8"/>; throws <see cref="JsonException"/> when it is not well-formed.</summary>
    public static JsonNode Read(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = MaxDepth,
        });

        if (!reader.Read())
        {
            throw new JsonException("The file is empty; a schema is a JSON object.", null, 0, 0);
        }

        var root = ReadValue(ref reader);
        if (reader.Read())
        {
            throw new JsonException("Only one JSON value may appear in the file.", null, 0, 0);
        }

        return root;
    }

    private static JsonNode ReadValue(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var node = new JsonNode(JsonNodeKind.Object, start, start, null);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var nameStart = (int)reader.TokenStartIndex;
                    var name = reader.GetString() ?? string.Empty;
                    var nameEnd = (int)reader.BytesConsumed;
                    reader.Read();
                    node.Properties.Add(new JsonMember(name, nameStart, nameEnd, ReadValue(ref reader)));
                }

                node.End = (int)reader.BytesConsumed;
                return node;
            }

            case JsonTokenType.StartArray:
            {
                var node = new JsonNode(JsonNodeKind.Array, start, start, null);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    node.Items.Add(ReadValue(ref reader));
                }

                node.End = (int)reader.BytesConsumed;
                return node;
            }

            case JsonTokenType.String:
                return new JsonNode(JsonNodeKind.String, start, (int)reader.BytesConsumed, reader.GetString());
            case JsonTokenType.Number:
                return new JsonNode(JsonNodeKind.Number, start, (int)reader.BytesConsumed, RawText(ref reader));
            case JsonTokenType.True:
                return new JsonNode(JsonNodeKind.True, start, (int)reader.BytesConsumed, null);
            case JsonTokenType.False:
                return new JsonNode(JsonNodeKind.False, start, (int)reader.BytesConsumed, null);
            default:
                return new JsonNode(JsonNodeKind.Null, start, (int)reader.BytesConsumed, null);
        }
    }

    private static string RawText(ref Utf8JsonReader reader)
    {
        // The whole file is one buffer, so a token is never split across segments.
        var span = reader.ValueSpan.ToArray();
        return Encoding.UTF8.GetString(span);
    }
}
