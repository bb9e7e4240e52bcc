using System.Text.Encodings.Web;
using System.Text.Json;

namespace Secrets.Build.Core.Store;

/// <summary>
/// Writes the two committed files byte for byte the same way every time: fixed property
/// order, names sorted ordinally, two-space indentation, <c>\n</c> line ends on every OS and a
/// final newline. That is what keeps a save that changed nothing from changing a byte.
/// </summary>
internal static class StoreSerializer
{
    private static readonly StoreJsonContext Context = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        // base64 holds '+' and '/', which the default encoder escapes for HTML; these files
        // are never embedded in HTML, and readable diffs matter.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static byte[] Serialize(StoreDocument document) => WithFinalNewline(JsonSerializer.SerializeToUtf8Bytes(document, Context.StoreDocument));

    public static byte[] Serialize(MetadataDocument document) => WithFinalNewline(JsonSerializer.SerializeToUtf8Bytes(document, Context.MetadataDocument));

    // Straight to UTF-8: going through a string doubled the size of every copy of a large store.
    private static byte[] WithFinalNewline(byte[] json)
    {
        var bytes = new byte[json.Length + 1];
        json.CopyTo(bytes, 0);
        bytes[^1] = (byte)'\n';
        return bytes;
    }
}
