using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace Secrets.Build.Core.Schema.Json;

/// <summary>Reads JSON text into a <see cref="JsonNode"/> tree with byte positions.</summary>
/// <remarks>
/// One root member can be deferred: its object is checked and its members counted while the
/// document is read, but its members are built only later, one at a time, through
/// <see cref="StreamMembers"/>. A schema's "secrets" object is nearly the whole file; walked
/// that way, each secret's small tree is garbage as soon as it has been read, instead of
/// 10,000 of them staying alive (and being copied by every collection) until the walk ends.
/// </remarks>
internal sealed class JsonTreeReader
{
    /// <summary>Deep enough for any real schema; deeper input is refused rather than recursed into.</summary>
    public const int MaxDepth = 64;

    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = MaxDepth,
    };

    private readonly byte[] _utf8;
    private readonly int _length;
    private readonly string? _deferredMember;

    // One scratch stack each for members and items, shared by every nesting level: an object's
    // members are pushed on top and copied into an exactly sized array when it closes. That
    // makes each object or array cost one allocation instead of a growing list.
    private readonly List<JsonMember> _memberStack = new(64);
    private readonly List<JsonNode> _itemStack = new(64);

    // Where the reader's buffer starts in the document: 0, or a deferred object's start while it is streamed.
    private int _offset;
    private bool _streaming;

    private JsonTreeReader(byte[] utf8, int length, string? deferredMember)
    {
        _utf8 = utf8;
        _length = length;
        _deferredMember = deferredMember;
    }

    /// <summary>
    /// Parses <paramref name="utf8"/>; throws <see cref="JsonException"/> when it is not well-formed.
    /// </summary>
    public static JsonNode Read(byte[] utf8) => Open(utf8, utf8.Length, deferredMember: null).Root;

    /// <summary>
    /// Parses the first <paramref name="length"/> bytes of <paramref name="utf8"/> (a pooled buffer is
    /// usually longer), leaving the object value of a root member named <paramref name="deferredMember"/>
    /// to <see cref="StreamMembers"/>. Throws <see cref="JsonException"/> when the text is not well-formed,
    /// deferred part included: streaming later meets no syntax error.
    /// </summary>
    public static JsonTreeReader Open(byte[] utf8, int length, string? deferredMember)
    {
        var tree = new JsonTreeReader(utf8, length, deferredMember);
        tree.Root = tree.ReadDocument();
        return tree;
    }

    /// <summary>The document's root value.</summary>
    public JsonNode Root { get; private set; } = null!;

    /// <summary>The members of a deferred object, built one at a time, in file order.</summary>
    public JsonMemberStream StreamMembers(JsonNode deferred)
    {
        if (!deferred.IsDeferred)
        {
            throw new ArgumentException("Only a deferred object is streamed.", nameof(deferred));
        }

        _offset = deferred.Start;
        _streaming = true;
        var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(_utf8, deferred.Start, deferred.End - deferred.Start), Options);
        reader.Read();
        return new JsonMemberStream(this, reader);
    }

    /// <summary>The next member of the streamed object, or null after its last one.</summary>
    internal JsonMember? NextMember(ref Utf8JsonReader reader) =>
        reader.Read() && reader.TokenType != JsonTokenType.EndObject ? ReadMember(ref reader, depth: 1) : null;

    private JsonNode ReadDocument()
    {
        var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(_utf8, 0, _length), Options);

        if (!reader.Read())
        {
            throw new JsonException("The file is empty; a schema is a JSON object.", null, 0, 0);
        }

        var root = ReadValue(ref reader, depth: 0);
        if (reader.Read())
        {
            throw new JsonException("Only one JSON value may appear in the file.", null, 0, 0);
        }

        return root;
    }

    private JsonNode ReadValue(ref Utf8JsonReader reader, int depth)
    {
        var start = Position(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var first = _memberStack.Count;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    _memberStack.Add(ReadMember(ref reader, depth + 1));
                }

                var members = PopFrom(_memberStack, first);
                return new JsonNode(JsonNodeKind.Object, start, Position(reader.BytesConsumed), null, members, Array.Empty<JsonNode>());
            }

            case JsonTokenType.StartArray:
            {
                var first = _itemStack.Count;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    _itemStack.Add(ReadValue(ref reader, depth + 1));
                }

                var items = PopFrom(_itemStack, first);
                return new JsonNode(JsonNodeKind.Array, start, Position(reader.BytesConsumed), null, Array.Empty<JsonMember>(), items);
            }

            case JsonTokenType.String:
                return new JsonNode(JsonNodeKind.String, start, Position(reader.BytesConsumed), StringValue(ref reader));
            case JsonTokenType.Number:
                return new JsonNode(JsonNodeKind.Number, start, Position(reader.BytesConsumed), RawText(ref reader));
            case JsonTokenType.True:
                return new JsonNode(JsonNodeKind.True, start, Position(reader.BytesConsumed), null);
            case JsonTokenType.False:
                return new JsonNode(JsonNodeKind.False, start, Position(reader.BytesConsumed), null);
            default:
                return new JsonNode(JsonNodeKind.Null, start, Position(reader.BytesConsumed), null);
        }
    }

    /// <summary>Reads one member; the reader is on its name and ends on the last token of its value.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="depth">The nesting depth of the member's object's members (1 for the root's).</param>
    private JsonMember ReadMember(ref Utf8JsonReader reader, int depth)
    {
        var nameStart = Position(reader.TokenStartIndex);
        var name = PropertyName(ref reader);
        var nameEnd = Position(reader.BytesConsumed);
        reader.Read();
        var value = !_streaming && depth == 1 && reader.TokenType == JsonTokenType.StartObject && name == _deferredMember
            ? SkipDeferred(ref reader)
            : ReadValue(ref reader, depth);
        return new JsonMember(name, nameStart, nameEnd, value);
    }

    /// <summary>Checks a deferred object's syntax and counts its members, keeping none of them.</summary>
    private JsonNode SkipDeferred(ref Utf8JsonReader reader)
    {
        var start = Position(reader.TokenStartIndex);
        var depth = reader.CurrentDepth;
        var count = 0;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1)
            {
                count++;
            }
        }

        return JsonNode.Deferred(start, Position(reader.BytesConsumed), count);
    }

    /// <summary>Removes the entries from index <paramref name="first"/> up and returns them in order.</summary>
    private static T[] PopFrom<T>(List<T> stack, int first)
    {
        var count = stack.Count - first;
        if (count == 0)
        {
            return Array.Empty<T>();
        }

        var popped = new T[count];
        stack.CopyTo(first, popped, 0, count);
        stack.RemoveRange(first, count);
        return popped;
    }

    private int Position(long readerOffset) => _offset + (int)readerOffset;

    private static string PropertyName(ref Utf8JsonReader reader) => reader.GetString() ?? string.Empty;

    private static string StringValue(ref Utf8JsonReader reader) => reader.GetString() ?? string.Empty;

    // The whole file is one buffer, so a number's bytes are the token's own bytes in it.
    private string RawText(ref Utf8JsonReader reader) =>
        Encoding.UTF8.GetString(_utf8, Position(reader.TokenStartIndex), reader.ValueSpan.Length);
}

/// <summary>The members of a deferred object, read one by one (see <see cref="JsonTreeReader.StreamMembers"/>).</summary>
internal ref struct JsonMemberStream
{
    private readonly JsonTreeReader _tree;
    private Utf8JsonReader _reader;

    public JsonMemberStream(JsonTreeReader tree, Utf8JsonReader reader)
    {
        _tree = tree;
        _reader = reader;
    }

    /// <summary>The next member, or null when there is none left.</summary>
    public JsonMember? Next() => _tree.NextMember(ref _reader);
}
