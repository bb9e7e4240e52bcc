using System;

namespace Secrets.Build.Core.Schema.Json;

/// <summary>The kind of a JSON value.</summary>
internal enum JsonNodeKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// A JSON value that remembers where it is in the text. System.Text.Json's DOM drops
/// positions, and every schema diagnostic needs a line and column, so the schema is read
/// once into this small tree.
/// </summary>
internal sealed class JsonNode
{
    public JsonNode(JsonNodeKind kind, int start, int end, string? text)
        : this(kind, start, end, text, Array.Empty<JsonMember>(), Array.Empty<JsonNode>())
    {
    }

    public JsonNode(JsonNodeKind kind, int start, int end, string? text, JsonMember[] properties, JsonNode[] items)
    {
        Kind = kind;
        Start = start;
        End = end;
        Text = text;
        Properties = properties;
        Items = items;
    }

    /// <summary>
    /// An object whose members are read later, one at a time (<see cref="JsonTreeReader.StreamMembers"/>):
    /// its <see cref="Properties"/> are empty, <see cref="MemberCount"/> says how many it has.
    /// </summary>
    public static JsonNode Deferred(int start, int end, int memberCount) =>
        new(JsonNodeKind.Object, start, end, null) { _deferredMemberCount = memberCount };

    public JsonNodeKind Kind { get; }

    // -1 for every node but a deferred object. One int rather than a flag and a count keeps the
    // node as small as it was: a schema has some 100,000 of them.
    private int _deferredMemberCount = -1;

    /// <summary>True for an object read through <see cref="JsonTreeReader.StreamMembers"/>.</summary>
    public bool IsDeferred => _deferredMemberCount >= 0;

    /// <summary>How many members an object has, deferred or not.</summary>
    public int MemberCount => IsDeferred ? _deferredMemberCount : Properties.Length;

    /// <summary>Byte offset of the first byte of the value.</summary>
    public int Start { get; }

    /// <summary>Byte offset just past the value.</summary>
    public int End { get; }

    /// <summary>The string's value, or the number's raw text.</summary>
    public string? Text { get; }

    /// <summary>An object's members in file order; empty for every other kind.</summary>
    public JsonMember[] Properties { get; }

    /// <summary>An array's items in file order; empty for every other kind.</summary>
    public JsonNode[] Items { get; }

    public string Describe() => Kind switch
    {
        JsonNodeKind.Object => "an object",
        JsonNodeKind.Array => "an array",
        JsonNodeKind.String => "a string",
        JsonNodeKind.Number => "a number",
        JsonNodeKind.True or JsonNodeKind.False => "a boolean",
        _ => "null",
    };
}

/// <summary>One member of a JSON object, with the position of its name.</summary>
internal sealed class JsonMember
{
    public JsonMember(string name, int nameStart, int nameEnd, JsonNode value)
    {
        Name = name;
        NameStart = nameStart;
        NameEnd = nameEnd;
        Value = value;
    }

    public string Name { get; }

    public int NameStart { get; }

    public int NameEnd { get; }

    public JsonNode Value { get; }
}
