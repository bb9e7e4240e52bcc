using System.Text;
using System.Text.Json;

namespace Secrets.Build.Core.Store.Json;

/// <summary>
/// Names the place of an error after the fact: the JSON path (<c>secrets.API_KEY.retired[0].nonce</c>)
/// and the line and column of a byte offset. Only an error pays for this; the readers keep nothing
/// but the offset while they read.
/// </summary>
internal static class JsonPathFinder
{
    /// <summary>
    /// The path of the token that starts at <paramref name="offset"/>: a value or member name by
    /// its own path, an object's or array's closing token by the path of that object or array.
    /// Empty for the top-level object.
    /// </summary>
    public static string PathAt(byte[] bytes, long offset)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = false });
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                var token = reader.TokenType;
                var isValue = token is not (JsonTokenType.EndObject or JsonTokenType.EndArray or JsonTokenType.PropertyName);
                if (isValue && frames.Count > 0 && frames[^1].IsArray)
                {
                    frames[^1].Index++;
                }

                if (token == JsonTokenType.PropertyName)
                {
                    frames[^1].Name = reader.GetString();
                }

                if (reader.TokenStartIndex == offset)
                {
                    return Format(frames, token is JsonTokenType.EndObject or JsonTokenType.EndArray ? frames.Count - 1 : frames.Count);
                }

                switch (token)
                {
                    case JsonTokenType.StartObject: frames.Add(new Frame(isArray: false)); break;
                    case JsonTokenType.StartArray: frames.Add(new Frame(isArray: true)); break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray: frames.RemoveAt(frames.Count - 1); break;
                }
            }
        }
        catch (JsonException)
        {
            // Only reached for an offset past a syntax error, which is reported as such first.
        }

        return Format(frames, frames.Count);
    }

    /// <summary>The 1-based line and column (in bytes) of <paramref name="offset"/>.</summary>
    public static (int Line, int Column) Position(byte[] bytes, int offset)
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

    private static string Format(List<Frame> frames, int count)
    {
        var path = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var frame = frames[i];
            if (frame.IsArray)
            {
                path.Append('[').Append(frame.Index).Append(']');
            }
            else if (frame.Name is { } name)
            {
                path.Append(path.Length == 0 ? string.Empty : ".").Append(name);
            }
        }

        return path.ToString();
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;
        public int Index { get; set; } = -1;
        public string? Name { get; set; }
    }
}
