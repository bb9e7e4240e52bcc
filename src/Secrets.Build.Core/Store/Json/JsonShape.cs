using System.Text.Json;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Store.Json;

/// <summary>
/// The typed reads and the shape errors shared by the two hand-written file readers
/// (<see cref="StoreDocumentReader"/>, <see cref="MetadataDocumentReader"/>). Each read moves the
/// reader to the next value and checks its JSON type the way the deserializer used to: no
/// strings for numbers, no fractions or out-of-range numbers for an int, null only where the
/// field is optional.
/// </summary>
/// <remarks>
/// A field's JSON path (<c>secrets.DB_PASSWORD.nonce</c>) is spelled out only for an error, from
/// the error's position (<see cref="JsonPathFinder"/>): a large store has tens of thousands of
/// fields, nearly always valid, and building their paths as they are read was pure garbage.
/// </remarks>
internal sealed class JsonShape(string path, byte[] bytes)
{
    public string Path => path;

    public string String(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw WrongType(reader, "a string");
    }

    public string? NullableString(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString()!,
            JsonTokenType.Null => null,
            _ => throw WrongType(reader, "a string or null"),
        };
    }

    public int Int(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value)
            ? value
            : throw WrongType(reader, "a whole number that fits in 32 bits");
    }

    /// <summary>Moves onto an object that must be there.</summary>
    public void StartObject(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw WrongType(reader, "an object");
        }
    }

    /// <summary>Moves onto an object, or returns false for an optional one given as null.</summary>
    public bool StartNullableObject(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.StartObject => true,
            JsonTokenType.Null => false,
            _ => throw WrongType(reader, "an object or null"),
        };
    }

    /// <summary>Moves onto an array (true), or returns false for an optional one given as null.</summary>
    public bool StartArray(ref Utf8JsonReader reader, bool nullable)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return true;
        }

        return reader.TokenType == JsonTokenType.Null && nullable
            ? false
            : throw WrongType(reader, nullable ? "an array or null" : "an array");
    }

    /// <summary>The next element of an array: true on an object, false at the array's end.</summary>
    public bool NextObjectInArray(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.StartObject => true,
            JsonTokenType.EndArray => false,
            _ => throw WrongType(reader, "an object"),
        };
    }

    /// <summary>Reads one object of a name-to-object map such as <c>secrets</c>.</summary>
    public delegate T ReadNamedObject<T>(JsonShape shape, ref Utf8JsonReader reader);

    /// <summary>
    /// Reads an object whose members are named objects (the <c>secrets</c> of both files) into an
    /// <see cref="OrdinalMap{T}"/>, refusing a name given twice.
    /// </summary>
    public OrdinalMap<T> NamedObjects<T>(ref Utf8JsonReader reader, ReadNamedObject<T> read)
        where T : class
    {
        StartObject(ref reader);
        var map = new OrdinalMap<T>();
        while (NextMember(ref reader))
        {
            var nameToken = reader;
            var name = reader.GetString()!;
            if (!map.TryAdd(name, read(this, ref reader)))
            {
                throw Twice(nameToken);
            }
        }

        return map;
    }

    /// <summary>The next member of an object: true on its name, false at the object's end.</summary>
    public static bool NextMember(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>Marks a member as read; a second one of the same name in one object is an error.</summary>
    public void Seen(ref int seen, int member, in Utf8JsonReader reader)
    {
        if ((seen & member) != 0)
        {
            throw Twice(reader);
        }

        seen |= member;
    }

    /// <summary>At an object's end: the first of <paramref name="names"/> whose bit is not in <paramref name="seen"/> is missing.</summary>
    public void RequireAll(int seen, int required, in Utf8JsonReader reader, ReadOnlySpan<string> names)
    {
        for (var bit = 0; bit < names.Length; bit++)
        {
            if ((required & (1 << bit)) != 0 && (seen & (1 << bit)) == 0)
            {
                throw Error(reader, $"{Join(JsonPathFinder.PathAt(bytes, reader.TokenStartIndex), names[bit])} is missing.");
            }
        }
    }

    public SecretsException Unknown(in Utf8JsonReader reader) =>
        Error(reader, $"{JsonPathFinder.PathAt(bytes, reader.TokenStartIndex)} is not a field this format version has.");

    public SecretsException Twice(in Utf8JsonReader reader) =>
        Error(reader, $"the property \"{reader.GetString()}\" appears twice in one object.");

    public SecretsException WrongType(in Utf8JsonReader reader, string expected) =>
        Error(reader, $"{JsonPathFinder.PathAt(bytes, reader.TokenStartIndex)} must be {expected}, not {Describe(reader.TokenType)}.");

    private SecretsException Error(in Utf8JsonReader reader, string detail)
    {
        var (line, column) = JsonPathFinder.Position(bytes, (int)reader.TokenStartIndex);
        return StoreErrors.BadStructure(path, detail, line, column);
    }

    private static string Join(string parent, string member) => parent.Length == 0 ? member : $"{parent}.{member}";

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number of another kind",
        JsonTokenType.True or JsonTokenType.False => "true or false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => "the end of the enclosing value",
    };
}
