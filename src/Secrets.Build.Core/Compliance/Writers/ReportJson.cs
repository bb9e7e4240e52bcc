using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Secrets.Build.Core.Compliance.Writers;

/// <summary>Shared serializer settings: indented, and readable (no <c>\u002B</c> for <c>+</c>) since these are files, not HTML.</summary>
internal static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(JsonNode node) => node.ToJsonString(Options) + "\n";
}
