using System.Text.Json;
using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Trust;

/// <summary>
/// The JSON of <c>trust.json</c>: an object with <c>format</c>, <c>formatVersion</c>, a
/// <c>stores</c> array and a <c>workspaces</c> array (see <see cref="TrustRecord"/>). Small and
/// read once per provisioning, so <see cref="JsonDocument"/> reads it; anything unexpected throws,
/// and <see cref="TrustFile"/> reports it as a damaged record.
/// </summary>
internal static class TrustRecordJson
{
    private const string Marker = "secrets-build-trust";
    private const int Version = 1;

    /// <exception cref="JsonException">Not JSON.</exception>
    /// <exception cref="FormatException">JSON, but not a trust record (also InvalidOperationException, KeyNotFoundException).</exception>
    public static TrustRecord Parse(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        if (root.GetProperty("format").GetString() != Marker || root.GetProperty("formatVersion").GetInt32() != Version)
        {
            throw new FormatException();
        }

        var stores = new List<StoreTrust>();
        foreach (var entry in root.GetProperty("stores").EnumerateArray())
        {
            var sequence = entry.GetProperty("auditSequence").GetInt64();
            stores.Add(new StoreTrust(
                Text(entry, "storeId"),
                Text(entry, "environment"),
                entry.GetProperty("generation").GetInt32(),
                Date(entry, "generationSeenAt"),
                [.. entry.GetProperty("keyIds").EnumerateArray().Select(k => k.GetString() ?? throw new FormatException())],
                sequence > 0 ? new AuditHead(sequence, Text(entry, "auditMac")) : null,
                Date(entry, "lastSeen")));
        }

        var workspaces = new List<WorkspaceTrust>();
        foreach (var entry in root.GetProperty("workspaces").EnumerateArray())
        {
            workspaces.Add(new WorkspaceTrust(
                Text(entry, "path"),
                Text(entry, "environment"),
                Text(entry, "storeId"),
                Date(entry, "lastSeen")));
        }

        return new TrustRecord(stores, workspaces);
    }

    private static DateTimeOffset Date(JsonElement entry, string name) =>
        StoreFormat.TryParseDate(Text(entry, name), out var date) ? date : throw new FormatException();

    // GetString returns null for a JSON null; a record with a null id would match nothing and say nothing.
    private static string Text(JsonElement entry, string name) =>
        entry.GetProperty(name).GetString() ?? throw new FormatException();

    public static byte[] Serialize(TrustRecord record)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", Marker);
            writer.WriteNumber("formatVersion", Version);
            writer.WriteStartArray("stores");
            foreach (var store in record.Stores)
            {
                writer.WriteStartObject();
                writer.WriteString("storeId", store.StoreId);
                writer.WriteString("environment", store.Environment);
                writer.WriteNumber("generation", store.Generation);
                writer.WriteString("generationSeenAt", StoreFormat.FormatDate(store.GenerationSeenAt));
                writer.WriteStartArray("keyIds");
                foreach (var keyId in store.KeyIds)
                {
                    writer.WriteStringValue(keyId);
                }

                writer.WriteEndArray();
                writer.WriteNumber("auditSequence", store.AuditHead?.Sequence ?? 0);
                writer.WriteString("auditMac", store.AuditHead?.Mac ?? string.Empty);
                writer.WriteString("lastSeen", StoreFormat.FormatDate(store.LastSeen));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("workspaces");
            foreach (var workspace in record.Workspaces)
            {
                writer.WriteStartObject();
                writer.WriteString("path", workspace.Path);
                writer.WriteString("environment", workspace.Environment);
                writer.WriteString("storeId", workspace.StoreId);
                writer.WriteString("lastSeen", StoreFormat.FormatDate(workspace.LastSeen));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
