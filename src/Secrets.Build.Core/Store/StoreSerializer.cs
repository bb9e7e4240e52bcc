using System.Text;
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
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        // base64 holds '+' and '/', which the default encoder escapes for HTML; these files
        // are never embedded in HTML, and readable diffs matter.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Serialize<T>(T document)
    {
        var json = JsonSerializer.Serialize(document, Options);
        return Encoding.UTF8.GetBytes(json + "\n");
    }
}
