using System.Text.Json;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Store.Json;

namespace Secrets.Build.Core.Store;

/// <summary>
/// Reads one committed file into its JSON shape and tells apart the ways that can fail:
/// too large, unreadable, truncated, not JSON, not ours, an unknown version, a wrong shape.
/// </summary>
internal static class StoreFileReader
{
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

    /// <summary>
    /// Parses a store (<typeparamref name="T"/> = <see cref="StoreDocument"/>) or metadata file
    /// (<see cref="MetadataDocument"/>) in one pass. When that pass finds anything wrong, the
    /// file is diagnosed again check by check, so the error reported is the one that comes
    /// first in this order whatever the order in the file: not UTF-8, not complete JSON (or a
    /// member named twice), not our marker or version, and only then a wrong shape.
    /// </summary>
    public static T Parse<T>(string path, byte[] bytes, string marker)
        where T : class
    {
        CheckIsUtf8(path, bytes);
        try
        {
            var document = ReadDocument(path, bytes, typeof(T) == typeof(StoreDocument));
            return (T)document;
        }
        catch (SecretsException)
        {
            Diagnose(path, bytes, marker);
            throw;
        }
        catch (JsonException ex)
        {
            // The syntax checks below report every reader error; this is only a safety net.
            Diagnose(path, bytes, marker);
            throw StoreErrors.NotJson(path, FirstSentence(ex.Message), (int)(ex.LineNumber ?? -1) + 1, (int)(ex.BytePositionInLine ?? -1) + 1);
        }

        object ReadDocument(string file, byte[] json, bool isStore)
        {
            var reader = new Utf8JsonReader(json);
            var shape = new JsonShape(file, json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw StoreErrors.NotAStoreFile(file, marker);
            }

            object read;
            string format;
            int version;
            if (isStore)
            {
                var store = StoreDocumentReader.Read(shape, ref reader);
                (read, format, version) = (store, store.Format, store.FormatVersion);
            }
            else
            {
                var metadata = MetadataDocumentReader.Read(shape, ref reader);
                (read, format, version) = (metadata, metadata.Format, metadata.FormatVersion);
            }

            if (format != marker)
            {
                throw StoreErrors.NotAStoreFile(file, marker);
            }

            if (version != StoreFormat.Version)
            {
                throw StoreErrors.UnknownVersion(file, version);
            }

            var trailing = FirstNonWhitespace(json.AsSpan((int)reader.BytesConsumed));
            if (trailing >= 0)
            {
                var (line, column) = Position(json, (int)reader.BytesConsumed + trailing);
                throw StoreErrors.NotJson(file, "there is text after the closing '}'.", line, column);
            }

            return read;
        }
    }

    /// <summary>Throws the first error of the checks that come before the shape; returns when there is none.</summary>
    private static void Diagnose(string path, byte[] bytes, string marker)
    {
        CheckIsCompleteJson(path, bytes);
        CheckMarkerAndVersion(path, bytes, marker);
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
        var trailing = FirstNonWhitespace(rest);
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

    // System.Text.Json appends "Path: ... | LineNumber: ..." to its messages; the location
    // travels separately, so keep only the explanation.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    // A plain loop rather than IndexOfAnyExcept, whose generic code every build JIT-compiled.
    private static int FirstNonWhitespace(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return i;
            }
        }

        return -1;
    }

    private static (int Line, int Column) Position(byte[] bytes, int offset) => JsonPathFinder.Position(bytes, offset);
}
