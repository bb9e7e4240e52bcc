using System.Text.Json;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Trust;

/// <summary>
/// The JSON of the trust folder's two kinds of record: an object with <c>format</c>,
/// <c>formatVersion</c> and the fields of <see cref="StoreTrust"/> or <see cref="WorkspaceTrust"/>.
/// Read with <see cref="Utf8JsonReader"/>, which every build has loaded already for the store,
/// rather than a document model. Members this version does not know are skipped; anything else
/// unexpected throws, and <see cref="TrustFolder"/> reports it as a damaged record.
/// </summary>
internal static class TrustRecordJson
{
    private const string StoreMarker = "secrets-build-trust-store";
    private const string WorkspaceMarker = "secrets-build-trust-workspace";
    private const int Version = 1;

    /// <exception cref="JsonException">Not JSON.</exception>
    /// <exception cref="FormatException">JSON, but not a store record.</exception>
    public static StoreTrust ParseStore(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes);
        Start(ref reader, JsonTokenType.StartObject);
        string? format = null, storeId = null, environment = null, auditMac = null;
        long version = 0, generation = -1, sequence = -1;
        DateTimeOffset? seenAt = null, lastSeen = null;
        List<string>? keyIds = null;
        while (NextMember(ref reader, out var name))
        {
            switch (name)
            {
                case "format": format = Text(ref reader); break;
                case "formatVersion": version = Number(ref reader); break;
                case "storeId": storeId = Text(ref reader); break;
                case "environment": environment = Text(ref reader); break;
                case "generation": generation = Number(ref reader); break;
                case "generationSeenAt": seenAt = Date(ref reader); break;
                case "keyIds": keyIds = Strings(ref reader); break;
                case "auditSequence": sequence = Number(ref reader); break;
                case "auditMac": auditMac = Text(ref reader); break;
                case "lastSeen": lastSeen = Date(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        if (format != StoreMarker || version != Version || storeId is null || environment is null
            || generation is < 0 or > int.MaxValue || seenAt is null || keyIds is null || sequence < 0
            || auditMac is null || lastSeen is null || reader.Read())
        {
            throw new FormatException();
        }

        return new StoreTrust(storeId, environment, (int)generation, seenAt.Value, keyIds,
            sequence > 0 ? new AuditHead(sequence, auditMac) : null, lastSeen.Value);
    }

    /// <exception cref="JsonException">Not JSON.</exception>
    /// <exception cref="FormatException">JSON, but not a workspace record.</exception>
    public static WorkspaceTrust ParseWorkspace(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes);
        Start(ref reader, JsonTokenType.StartObject);
        string? format = null, path = null, environment = null, storeId = null;
        long version = 0;
        DateTimeOffset? since = null;
        while (NextMember(ref reader, out var name))
        {
            switch (name)
            {
                case "format": format = Text(ref reader); break;
                case "formatVersion": version = Number(ref reader); break;
                case "path": path = Text(ref reader); break;
                case "environment": environment = Text(ref reader); break;
                case "storeId": storeId = Text(ref reader); break;
                case "since": since = Date(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        return format != WorkspaceMarker || version != Version || path is null || environment is null
            || storeId is null || since is null || reader.Read()
            ? throw new FormatException()
            : new WorkspaceTrust(path, environment, storeId, since.Value);
    }

    private static List<string> Strings(ref Utf8JsonReader reader)
    {
        Start(ref reader, JsonTokenType.StartArray);
        var strings = new List<string>();
        while (NextItem(ref reader))
        {
            strings.Add(Current(reader));
        }

        return strings;
    }

    // Moves onto the next array item; false at the end of the array.
    private static bool NextItem(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType != JsonTokenType.EndArray;

    // Moves onto the next member's name; false at the end of the object.
    private static bool NextMember(ref Utf8JsonReader reader, out string name)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            name = string.Empty;
            return false;
        }

        Expect(reader, JsonTokenType.PropertyName);
        name = reader.GetString()!;
        return true;
    }

    private static void Start(ref Utf8JsonReader reader, JsonTokenType token)
    {
        reader.Read();
        Expect(reader, token);
    }

    private static void Expect(in Utf8JsonReader reader, JsonTokenType token)
    {
        if (reader.TokenType != token)
        {
            throw new FormatException();
        }
    }

    private static string Text(ref Utf8JsonReader reader)
    {
        reader.Read();
        return Current(reader);
    }

    private static string Current(in Utf8JsonReader reader)
    {
        Expect(reader, JsonTokenType.String);
        return reader.GetString()!;
    }

    private static long Number(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : throw new FormatException();
    }

    private static DateTimeOffset Date(ref Utf8JsonReader reader) =>
        StoreFormat.TryParseDate(Text(ref reader), out var date) ? date : throw new FormatException();

    public static byte[] Serialize(StoreTrust store)
    {
        using var buffer = new MemoryStream();
        using (var writer = StartRecord(buffer, StoreMarker))
        {
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

        return EndRecord(buffer);
    }

    public static byte[] Serialize(WorkspaceTrust workspace)
    {
        using var buffer = new MemoryStream();
        using (var writer = StartRecord(buffer, WorkspaceMarker))
        {
            writer.WriteString("path", workspace.Path);
            writer.WriteString("environment", workspace.Environment);
            writer.WriteString("storeId", workspace.StoreId);
            writer.WriteString("since", StoreFormat.FormatDate(workspace.Since));
            writer.WriteEndObject();
        }

        return EndRecord(buffer);
    }

    // Not indented: indenting the key id arrays made every build JIT-compile the framework's
    // span fill, about 0.3 ms (RESULTS.md, "Cold-start cuts for the issue 16 bound"); jq shows it indented.
    private static Utf8JsonWriter StartRecord(MemoryStream buffer, string format)
    {
        var writer = new Utf8JsonWriter(buffer);
        writer.WriteStartObject();
        writer.WriteString("format", format);
        writer.WriteNumber("formatVersion", Version);
        return writer;
    }

    private static byte[] EndRecord(MemoryStream buffer)
    {
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
