using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Secrets.Build.Core.Store;

/// <summary>
/// Reads one committed file into its JSON shape and tells apart the ways that can fail:
/// too large, unreadable, truncated, not JSON, not ours, an unknown version, a wrong shape.
/// </summary>
internal static class StoreFileReader
{
    private static readonly StoreJsonContext Context = new(new JsonSerializerOptions
    {
        RespectNullableAnnotations = true,
        AllowTrailingCommas = false,
    });

    public static byte[] ReadBytes(string path)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > StoreFormat.MaxFileBytes)
            {
                throw StoreErrors.TooLarge(path, length);
            }

            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw StoreErrors.ReadFailed(path, ex);
        }
    }

    public static T Parse<T>(string path, byte[] bytes, string marker)
    {
        CheckIsUtf8(path, bytes);
        CheckIsCompleteJson(path, bytes);
        CheckMarkerAndVersion(path, bytes, marker);
        try
        {
            return JsonSerializer.Deserialize(bytes, (JsonTypeInfo<T>)Context.GetTypeInfo(typeof(T))!)
                ?? throw StoreErrors.BadStructure(path, "the file holds null.");
        }
        catch (JsonException ex)
        {
            throw StoreErrors.BadStructure(path, DescribeShapeError(ex),
                (int)(ex.LineNumber ?? -1) + 1, (int)(ex.BytePositionInLine ?? -1) + 1);
        }
    }

    /// <summary>
    /// Reads every token as if more data could follow: invalid bytes throw at once, while a
    /// text that is merely cut off runs out of tokens before its outer object closes. That is
    /// how a truncated file gets its own error instead of a confusing syntax message. The same
    /// pass refuses a property named twice in one object, which the deserializer would let
    /// the last one win silently.
    /// </summary>
    private static void CheckIsCompleteJson(string path, byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes, isFinalBlock: false, state: default);
        var sawValue = false;
        var names = new Stack<HashSet<string>?>();
        // Every secret is an object of its own; recycling their name sets keeps a 10,000-secret
        // file from allocating 10,000 of them.
        var spareSets = new Stack<HashSet<string>>();
        try
        {
            while (reader.Read())
            {
                sawValue = true;
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        names.Push(spareSets.TryPop(out var spare) ? spare : new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.StartArray:
                        names.Push(null);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        if (names.Pop() is { } done)
                        {
                            done.Clear();
                            spareSets.Push(done);
                        }

                        break;
                    case JsonTokenType.PropertyName when !names.Peek()!.Add(reader.GetString()!):
                        var (line, column) = Position(bytes, (int)reader.TokenStartIndex);
                        throw StoreErrors.BadStructure(path, $"the property \"{reader.GetString()}\" appears twice in one object.", line, column);
                }

                if (reader.CurrentDepth == 0 && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    break;
                }
            }
        }
        catch (JsonException ex)
        {
            throw StoreErrors.NotJson(path, FirstSentence(ex.Message),
                (int)(ex.LineNumber ?? -1) + 1, (int)(ex.BytePositionInLine ?? -1) + 1);
        }

        if (!sawValue || reader.CurrentDepth > 0 || reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray))
        {
            throw StoreErrors.Truncated(path);
        }

        // Something other than whitespace after the closing brace (half a second copy, a
        // stray conflict marker) is not JSON either.
        var rest = bytes.AsSpan((int)reader.BytesConsumed);
        var trailing = rest.IndexOfAnyExcept(" \t\r\n"u8);
        if (trailing >= 0)
        {
            var (line, column) = Position(bytes, (int)reader.BytesConsumed + trailing);
            throw StoreErrors.NotJson(path, "there is text after the closing '}'.", line, column);
        }
    }

    /// <summary>
    /// System.Text.Json validates UTF-8 only where it transcodes a string, and then throws
    /// InvalidOperationException rather than JsonException; checking the whole file first turns
    /// an invalid byte anywhere into the same "not JSON" error with its position.
    /// </summary>
    private static void CheckIsUtf8(string path, byte[] bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return;
        }

        var rest = bytes.AsSpan();
        while (System.Text.Rune.DecodeFromUtf8(rest, out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            rest = rest[consumed..];
        }

        var (line, column) = Position(bytes, bytes.Length - rest.Length);
        throw StoreErrors.NotJson(path, "it is not valid UTF-8 text.", line, column);
    }

    /// <summary>
    /// Reads only the root object's own members (nested values are skipped, not parsed into a
    /// document): the file is already known to be complete JSON without repeated names.
    /// </summary>
    private static void CheckMarkerAndVersion(string path, byte[] bytes, string marker)
    {
        var reader = new Utf8JsonReader(bytes);
        string? format = null;
        int? version = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw StoreErrors.NotAStoreFile(path, marker);
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isFormat = reader.ValueTextEquals("format"u8);
            var isVersion = !isFormat && reader.ValueTextEquals("formatVersion"u8);
            reader.Read();
            if (isFormat && reader.TokenType == JsonTokenType.String)
            {
                format = reader.GetString();
            }
            else if (isVersion)
            {
                version = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number) ? number : null;
            }

            reader.Skip();
        }

        if (format != marker)
        {
            throw StoreErrors.NotAStoreFile(path, marker);
        }

        if (version is not { } found)
        {
            throw StoreErrors.BadStructure(path, "\"formatVersion\" is missing or not a whole number.");
        }

        if (found != StoreFormat.Version)
        {
            throw StoreErrors.UnknownVersion(path, found);
        }
    }

    private static string DescribeShapeError(JsonException ex) =>
        ex.Path is { Length: > 0 } jsonPath ? $"at {jsonPath}: {FirstSentence(ex.Message)}" : FirstSentence(ex.Message);

    // System.Text.Json appends "Path: ... | LineNumber: ..." to its messages; the location
    // travels separately, so keep only the explanation.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static (int Line, int Column) Position(byte[] bytes, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }
}
