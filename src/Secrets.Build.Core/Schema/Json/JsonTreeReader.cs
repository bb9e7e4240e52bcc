using System;
using System.Text;
using System.Text.Json;

namespace Secrets.Build.Core.Schema.Json;

/// <summary>Reads JSON text into a <see cref="JsonNode"/> tree with byte positions.</summary>
internal sealed class JsonTreeReader
{
    /// <summary>Deep enough for any real schema; deeper input is refused rather than recursed into.</summary>
    public const int MaxDepth = 64;

    private readonly byte[] _utf8;
    private readonly JsonNameTable? _names;

    // One scratch stack each for members and items, shared by every nesting level: an object's
    // members are pushed on top and copied into an exactly sized array when it closes. That
    // makes each object or array cost one allocation instead of a growing list.
    private readonly ScratchStack<JsonMember> _memberStack = new();
    private readonly ScratchStack<JsonNode> _itemStack = new();

    private JsonTreeReader(byte[] utf8, JsonNameTable? names)
    {
        _utf8 = utf8;
        _names = names;
    }

    /// <summary>
    /// Parses <paramref name="utf8"/>; throws <see cref="JsonException"/> when it is not well-formed.
    /// Property names found in <paramref name="names"/> share that table's strings.
    /// </summary>
    public static JsonNode Read(byte[] utf8, JsonNameTable? names = null) => new JsonTreeReader(utf8, names).ReadDocument();

    private JsonNode ReadDocument()
    {
        var reader = new Utf8JsonReader(_utf8, new JsonReaderOptions
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

    private JsonNode ReadValue(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var first = _memberStack.Count;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var nameStart = (int)reader.TokenStartIndex;
                    var name = PropertyName(ref reader);
                    var nameEnd = (int)reader.BytesConsumed;
                    reader.Read();
                    _memberStack.Push(new JsonMember(name, nameStart, nameEnd, ReadValue(ref reader)));
                }

                var members = _memberStack.PopFrom(first);
                return new JsonNode(JsonNodeKind.Object, start, (int)reader.BytesConsumed, null, members, Array.Empty<JsonNode>());
            }

            case JsonTokenType.StartArray:
            {
                var first = _itemStack.Count;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    _itemStack.Push(ReadValue(ref reader));
                }

                var items = _itemStack.PopFrom(first);
                return new JsonNode(JsonNodeKind.Array, start, (int)reader.BytesConsumed, null, Array.Empty<JsonMember>(), items);
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

    private string PropertyName(ref Utf8JsonReader reader)
    {
        // An escaped name ("\u006bind") is decoded by the reader, so only plain ones are looked up.
        if (_names is not null && !reader.ValueIsEscaped && _names.Find(reader.ValueSpan) is { } shared)
        {
            return shared;
        }

        return reader.GetString() ?? string.Empty;
    }

    private string RawText(ref Utf8JsonReader reader)
    {
        // The whole file is one buffer, so a number's bytes are the token's own bytes in it.
        return Encoding.UTF8.GetString(_utf8, (int)reader.TokenStartIndex, reader.ValueSpan.Length);
    }
}
